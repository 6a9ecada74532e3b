import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { billingSchedule, invoiceLines, invoices, orders, services, usageRecords } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { orderJson } from '@/server/rest/routes/orders';
import { createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { createProduct } from '@/server/services/catalog/create-product';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { activateContractOrder, deactivateContractOrder } from '@/server/services/orders/activate-contract';
import { changePlan } from '@/server/services/orders/change-plan';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct, runOrderActivation } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(iso.length === 10 ? `${iso}T08:00:00Z` : iso));
const run = (date: string) => runBilling(at(date), { date });

/** A usage product priced per unit (minor units, a decimal string for sub-cent prices). */
const givenUsageProduct = (amount: string | number, name = 'API calls') =>
  createProduct(at('2050-01-01'), camelized(createProductInput).parse({ name, type: 'usage', prices: [{ cycle: 'monthly', currency: 'USD', amount }] }));

/**
 * A contract billed on the 1st from `start`: a usage line at `unitPrice` and, unless `usageOnly`,
 * a monthly plan line of 1,000 (so an invoice exists each billing day whatever the usage).
 */
async function givenUsageContract(start: string, options: { unitPrice: string | number; usageOnly?: boolean; endDate?: string }) {
  const customer = await givenCustomer(db());
  const usage = await givenUsageProduct(options.unitPrice);
  const plan = await givenProduct(db(), { monthly: 1000, name: 'Support plan' });
  const order = await placeOrder(
    at(start),
    camelized(placeOrderInput).parse({
      customer_id: customer.id,
      billing_day: 1,
      start_date: start,
      end_date: options.endDate ?? null,
      items: [...(options.usageOnly ? [] : [{ product_id: plan.id, cycle: 'monthly' }]), { product_id: usage.id, cycle: 'monthly' }],
    }),
  );
  const service = order.services.find((s) => s.usageUnitPrice !== null)!;
  let n = 0;
  const record = (quantity: string, occurredAt: string) =>
    db()
      .insert(usageRecords)
      .values({ key: `r${++n}`, customerId: customer.id, serviceId: service.id, quantity, occurredAt: new Date(occurredAt) });
  return { order, service, record };
}

const invoicesOf = (orderId: string) => db().select().from(invoices).where(eq(invoices.orderId, orderId)).orderBy(asc(invoices.issueDate));
const linesOf = (invoiceId: string) => db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
const usageLineOf = async (invoiceId: string) => (await linesOf(invoiceId)).find((l) => l.description.includes(' usage '));
const billedUntil = async (serviceId: string) =>
  (await db().select({ until: billingSchedule.billedUntil }).from(billingSchedule).where(eq(billingSchedule.serviceId, serviceId)))[0]!.until;
const statusOf = async (orderId: string) => (await db().select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]!.status;
/** Each record with the invoice that billed it (null: not yet billed). */
const recordsOf = (serviceId: string) =>
  db()
    .select({ key: usageRecords.key, invoiceId: usageRecords.invoiceId })
    .from(usageRecords)
    .where(eq(usageRecords.serviceId, serviceId))
    .orderBy(asc(usageRecords.key));

describe('usage lines on contract orders', () => {
  it('keeps the unit price on the line and the service, and leaves it out of the total per period', async () => {
    const { order, service } = await givenUsageContract('2050-02-01', { unitPrice: '0.015' });
    expect(order.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.usageUnitPrice])).toEqual([
      ['Support plan', '1.000', 1000n, null],
      ['API calls', '1.000', 0n, '0.015000'],
    ]);
    expect(service).toMatchObject({ price: 0n, quantity: 1, usageUnitPrice: '0.015000', nextDueDate: '2050-02-01' });
    expect(orderJson(order).items.map((i) => i.unit_price)).toEqual([1000, '0.015']);
    const [sold] = await db().select({ total: orders.total }).from(orders).where(eq(orders.id, order.id));
    expect(sold!.total).toBe(1000n);
  });
});

