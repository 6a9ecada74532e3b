import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, type CustomerSnapshot } from '@/db/schema';
import { notFound } from '@/server/errors';

export type { CustomerSnapshot };

/**
 * The customers row under `alias` as a document's addressee (CustomerSnapshot). Written in SQL
 * so the billing run's set-based insert and every single document freeze the same thing. The
 * place of supply is the address's region (a state, for GST), else its country.
 */
export const snapshotOfRow = (alias: string): SQL =>
  sql.raw(
    `jsonb_build_object('name', ${alias}.name, 'company', ${alias}.company, 'email', ${alias}.email, 'taxId', ${alias}.tax_id, ` +
      `'billingAddress', ${alias}.billing_address, ` +
      `'placeOfSupply', coalesce(nullif(${alias}.billing_address->>'region', ''), ${alias}.billing_address->>'country'))`,
  );

/** The customer as it is now, as an addressee: the value a document takes when it is numbered. */
export const customerSnapshot = (customerId: string) =>
  sql<CustomerSnapshot>`(select ${snapshotOfRow('addressee')} from customers addressee where addressee.id = ${customerId})`;

/**
 * Who a document is addressed to: its snapshot once numbered, else (a draft, or a document
 * numbered before snapshots existed) the customer as it is now.
 */
export async function addresseeOf(db: Database, invoice: { customerId: string; customerSnapshot: CustomerSnapshot | null }): Promise<CustomerSnapshot> {
  if (invoice.customerSnapshot) return invoice.customerSnapshot;
  const [row] = await db
    .select({ addressee: sql<CustomerSnapshot>`${snapshotOfRow('customers')}` })
    .from(customers)
    .where(eq(customers.id, invoice.customerId));
  if (!row) throw notFound('Customer');
  return row.addressee;
}
