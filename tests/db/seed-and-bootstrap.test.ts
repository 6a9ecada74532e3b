import { eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, customers, invoices, ledgerTransactions, orders, resellers, users } from '@/db/schema';
import { demoPassword, isEmpty, seedDemo } from '@/scripts/seed/demo';
import { systemActor, userActor } from '@/server/auth/actor';
import { verifyPassword } from '@/server/auth/password';
import { listCustomers } from '@/server/services/customers/list';
import { authenticateApiKey, bootstrapApiKey } from '@/server/services/people/api-keys';
import { commissionRows, monthOf } from '@/server/services/resellers/commissions';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf } from '../support/fixtures';

const { db } = withTestDatabase();

describe('demo seed', () => {
  let emptyBefore: boolean | undefined;
  beforeAll(async () => {
    emptyBefore = await isEmpty(db());
    await seedDemo(db(), testNow);
  });

  it('creates the demo users with the documented password and a book of customers', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isEmpty(db())).toBe(false);

    const people = await db().select().from(users);
    expect(people.map((u) => u.email).sort()).toEqual([
      'admin@cashdesk.test',
      'client@cashdesk.test',
      'collector@cashdesk.test',
      'nora@cashdesk.test',
      'reseller@cashdesk.test',
      'staff@cashdesk.test',
      'sub@cashdesk.test',
      'viewer@cashdesk.test',
    ]);
    for (const person of people) {
      expect(await verifyPassword(demoPassword, person.passwordHash), person.email).toBe(true);
      expect(person.demoPassword, person.email).toBe(true);
    }
    expect(await verifyPassword('wrong', people[0]!.passwordHash)).toBe(false);

    const client = people.find((u) => u.role === 'client')!;
    const [account] = await db().select().from(customers).where(eq(customers.id, client.customerId!));
    expect(account?.email).toBe('ada@analytical.test');

    const reseller = people.find((u) => u.email === 'reseller@cashdesk.test')!;
    const all = await listCustomers(ctxOf(db(), systemActor()), { limit: 200 });
    expect(all.items.length).toBeGreaterThan(20);
    expect(all.items.filter((c) => c.resellerId === reseller.id)).toHaveLength(3);
    const collector = people.find((u) => u.email === 'collector@cashdesk.test')!;
    expect(collector.role).toBe('collector');
    expect(
      all.items
        .filter((c) => c.collectorId === collector.id)
        .map((c) => c.email)
        .sort(),
    ).toEqual(['barbara@clu.test', 'dennis@unix.test', 'linus@kernel.test']);

    const statuses = new Set((await db().select({ status: invoices.status }).from(invoices)).map((r) => r.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'draft', 'overdue', 'paid', 'partial', 'pending', 'refunded']);
    const orderStates = (await db().select({ status: orders.status, waiting: orders.awaitingApproval }).from(orders)).map(
      (o) => `${o.status}${o.waiting ? '+approval' : ''}`,
    );
    expect(orderStates).toEqual(expect.arrayContaining(['active', 'pending', 'pending+approval']));
    const renewals = await db().select().from(invoices).where(eq(invoices.purpose, 'renewal'));
    expect(renewals.length).toBeGreaterThanOrEqual(1);
  });

  it('gives a reseller signing in a populated console: two resellers, a sub-reseller, books with invoices in every state, a payout', async () => {
    const accounts = await db()
      .select({
        id: users.id,
        email: users.email,
        parentId: resellers.parentId,
        percent: resellers.commissionMilli,
        currency: resellers.currency,
        mayCreate: resellers.mayCreateSubResellers,
      })
      .from(resellers)
      .innerJoin(users, eq(users.id, resellers.userId));
    const byEmail = (email: string) => accounts.find((a) => a.email === email)!;
    const rene = byEmail('reseller@cashdesk.test');
    const sally = byEmail('sub@cashdesk.test');
    const nora = byEmail('nora@cashdesk.test');
    expect(
      accounts
        .filter((a) => a.parentId === null)
        .map((a) => a.email)
        .sort(),
    ).toEqual(['nora@cashdesk.test', 'reseller@cashdesk.test']);
    expect(rene).toMatchObject({ percent: 10_000n, mayCreate: true });
    expect(sally).toMatchObject({ parentId: rene.id, percent: 5_000n });
    expect(nora).toMatchObject({ percent: 12_500n, currency: 'EUR' });

    // Each reseller's own customers, with the states of their invoices (after the seed's billing run).
    const book = await db()
      .select({ resellerId: customers.resellerId, customerId: customers.id, currency: invoices.currency, status: invoices.status })
      .from(customers)
      .leftJoin(invoices, eq(invoices.customerId, customers.id))
      .where(isNotNull(customers.resellerId));
    for (const [who, customerCount] of [
      [rene, 3],
      [sally, 2],
      [nora, 2],
    ] as const) {
      const rows = book.filter((r) => r.resellerId === who.id);
      expect(new Set(rows.map((r) => r.customerId)).size, who.email).toBe(customerCount);
      expect([...new Set(rows.map((r) => r.status))], who.email).toEqual(expect.arrayContaining(['paid', 'partial', 'pending', 'overdue']));
    }
    expect(new Set(book.filter((r) => r.resellerId === nora.id).map((r) => r.currency))).toEqual(new Set(['EUR']));

    // Rene's console: its book holds Sally's customers too; the money went through the ledger.
    const [reneUser] = await db().select().from(users).where(eq(users.id, rene.id));
    const visible = await listCustomers(ctxOf(db(), userActor(reneUser!)), { limit: 200 });
    // Newest first, as e2e/access.spec.ts reads the reseller's customer list.
    expect(visible.items.map((c) => c.name)).toEqual(['Rebecca Heineman', 'Jordan Mechner', 'Roberta Williams', 'John Carmack', 'Carol Shaw']);
    const ledger = await db().select().from(ledgerTransactions);
    for (const who of [rene, sally, nora]) {
      expect(ledger.filter((t) => t.type === 'income' && t.resellerId === who.id).length, who.email).toBeGreaterThanOrEqual(2);
    }
    const payouts = ledger.filter((t) => t.type === 'commission_payout');
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({ resellerId: rene.id, currency: 'USD' });

    // Last month's commission is paid out in full; this month's is outstanding.
    const lastMonth = monthOf(new Date(Date.UTC(testNow.getUTCFullYear(), testNow.getUTCMonth() - 1, 15)));
    expect(payouts[0]).toMatchObject({ periodFrom: lastMonth.from, periodTo: lastMonth.to });
    const [paid] = await commissionRows(db(), lastMonth, { resellerId: rene.id });
    expect(paid).toMatchObject({ paidOut: payouts[0]!.amount, outstanding: 0n });
    expect(paid!.paidOut).toBeGreaterThan(0n);
    const thisMonth = await commissionRows(db(), monthOf(testNow));
    expect(thisMonth.find((r) => r.resellerId === rene.id)?.outstanding).toBeGreaterThan(0n);
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