describe('usage billed in arrears by the billing run', () => {
  it('bills a sub-cent unit price on the next billing day, on one invoice with the period starting then', async () => {
    const { order, service, record } = await givenUsageContract('2051-01-01', { unitPrice: '0.015' });
    await run('2051-01-01');
    const [first] = await invoicesOf(order.id);
    // January's usage is not over yet: the first invoice bills the plan only.
    expect((await linesOf(first!.id)).map((l) => l.description)).toEqual(['Support plan (monthly) 2051-01-01 – 2051-01-31']);

    await record('10000', '2051-01-01T00:00:00Z');
    await record('2345', '2051-01-15T12:00:00Z');
    await record('0.5', '2051-01-31T23:59:59.999Z');
    await record('7', '2051-02-01T00:00:00Z');
    await run('2051-02-01');
    const [, second] = await invoicesOf(order.id);
    expect(second).toMatchObject({ issueDate: '2051-02-01', dueDate: '2051-03-03' });
    // 12345.5 units × 0.015 minor units = 185.1825 → 185 (one rounding for the line). An invoice
    // line cannot hold a unit price of 0.015, so it is 1 × 185 and the description says the
    // exact units × price in dollars (0.015 cents = 0.00015 USD).
    // The fees of the period starting first, then the usage of the period that ended.
    expect((await linesOf(second!.id)).map((l) => [l.description, l.quantity, l.unitPrice, l.subtotal, l.periodStart, l.periodEnd])).toEqual([
      ['Support plan (monthly) 2051-02-01 – 2051-02-28', '1.000', 1000n, 1000n, '2051-02-01', '2051-03-01'],
      ['API calls usage 2051-01-01 – 2051-01-31: 12345.5 × 0.00015 USD', '1.000', 185n, 185n, '2051-01-01', '2051-02-01'],
    ]);
    expect((await recordsOf(service.id)).map((r) => r.invoiceId)).toEqual([second!.id, second!.id, second!.id, null]);
    expect(await billedUntil(service.id)).toBe('2051-02-01');
  });

  it('bills a late record on the next invoice; a rerun and four concurrent runs bill each record once', async () => {
    const { order, service, record } = await givenUsageContract('2052-01-01', { unitPrice: 3 });
    await run('2052-01-01');
    await record('40', '2052-01-10T00:00:00Z');
    await run('2052-02-01');
    // Reported after January was billed: it goes on the next invoice, not lost.
    await record('2', '2052-01-20T00:00:00Z');
    await record('100', '2052-02-14T00:00:00Z');
    await Promise.all(Array.from({ length: 4 }, () => run('2052-03-01')));
    await run('2052-03-01');
    expect(await invoicesOf(order.id)).toHaveLength(3);

    const [, february, march] = await invoicesOf(order.id);
    // A whole unit price and whole units are itemized: units × price.
    expect(await usageLineOf(february!.id)).toMatchObject({
      description: 'API calls usage 2052-01-01 – 2052-01-31',
      quantity: '40.000',
      unitPrice: 3n,
      subtotal: 120n,
    });
    expect(await usageLineOf(march!.id)).toMatchObject({
      description: 'API calls usage 2052-02-01 – 2052-02-29',
      quantity: '102.000',
      unitPrice: 3n,
      subtotal: 306n,
    });
    expect((await recordsOf(service.id)).map((r) => r.invoiceId)).toEqual([february!.id, march!.id, march!.id]);
    const [billed] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(invoiceLines)
      .where(eq(invoiceLines.serviceId, service.id));
    expect(billed!.n).toBe(2);
  });

  it('a period without usage: a line of 0 on an invoice made anyway; an order of usage only gets no invoice', async () => {
    const withPlan = await givenUsageContract('2053-01-01', { unitPrice: 3 });
    const usageOnly = await givenUsageContract('2053-01-01', { unitPrice: '0.5', usageOnly: true });
    await run('2053-01-01');
    await run('2053-02-01');
    const [, february] = await invoicesOf(withPlan.order.id);
    expect(await usageLineOf(february!.id)).toMatchObject({ quantity: '0.000', unitPrice: 3n, subtotal: 0n, periodStart: '2053-01-01' });
    expect(await invoicesOf(usageOnly.order.id)).toEqual([]);
    expect(await billedUntil(usageOnly.service.id)).toBe('2053-02-01');

    await usageOnly.record('3', '2053-02-03T00:00:00Z');
    await run('2053-03-01');
    const [only] = await invoicesOf(usageOnly.order.id);
    // 3 × 0.5 = 1.5 → 2, half away from zero.
    expect(only).toMatchObject({ issueDate: '2053-03-01', subtotal: 2n });
    expect((await linesOf(only!.id)).map((l) => [l.description, l.quantity, l.unitPrice])).toEqual([
      ['API calls usage 2053-02-01 – 2053-02-28: 3 × 0.005 USD', '1.000', 2n],
    ]);
  });

  it('with an end date, bills the last usage period after the end, and only then completes the order', async () => {
    const { order, service, record } = await givenUsageContract('2054-01-01', { unitPrice: 2, endDate: '2054-02-15' });
    await record('5', '2054-01-05T00:00:00Z');
    await record('8', '2054-02-20T00:00:00Z');
    for (const date of ['2054-01-01', '2054-02-01', '2054-02-20']) await run(date);
    // The plan's last period (from Feb 1) is billed, but February's usage is not over yet.
    expect(await statusOf(order.id)).toBe('active');
    await run('2054-03-01');
    expect(await statusOf(order.id)).toBe('completed');
    const issued = await invoicesOf(order.id);
    expect(issued.map((i) => i.issueDate)).toEqual(['2054-01-01', '2054-02-01', '2054-03-01']);
    expect((await linesOf(issued[2]!.id)).map((l) => [l.description, l.subtotal])).toEqual([['API calls usage 2054-02-01 – 2054-02-28', 16n]]);
    await run('2054-04-01');
    expect(await invoicesOf(order.id)).toHaveLength(3);
    expect((await recordsOf(service.id)).every((r) => r.invoiceId !== null)).toBe(true);
  });

  it('while paused nothing is billed; usage recorded meanwhile goes on the first usage line after the resume', async () => {
    const { order, service, record } = await givenUsageContract('2055-01-01', { unitPrice: 1 });
    await run('2055-01-01');
    await deactivateContractOrder(at('2055-01-15'), { id: order.id });
    await record('4', '2055-01-10T00:00:00Z');
    await record('6', '2055-02-10T00:00:00Z');
    await run('2055-02-01');
    await run('2055-03-01');
    expect(await invoicesOf(order.id)).toHaveLength(1);

    await activateContractOrder(at('2055-03-05'), { id: order.id });
    await record('9', '2055-03-20T00:00:00Z');
    await run('2055-04-01');
    await run('2055-05-01');
    const [, april, may] = await invoicesOf(order.id);
    expect(await usageLineOf(april!.id)).toBeUndefined();
    expect(await usageLineOf(may!.id)).toMatchObject({ description: 'API calls usage 2055-04-01 – 2055-04-30', quantity: '19.000', subtotal: 19n });
    expect((await recordsOf(service.id)).map((r) => r.invoiceId)).toEqual([may!.id, may!.id, may!.id]);
  });
});

describe('usage products are not sold in the store', () => {
  it('refuses a plan change to a usage product (nothing paid up to prorate)', async () => {
    const customer = await givenCustomer(db());
    const plan = await givenProduct(db(), { monthly: 1000 });
    const usage = await givenUsageProduct('0.2');
    const order = await placeOrder(
      at('2057-01-01'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: plan.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2057-01-01'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, at('2057-01-01').now);
    await expect(
      changePlan(at('2057-01-10'), { serviceId: order.services[0]!.id, productId: usage.id, cycle: 'monthly', preview: true }),
    ).rejects.toMatchObject({ code: 'validation', fields: { product_id: 'cannot change to or from a usage product; order it on a contract' } });
  });

  it('refuses a usage product on a store order', async () => {
    const customer = await givenCustomer(db());
    const usage = await givenUsageProduct('0.2');
    await expect(
      placeOrder(at('2056-01-01'), camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: usage.id, cycle: 'monthly' }] })),
    ).rejects.toMatchObject({ code: 'validation', fields: { 'items.0.product_id': 'is a usage product, billed on a contract order only' } });
    const [made] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(services)
      .where(eq(services.productId, usage.id));
    expect(made!.n).toBe(0);
  });
});
