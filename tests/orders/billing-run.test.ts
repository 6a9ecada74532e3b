import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { billingSchedule, invoiceLines, invoices, services } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { systemActor } from '@/server/auth/actor';
import { defaultStaffPermissions } from '@/server/auth/permissions';
import { addMonths } from '@/server/billing/periods';
import { createCouponInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { updateAutomationSettings } from '@/server/services/automation/settings';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { runDunning } from '@/server/services/billing-runs/run-dunning';
import { createCoupon } from '@/server/services/catalog/create-coupon';
import { getInvoice } from '@/server/services/invoices/get';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { approveOrder } from '@/server/services/orders/change-status';
import { placeOrder } from '@/server/services/orders/place';
import { loadOrder } from '@/server/services/orders/store';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct, givenUser, runOrderActivation } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(iso));

/** An active order placed on `day`, its first invoice paid, with one service per product. */
async function givenActiveOrder(day: string, productIds: string[], couponCode?: string) {
  const customer = await givenCustomer(db());
  const order = await placeOrder(
    at(`${day}T09:00:00Z`),
    camelized(placeOrderInput).parse({
      customer_id: customer.id,
      coupon_code: couponCode,
      items: productIds.map((product_id) => ({ product_id, cycle: 'monthly' })),
    }),
  );
  await markInvoicePaid(at(`${day}T10:00:00Z`), { id: order.invoiceId! });
  await runOrderActivation(db(), order.id, new Date(`${day}T10:00:00Z`));
  return loadOrder(db(), { kind: 'all' }, order.id);
}

const renewalsOf = (orderId: string) =>
  db()
    .select()
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), eq(invoices.purpose, 'renewal')));

