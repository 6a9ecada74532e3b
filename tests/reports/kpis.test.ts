import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, billingSchedule, invoices, services } from '@/db/schema';
import { systemActor, type Actor } from '@/server/auth/actor';
import { createInvoice } from '@/server/services/invoices/create';
import { recordPayment } from '@/server/services/payments/record';
import { dashboardKpis } from '@/server/services/reports/kpis';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenOrderRow, givenProduct, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (instant: string) => ctxOf(db(), systemActor(), new Date(instant));
const now = new Date('2027-03-20T12:00:00Z');
let reseller: Actor;

/*
 * Today is 2027-03-20. Customer A belongs to reseller R; D is the desk's own (USD both); E (EUR)
 * has nothing. Windows: month to date Mar 1–20 against Feb 1–20; churn Feb 19–Mar 20 against
 * Jan 20–Feb 18; days to pay Dec 21–Mar 20 against Sep 22–Dec 20.
 *
 * Invoices (issued → paid):                               days   open balance
 *   A4 Dec 1, 1000, paid Dec 31                            30
 *   A1 Feb 1, 10000, paid Feb 11                           10
 *   A2 Mar 1, 6000, 2000 paid Mar 5 (partial)                     4000
 *   A3 Jan 10, 3000, unpaid, overdue                              3000 overdue
 *   D3 Feb 22, 1500, paid Feb 25                           3
 *   D1 Mar 2, 5000, paid Mar 17                            15
 *   D2 Feb 10, 2000, unpaid, overdue                              2000 overdue
 *
 *                   desk                           reseller R (A only)
 * collected MTD     2000 + 5000 = 7000             2000
 *  vs Feb 1–20      10000 (D3's Feb 25 is later)   10000
 * receivables       4000 + 3000 + 2000 = 9000 (3)  7000 (2)
 * overdue           5000 (2)                       3000 (1)
 * days to pay       (30+10+3+15)/4 = 14.5          (30+10)/2 = 20.0; nothing before → none
 *
 * Services, monthly 1000 USD, their orders activated 2026-12-01:
 *   SA1 active; SA2 cancelled Mar 1; SA3 created Mar 5, active       (A)
 *   SD1, SD2 active; SD3 cancelled Feb 10; SD4 terminated Mar 10      (D)
 * churn now: running at the end of Feb 18: SA1 SA2 SD1 SD2 SD4 = 5, of which SA2 and SD4 ended → 40.0 %
 *   before: running at the end of Jan 19: those and SD3 = 6, SD3 ended → 16.7 %
 *   reseller: 2 running, SA2 ended → 50.0 %; before 2, none → 0.0 %
 * MRR now SA1 SA3 SD1 SD2 = 4000, at Feb's end SA1 SA2 SD1 SD2 SD4 = 5000 (Dec and Jan: all but SA3,
 * 6000); reseller 2000 and 2000.
 */
beforeAll(async () => {
  reseller = (await givenUser(db(), 'reseller')).actor;
  const a = await givenCustomer(db(), { currency: 'USD' }, { actor: reseller });
  const d = await givenCustomer(db(), { currency: 'USD' });
  await givenCustomer(db(), { currency: 'EUR' });
  const invoice = async (customerId: string, issueDate: string, total: bigint) =>
    createInvoice(at(`${issueDate}T09:00:00Z`), {
      customerId,
      status: 'pending',
      issueDate,
      dueDate: issueDate,
      currency: 'USD',
      items: [{ description: 'Line', quantity: 1000n, unitPrice: total, taxRate: 0n }],
    });
  const pay = (invoiceId: string, day: string, amount: bigint) => recordPayment(at(`${day}T10:00:00Z`), { invoiceId, amount, method: 'cash' });

  const a4 = await invoice(a.id, '2026-12-01', 1000n);
  await pay(a4.id, '2026-12-31', 1000n);
  const a1 = await invoice(a.id, '2027-02-01', 10_000n);
  await pay(a1.id, '2027-02-11', 10_000n);
  const a2 = await invoice(a.id, '2027-03-01', 6000n);
  await pay(a2.id, '2027-03-05', 2000n);
  const a3 = await invoice(a.id, '2027-01-10', 3000n);
  const d3 = await invoice(d.id, '2027-02-22', 1500n);
  await pay(d3.id, '2027-02-25', 1500n);
  const d1 = await invoice(d.id, '2027-03-02', 5000n);
  await pay(d1.id, '2027-03-17', 5000n);
  const d2 = await invoice(d.id, '2027-02-10', 2000n);
  await db()
    .update(invoices)
    .set({ status: 'overdue' })
    .where(inArray(invoices.id, [a3.id, d2.id]));

  // Services are written directly, with the dates the use cases would have written then (as in mrr.test.ts).
  const product = await givenProduct(db());
  const order = async (customerId: string) => {
    const id = await givenOrderRow(db(), { customerId, startDate: '2026-12-01' });
    await db()
      .insert(auditLog)
      .values({
        at: new Date('2026-12-01T09:00:00Z'),
        actorType: 'system',
        actorLabel: 'system',
        action: 'order.activated',
        entityType: 'order',
        entityId: id,
        before: { status: 'pending' },
        after: null,
      });
    return { id, customerId };
  };
  const service = async (o: { id: string; customerId: string }, created: string, ended?: { status: 'cancelled' | 'terminated'; at: string }) => {
    const [row] = await db()
      .insert(services)
      .values({
        orderId: o.id,
        customerId: o.customerId,
        productId: product.id,
        name: 'Service',
        cycle: 'monthly',
        currency: 'USD',
        price: 1000n,
        status: ended?.status ?? 'active',
        billingDay: 1,
        nextDueDate: '2027-04-01',
        createdAt: new Date(created),
        updatedAt: new Date(ended?.at ?? created),
      })
      .returning();
    await db().insert(billingSchedule).values({ serviceId: row!.id, billedUntil: '2027-04-01' });
  };
  const oa = await order(a.id);
  const od = await order(d.id);
  await service(oa, '2026-12-01T08:00:00Z');
  await service(oa, '2026-12-01T08:00:00Z', { status: 'cancelled', at: '2027-03-01T10:00:00Z' });
  await service(oa, '2027-03-05T08:00:00Z');
  await service(od, '2026-12-01T08:00:00Z');
  await service(od, '2026-12-01T08:00:00Z');
  await service(od, '2026-12-01T08:00:00Z', { status: 'cancelled', at: '2027-02-10T10:00:00Z' });
  await service(od, '2026-12-01T08:00:00Z', { status: 'terminated', at: '2027-03-10T10:00:00Z' });
});

