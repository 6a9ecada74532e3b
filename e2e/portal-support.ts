import type { APIRequestContext } from '@playwright/test';
import postgres from 'postgres';
import { apiPost } from './support';

// No API creates a client login (sign-up arrives with the storefront), so the portal specs give
// their fresh customer one directly in the run's database, with the demo password.
const databaseUrl = () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set; run the specs through e2e/run.mjs');
  return url;
};

async function withDatabase<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A customer of this test alone (through the API) and a client user signing in for it. */
export async function givenClient(request: APIRequestContext, name?: string, currency = 'USD') {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const email = `portal-${tag}@example.test`;
  const customer = await apiPost<{ id: string; name: string; email: string }>(request, '/customers', { name: name ?? `Portal Client ${tag}`, email, currency });
  await withDatabase(
    (sql) => sql`insert into users (email, name, password_hash, role, customer_id)
      select ${email}, ${customer.name}, password_hash, 'client', ${customer.id} from users where email = 'client@cashdesk.test'`,
  );
  return { customer, email };
}

/** What the daily dunning run does to a past-due invoice, for this one invoice only. */
export async function markOverdue(invoiceId: string) {
  await withDatabase((sql) => sql`update invoices set status = 'overdue' where id = ${invoiceId} and status = 'pending'`);
}

/** A calendar date `days` from today (negative: in the past), as the API takes it. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
