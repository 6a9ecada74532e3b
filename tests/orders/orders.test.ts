import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { couponRedemptions, invoiceLines, invoices } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { createCouponInput, createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { createCoupon } from '@/server/services/catalog/create-coupon';
import { createProduct } from '@/server/services/catalog/create-product';
import { getInvoice } from '@/server/services/invoices/get';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { approveOrder, changeOrderStatus } from '@/server/services/orders/change-status';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct, runOrderActivation } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(iso));

describe('placing an order', () => {
  it('prices plan, options, setup fee and coupon from the catalog, with a pending first invoice and services', async () => {
    const product = await createProduct(
      at('2026-01-01T00:00:00Z'),
      camelized(createProductInput).parse({
        name: 'Cloud VPS',
        type: 'recurring',
        prices: [{ cycle: 'monthly', currency: 'USD', amount: 2000, setup_fee: 500 }],
        option_groups: [{ name: 'RAM', kind: 'quantity', options: [{ name: 'GB', prices: [{ cycle: 'monthly', currency: 'USD', amount: 250 }] }] }],
      }),
    );
    await createCoupon(at('2026-01-01T00:00:00Z'), camelized(createCouponInput).parse({ code: 'WELCOME10', type: 'percent', value: 10, duration: 'once' }));
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-01-31T10:00:00Z'),
      camelized(placeOrderInput).parse({
        customer_id: customer.id,
        coupon_code: 'welcome10',
        items: [{ product_id: product.id, cycle: 'monthly', options: [{ option_id: product.optionGroups[0]!.options[0]!.id, quantity: 4 }] }],
      }),
    );
    expect(order).toMatchObject({ status: 'pending', billingDay: 31, startDate: '2026-01-31', currency: 'USD', total: 3200n });
    expect(order.number).toMatch(/^ORD-2026-\d{5}$/);
    expect(order.services).toHaveLength(1);
    expect(order.services[0]).toMatchObject({ status: 'pending', price: 3000n, periodStart: '2026-01-31', periodEnd: '2026-02-28', recurringDiscount: 0n });

    const invoice = await getInvoice(at('2026-01-31T10:00:00Z'), { id: order.invoiceId! });
    expect(invoice).toMatchObject({ status: 'pending', purpose: 'first', total: 3200n });
    expect(invoice.lines.map((l) => [l.description, l.total])).toEqual([
      ['Cloud VPS (monthly) 2026-01-31 – 2026-02-27\nRAM: 4 × GB', 3000n],
      ['Setup fee: Cloud VPS', 500n],
      ['Coupon WELCOME10', -300n],
    ]);
    // The plan line records the service's first period as billed.
    const billed = await db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    expect(billed.filter((l) => l.serviceId).map((l) => [l.serviceId, l.periodStart, l.periodEnd])).toEqual([
      [order.services[0]!.id, '2026-01-31', '2026-02-28'],
    ]);
  });

  it.each([
    ['an expired coupon', { expires_at: '2026-01-01T00:00:00Z' }, 'This coupon has expired'],
    ['a coupon for another product', { product_ids: ['00000000-0000-4000-8000-000000000000'] }, 'This coupon does not apply to these products'],
  ])('refuses %s', async (_what, extra, message) => {
    const code = `C${Math.random().toString(36).slice(2, 8)}`;
    await createCoupon(
      at('2025-12-01T00:00:00Z'),
      camelized(createCouponInput).parse({ code, type: 'fixed', value: 100, currency: 'USD', duration: 'once', ...extra }),
    );
    const product = await givenProduct(db());
    const customer = await givenCustomer(db());
    await expect(
      placeOrder(
        at('2026-02-01T00:00:00Z'),
        camelized(placeOrderInput).parse({ customer_id: customer.id, coupon_code: code, items: [{ product_id: product.id, cycle: 'monthly' }] }),
      ),
    ).rejects.toMatchObject({ code: 'validation', fields: { coupon_code: message } });
  });

  it('gives a coupon with one use left to exactly one of five racing orders', async () => {
    const coupon = await createCoupon(
      at('2026-01-01T00:00:00Z'),
      camelized(createCouponInput).parse({ code: 'LASTONE', type: 'percent', value: 50, duration: 'once', max_uses: 1 }),
    );
    const product = await givenProduct(db());
    const customers = await Promise.all(Array.from({ length: 5 }, () => givenCustomer(db())));
    const results = await Promise.allSettled(
      customers.map((c) =>
        placeOrder(
          at('2026-02-01T00:00:00Z'),
          camelized(placeOrderInput).parse({ customer_id: c.id, coupon_code: 'LASTONE', items: [{ product_id: product.id, cycle: 'monthly' }] }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [redeemed] = await db().select({ n: count() }).from(couponRedemptions).where(eq(couponRedemptions.couponId, coupon.id));
    expect(redeemed!.n).toBe(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => r.reason.fields?.coupon_code === 'This coupon has been used up')).toBe(true);
  });

  it('refuses a cycle the product is not sold in, naming the item', async () => {
    const product = await givenProduct(db());
    const customer = await givenCustomer(db());
    await expect(
      placeOrder(
        at('2026-02-01T00:00:00Z'),
        camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'quarterly' }] }),
      ),
    ).rejects.toMatchObject({ code: 'validation', fields: { 'items.0.cycle': expect.stringContaining('is not offered') } });
  });
});

