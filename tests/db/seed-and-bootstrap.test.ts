import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKeys, customers, invoices, orders, users } from '@/db/schema';
import { demoPassword, isEmpty, seedDemo } from '@/scripts/seed/demo';
import { systemActor } from '@/server/auth/actor';
import { verifyPassword } from '@/server/auth/password';
import { listCustomers } from '@/server/services/customers/list';
import { authenticateApiKey, bootstrapApiKey } from '@/server/services/people/api-keys';
import { withTestDatabase } from '../support/database';
import { ctxOf } from '../support/fixtures';

const { db } = withTestDatabase();

describe('demo seed', () => {
  it('creates the demo users with the documented password and a book of customers', async () => {
    expect(await isEmpty(db())).toBe(true);
    await seedDemo(db());
    expect(await isEmpty(db())).toBe(false);

    const people = await db().select().from(users);
    expect(people.map((u) => u.email).sort()).toEqual([
      'admin@cashdesk.test',
      'client@cashdesk.test',
      'reseller@cashdesk.test',
      'staff@cashdesk.test',
      'viewer@cashdesk.test',
    ]);
    expect(await verifyPassword(demoPassword, people[0]!.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong', people[0]!.passwordHash)).toBe(false);

    const client = people.find((u) => u.role === 'client')!;
    const [account] = await db().select().from(customers).where(eq(customers.id, client.customerId!));
    expect(account?.email).toBe('ada@analytical.test');

    const reseller = people.find((u) => u.role === 'reseller')!;
    const all = await listCustomers(ctxOf(db(), systemActor()), { limit: 200 });
    expect(all.items.length).toBeGreaterThan(20);
    expect(all.items.filter((c) => c.resellerId === reseller.id)).toHaveLength(3);

    const statuses = new Set((await db().select({ status: invoices.status }).from(invoices)).map((r) => r.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'draft', 'overdue', 'paid', 'partial', 'pending', 'refunded']);
    const orderStates = (await db().select({ status: orders.status, waiting: orders.awaitingApproval }).from(orders)).map(
      (o) => `${o.status}${o.waiting ? '+approval' : ''}`,
    );
    expect(orderStates).toEqual(expect.arrayContaining(['active', 'pending', 'pending+approval']));
    const renewals = await db().select().from(invoices).where(eq(invoices.purpose, 'renewal'));
    expect(renewals.length).toBeGreaterThanOrEqual(1);
  });
});

describe('CASHDESK_BOOTSTRAP_API_KEY', () => {
  it('creates an admin key with that value only while no key exists', async () => {
    const secret = 'cd_bootstrap_0123456789abcdefghijkl';
    expect(await bootstrapApiKey(ctxOf(db(), systemActor()), secret)).toBe(true);
    expect(await bootstrapApiKey(ctxOf(db(), systemActor()), 'cd_another_0123456789abcdefghijkl')).toBe(false);
    const keys = await db().select().from(apiKeys);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.keyHash).not.toContain(secret);
    const actor = await authenticateApiKey(db(), secret);
    expect(actor).toMatchObject({ type: 'api_key', role: 'admin' });
    expect(await authenticateApiKey(db(), 'cd_another_0123456789abcdefghijkl')).toBeNull();
  });
});