describe('billing run', () => {
  it('bills each order once per period within the renewal window, one line per service, and numbers the invoices', async () => {
    const [a, b] = [await givenProduct(db(), { monthly: 1000 }), await givenProduct(db(), { monthly: 2500 })];
    const order = await givenActiveOrder('2030-01-31', [a.id, b.id]);
    const schedule = await db()
      .select()
      .from(billingSchedule)
      .where(
        inArray(
          billingSchedule.serviceId,
          order.services.map((s) => s.id),
        ),
      );
    expect(schedule.map((s) => s.billedUntil)).toEqual(['2030-02-28', '2030-02-28']);

    // Window of 7 days: on Feb 20 the Feb 28 renewal is not yet due for invoicing.
    expect((await runBilling(at('2030-02-20T00:05:00Z'), { date: '2030-02-20' })).invoicesCreated).toBe(0);
    const run = await runBilling(at('2030-02-21T00:05:00Z'), { date: '2030-02-21' });
    expect(run).toMatchObject({ date: '2030-02-21', invoicesCreated: 1, servicesBilled: 2 });

    const [renewal] = await renewalsOf(order.id);
    const view = await getInvoice(at('2030-02-21T00:05:00Z'), { id: renewal!.id });
    expect(view).toMatchObject({ status: 'pending', issueDate: '2030-02-21', dueDate: '2030-02-28', total: 3500n });
    expect(view.number).toMatch(/^INV-2030-\d{5}$/);
    expect(view.lines.map((l) => [l.periodStart, l.periodEnd, l.total])).toEqual([
      ['2030-02-28', '2030-03-31', expect.any(BigInt)],
      ['2030-02-28', '2030-03-31', expect.any(BigInt)],
    ]);
    expect(view.lines.map((l) => l.total).sort()).toEqual([1000n, 2500n]);

    const again = await runBilling(at('2030-02-21T06:00:00Z'), { date: '2030-02-21' });
    expect(again).toMatchObject({ invoicesCreated: 0, servicesBilled: 0 });
    expect(await renewalsOf(order.id)).toHaveLength(1);
  });

  it('creates nothing twice when four runs for the same date race', async () => {
    const product = await givenProduct(db());
    const orders = await Promise.all([givenActiveOrder('2031-01-10', [product.id]), givenActiveOrder('2031-01-10', [product.id])]);
    const runs = await Promise.all(Array.from({ length: 4 }, () => runBilling(at('2031-02-05T00:05:00Z'), { date: '2031-02-05' })));
    // One run did the work (older services of this database catch up too); the others found nothing.
    expect(runs.filter((r) => r.invoicesCreated > 0)).toHaveLength(1);
    for (const order of orders) expect(await renewalsOf(order.id)).toHaveLength(1);
    const issued = await db()
      .select({ number: invoices.number })
      .from(invoices)
      .where(and(eq(invoices.issueDate, '2031-02-05'), eq(invoices.purpose, 'renewal')));
    expect(issued).toHaveLength(runs.reduce((sum, r) => sum + r.invoicesCreated, 0));
    expect(new Set(issued.map((r) => r.number)).size).toBe(issued.length);
  });

  it('extends the service by one period when the renewal is paid', async () => {
    const product = await givenProduct(db());
    const order = await givenActiveOrder('2032-03-31', [product.id]);
    await runBilling(at('2032-04-25T00:05:00Z'), { date: '2032-04-25' });
    const [renewal] = await renewalsOf(order.id);
    await markInvoicePaid(at('2032-04-26T00:00:00Z'), { id: renewal!.id });
    const [service] = await db().select().from(services).where(eq(services.orderId, order.id));
    expect(service).toMatchObject({ periodStart: '2032-04-30', periodEnd: '2032-05-31', nextDueDate: '2032-05-31' });
    const [schedule] = await db().select().from(billingSchedule).where(eq(billingSchedule.serviceId, service!.id));
    expect(schedule!.billedUntil).toBe('2032-05-31');
  });

  it('keeps a repeating coupon’s discount for its cycles only', async () => {
    await createCoupon(
      at('2033-01-01T00:00:00Z'),
      camelized(createCouponInput).parse({ code: 'THREEMONTHS', type: 'percent', value: 20, duration: 'repeating', cycles: 3 }),
    );
    const product = await givenProduct(db(), { monthly: 1000 });
    const order = await givenActiveOrder('2033-01-10', [product.id], 'THREEMONTHS');
    const totals: bigint[] = [];
    for (const date of ['2033-02-05', '2033-03-05', '2033-04-05']) {
      await runBilling(at(`${date}T00:05:00Z`), { date });
    }
    const renewals = await renewalsOf(order.id);
    for (const r of renewals.sort((x, y) => x.issueDate.localeCompare(y.issueDate))) totals.push(r.total);
    // First invoice discounted (cycle 1), then two discounted renewals, then full price.
    expect(totals).toEqual([800n, 800n, 1000n]);
  });

  it('catches up every missed period in one run, and a rerun for the date adds nothing', async () => {
    const product = await givenProduct(db());
    const order = await givenActiveOrder('2035-01-15', [product.id]);
    const first = await runBilling(at('2035-04-20T00:05:00Z'), { date: '2035-04-20' });
    expect(first.invoicesCreated).toBeGreaterThanOrEqual(3);
    const renewals = await renewalsOf(order.id);
    // One invoice per missed period; none can be due before the day it is issued.
    expect(renewals.map((r) => r.dueDate)).toEqual(['2035-04-20', '2035-04-20', '2035-04-20']);
    const periods = await db()
      .select({ start: invoiceLines.periodStart })
      .from(invoiceLines)
      .where(
        inArray(
          invoiceLines.invoiceId,
          renewals.map((r) => r.id),
        ),
      );
    expect(periods.map((p) => p.start).sort()).toEqual(['2035-02-15', '2035-03-15', '2035-04-15']);
    expect((await runBilling(at('2035-04-20T08:00:00Z'), { date: '2035-04-20' })).invoicesCreated).toBe(0);
  });

  it('marks past-due invoices overdue', async () => {
    const product = await givenProduct(db());
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2034-01-01T00:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await approveOrder(at('2034-01-01T00:00:00Z'), { id: order.id });
    await runOrderActivation(db(), order.id, new Date('2034-01-01T00:00:00Z'));
    const run = await runBilling(at('2034-03-01T00:05:00Z'), { date: '2034-03-01' });
    expect(run.invoicesMarkedOverdue).toBeGreaterThanOrEqual(1);
    const [first] = await db()
      .select()
      .from(invoices)
      .where(inArray(invoices.id, [order.invoiceId!]));
    expect(first!.status).toBe('overdue');
  });

  it('computes period ends in SQL exactly as billing/periods does, billing day 29–31 included', async () => {
    const starts = ['2030-01-29', '2030-01-30', '2030-01-31', '2032-01-31', '2030-02-28', '2030-12-31', '2030-08-31'];
    const { sql } = await import('drizzle-orm');
    for (const start of starts) {
      const day = Number(start.slice(8));
      for (const [cycle, months] of [
        ['monthly', 1],
        ['quarterly', 3],
        ['semiannual', 6],
        ['annual', 12],
      ] as const) {
        const result = await db().execute(sql`
          select (first_of_month + (least(${day}::int, extract(day from first_of_month + interval '1 month' - interval '1 day')::int) - 1))::text as period_end
          from (select (date_trunc('month', ${start}::date) + make_interval(months => ${months}::int))::date as first_of_month) t`);
        const rows = Array.isArray(result) ? result : (result as { rows: Array<{ period_end: string }> }).rows;
        expect([cycle, start, rows[0]!.period_end]).toEqual([cycle, start, addMonths(start, months, day)]);
      }
    }
  });

  it('is run by admins and staff granted billing.run only; a reseller’s run invoices nobody', async () => {
    const now = new Date('2030-07-25T10:00:00Z');
    const order = await givenActiveOrder('2030-06-30', [(await givenProduct(db())).id]);
    const reseller = await givenUser(db(), 'reseller');
    const clerk = await givenUser(db(), 'staff', { permissions: [...defaultStaffPermissions] });
    for (const actor of [reseller.actor, clerk.actor]) {
      const trpc = createCaller({ db: db(), actor, origin: 'http://localhost' });
      await expect(trpc.orders.runBilling({ date: '2030-07-31' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(runBilling(ctxOf(db(), actor, now), { date: '2030-07-31' })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await renewalsOf(order.id)).toEqual([]);
    const runner = await givenUser(db(), 'staff', { permissions: ['billing.run'] });
    const run = await runBilling(ctxOf(db(), runner.actor, now), {});
    expect(run.date).toBe('2030-07-25');
    expect(await renewalsOf(order.id)).toHaveLength(1);
  });

  it('refuses a date past today plus the renewal window on the schedules’ clock, before writing anything', async () => {
    const order = await givenActiveOrder('2036-01-10', [(await givenProduct(db())).id]);
    // 23:30 in UTC is already the next day in Berlin: its window ends a day later.
    const now = new Date('2036-01-31T23:30:00Z');
    await expect(runBilling(at(now.toISOString()), { date: '2036-02-08' })).rejects.toMatchObject({
      code: 'validation',
      fields: { date: 'must be on or before 2036-02-07' },
    });
    await expect(runDunning(at(now.toISOString()), { date: '2036-02-01', origin: 'https://billing.example.test' })).rejects.toMatchObject({
      fields: { date: 'must be on or before 2036-01-31' },
    });
    expect(await renewalsOf(order.id)).toEqual([]);
    await updateAutomationSettings(at(now.toISOString()), { time_zone: 'Europe/Berlin' });
    try {
      expect((await runBilling(at(now.toISOString()), { date: '2036-02-08' })).invoicesCreated).toBeGreaterThanOrEqual(1);
      expect((await runBilling(at(now.toISOString()), {})).date).toBe('2036-02-01');
    } finally {
      await updateAutomationSettings(at(now.toISOString()), { time_zone: 'UTC' });
    }
  });
});