describe('paying and approving', () => {
  it('activates an auto-activating order and its services by the activate-order workflow once the first invoice is paid', async () => {
    const product = await givenProduct(db());
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-03-15T00:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-03-15T01:00:00Z'), { id: order.invoiceId! });
    const [invoice] = await db().select().from(invoices).where(eq(invoices.id, order.invoiceId!));
    expect(invoice!.status).toBe('paid');
    const { loadOrder } = await import('@/server/services/orders/store');
    // The payment committed the activation's event, not the activation.
    expect(await loadOrder(db(), { kind: 'all' }, order.id)).toMatchObject({ status: 'pending', awaitingApproval: false });
    const [job] = await runOrderActivation(db(), order.id, new Date('2026-03-15T01:00:00Z'));
    expect(job).toMatchObject({ function: 'activate-order', status: 'completed', subjectType: 'order', subjectId: order.id });
    const live = await loadOrder(db(), { kind: 'all' }, order.id);
    expect(live).toMatchObject({ status: 'active', awaitingApproval: false });
    expect(live.services[0]).toMatchObject({ status: 'active', nextDueDate: '2026-04-15' });
  });

  it('queues a paid order for approval when a product needs it, and approval makes it live', async () => {
    const product = await givenProduct(db(), { autoActivate: false });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-03-15T00:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-03-15T01:00:00Z'), { id: order.invoiceId! });
    const { loadOrder } = await import('@/server/services/orders/store');
    expect(await loadOrder(db(), { kind: 'all' }, order.id)).toMatchObject({ status: 'pending', awaitingApproval: true });
    const approved = await approveOrder(at('2026-03-16T00:00:00Z'), { id: order.id });
    expect(approved).toMatchObject({ status: 'pending', awaitingApproval: false });
    await runOrderActivation(db(), order.id, new Date('2026-03-16T00:00:00Z'));
    const live = await loadOrder(db(), { kind: 'all' }, order.id);
    expect(live).toMatchObject({ status: 'active', awaitingApproval: false });
    expect(live.services.every((s) => s.status === 'active')).toBe(true);
  });

  it('follows the order state machine and carries services along', async () => {
    const product = await givenProduct(db());
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-03-15T00:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await expect(changeOrderStatus(at('2026-03-15T00:00:00Z'), { id: order.id, status: 'suspended' })).rejects.toMatchObject({ code: 'invalid_state' });
    await approveOrder(at('2026-03-15T00:00:00Z'), { id: order.id });
    await runOrderActivation(db(), order.id, new Date('2026-03-15T00:00:00Z'));
    const suspended = await changeOrderStatus(at('2026-03-16T00:00:00Z'), { id: order.id, status: 'suspended' });
    expect(suspended.services[0]!.status).toBe('suspended');
    const back = await changeOrderStatus(at('2026-03-17T00:00:00Z'), { id: order.id, status: 'active' });
    expect(back.services[0]!.status).toBe('active');
    const ended = await changeOrderStatus(at('2026-03-18T00:00:00Z'), { id: order.id, status: 'terminated' });
    expect(ended.services[0]!.status).toBe('terminated');
    await expect(changeOrderStatus(at('2026-03-19T00:00:00Z'), { id: order.id, status: 'active' })).rejects.toMatchObject({ code: 'invalid_state' });
  });
});