describe('dashboard KPIs', () => {
  it("gives the desk its whole book's figures, in its default currency, with the previous period's", async () => {
    const kpis = await dashboardKpis(ctxOf(db(), systemActor(), now), {});
    expect(kpis.currency).toBe('USD');
    expect(kpis.currencies).toEqual(['EUR', 'USD']);
    expect(kpis.asOf).toBe('2027-03-20');
    expect(kpis.collected).toMatchObject({ value: 7000n, previous: 10_000n });
    expect(kpis.collected.series.map((p) => p.period)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    expect(kpis.collected.series.slice(-4).map((p) => p.value)).toEqual([1000n, 0n, 11_500n, 7000n]);
    expect(kpis.mrr).toMatchObject({ value: 4000n, previous: 5000n });
    expect(kpis.mrr.series.slice(-4).map((p) => p.value)).toEqual([6000n, 6000n, 5000n, 4000n]);
    expect(kpis.receivables).toEqual({ value: 9000n, count: 3 });
    expect(kpis.overdue).toEqual({ value: 5000n, count: 2 });
    expect(kpis.churn).toMatchObject({ value: 400n, previous: 167n, churned: 2, active: 5 });
    // March: 5 running at February's end, SA2 and SD4 ended; February: 6, SD3 ended; before December none ran.
    expect(kpis.churn.series.slice(-5).map((p) => p.value)).toEqual([null, null, 0n, 167n, 400n]);
    expect(kpis.daysToPay).toMatchObject({ value: 145n, previous: null, count: 4 });
    // December: A4 (30); February: A1 (10) and D3 (3) → 6.5; March: D1 (15).
    expect(kpis.daysToPay.series.slice(-4).map((p) => p.value)).toEqual([300n, null, 65n, 150n]);
    expect(kpis.revenue.slice(-2)).toEqual([
      { period: '2027-02', invoiced: 13_500n, collected: 11_500n, refunded: 0n, net: 11_500n },
      { period: '2027-03', invoiced: 11_000n, collected: 7000n, refunded: 0n, net: 7000n },
    ]);
  });

  it("gives a reseller its own book's figures only", async () => {
    const kpis = await dashboardKpis(ctxOf(db(), reseller, now), {});
    expect(kpis.currency).toBe('USD');
    expect(kpis.currencies).toEqual(['USD']);
    expect(kpis.collected).toMatchObject({ value: 2000n, previous: 10_000n });
    expect(kpis.collected.series.slice(-4).map((p) => p.value)).toEqual([1000n, 0n, 10_000n, 2000n]);
    expect(kpis.mrr).toMatchObject({ value: 2000n, previous: 2000n });
    expect(kpis.receivables).toEqual({ value: 7000n, count: 2 });
    expect(kpis.overdue).toEqual({ value: 3000n, count: 1 });
    expect(kpis.churn).toMatchObject({ value: 500n, previous: 0n, churned: 1, active: 2 });
    expect(kpis.daysToPay).toMatchObject({ value: 200n, previous: null, count: 2 });
    expect(kpis.revenue.slice(-2).map((r) => r.invoiced)).toEqual([10_000n, 6000n]);
  });

  it('shows the currency asked for, zeros when nothing is in it', async () => {
    const kpis = await dashboardKpis(ctxOf(db(), systemActor(), now), { currency: 'EUR' });
    expect(kpis.currency).toBe('EUR');
    expect(kpis.collected).toMatchObject({ value: 0n, previous: 0n });
    expect(kpis.receivables).toEqual({ value: 0n, count: 0 });
    expect(kpis.churn).toMatchObject({ value: null, churned: 0, active: 0 });
  });

  it('is refused without invoices.view', async () => {
    const blind = await givenUser(db(), 'reseller', { permissions: [] });
    await expect(dashboardKpis(ctxOf(db(), blind.actor, now), {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
