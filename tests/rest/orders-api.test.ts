import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as billingRun } from '@/app/api/v1/billing-runs/route';
import { POST as createCoupon } from '@/app/api/v1/coupons/route';
import { POST as consolidate } from '@/app/api/v1/customers/[id]/consolidate/route';
import { POST as creditNote } from '@/app/api/v1/invoices/[id]/credit-notes/route';
import { POST as debitNote } from '@/app/api/v1/invoices/[id]/debit-notes/route';
import { POST as markPaid } from '@/app/api/v1/invoices/[id]/mark-paid/route';
import { POST as refund } from '@/app/api/v1/invoices/[id]/refunds/route';
import { GET as listJobs } from '@/app/api/v1/jobs/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { POST as approve } from '@/app/api/v1/orders/[id]/approve/route';
import { GET as getOrder } from '@/app/api/v1/orders/[id]/route';
import { POST as status } from '@/app/api/v1/orders/[id]/status/route';
import { GET as listOrders, POST as placeOrder } from '@/app/api/v1/orders/route';
import { POST as createProduct, GET as listProducts } from '@/app/api/v1/products/route';
import { POST as changePlan } from '@/app/api/v1/services/[id]/change-plan/route';
import { addDays, addMonths, toPlainDate } from '@/server/billing/periods';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { givenApiKey, givenCustomer, givenUser, runOrderActivation } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
let key: string;
const req = (path: string, init: Parameters<typeof apiRequest>[1] = {}) => apiRequest(path, { defaultKey: key, ...init });
const post = async (
  handler: (r: Request, p: ReturnType<typeof params>) => Promise<Response>,
  path: string,
  body: unknown,
  values: Record<string, string> = {},
) => {
  const response = await handler(req(path, { method: 'POST', body }), params(values));
  return { status: response.status, body: await response.json() };
};

let productId: string;
let customerId: string;

beforeAll(async () => {
  key = await givenApiKey(db(), 'admin');
  customerId = (await givenCustomer(db(), { name: 'Order Customer' })).id;
  const product = await post(createProduct, '/api/v1/products', {
    name: 'Web Hosting',
    type: 'recurring',
    auto_activate: false,
    prices: [
      { cycle: 'monthly', currency: 'USD', amount: 999, setup_fee: 0 },
      { cycle: 'annual', currency: 'USD', amount: 9990 },
    ],
  });
  expect(product.status).toBe(201);
  productId = product.body.id;
});

describe('catalog', () => {
  it('lists products with their prices, and validates what makes no sense', async () => {
    const listed = await (await listProducts(req('/api/v1/products'), params())).json();
    expect(listed.data[0]).toMatchObject({
      name: 'Web Hosting',
      prices: expect.arrayContaining([{ cycle: 'monthly', currency: 'USD', amount: 999, setup_fee: 0 }]),
    });
    const bad = await post(createProduct, '/api/v1/products', { name: 'X', type: 'recurring', prices: [{ cycle: 'one_time', currency: 'USD', amount: -1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({ 'prices.0.amount': 'must not be negative' });
  });

  it('creates coupons and refuses a duplicate code or a percent over 100', async () => {
    expect((await post(createCoupon, '/api/v1/coupons', { code: 'SPRING', type: 'percent', value: '12.5', duration: 'forever' })).body).toMatchObject({
      value: '12.5',
    });
    expect((await post(createCoupon, '/api/v1/coupons', { code: 'spring', type: 'fixed', value: 100, currency: 'USD', duration: 'once' })).status).toBe(409);
    const over = await post(createCoupon, '/api/v1/coupons', { code: 'HUGE', type: 'percent', value: 150, duration: 'once' });
    expect(over.body.error.fields).toEqual({ value: 'must be a percent above 0 and at most 100' });
  });
});

describe('orders', () => {
  it('places an order as the contract says and walks it through approval, status, and filters', async () => {
    const placed = await post(placeOrder, '/api/v1/orders', {
      customer_id: customerId,
      items: [{ product_id: productId, cycle: 'monthly' }],
      coupon_code: 'spring',
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ status: 'pending', customer_id: customerId, total: 874, currency: 'USD', invoice_id: expect.any(String) });
    expect(placed.body.services).toEqual([{ id: expect.any(String), status: 'pending', next_due_date: expect.any(String) }]);
    const id = placed.body.id;

    const bad = await post(status, `/api/v1/orders/${id}/status`, { status: 'suspended' }, { id });
    expect(bad).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });
    const paid = await post(markPaid, `/api/v1/invoices/${placed.body.invoice_id}/mark-paid`, {}, { id: placed.body.invoice_id });
    expect(paid.status).toBe(200);
    const waiting = await (await getOrder(req(`/api/v1/orders/${id}`), params({ id }))).json();
    expect(waiting).toMatchObject({ status: 'pending', awaiting_approval: true });
    const approved = await post(approve, `/api/v1/orders/${id}/approve`, {}, { id });
    // Approval commits the activation's event; the activate-order workflow puts the order live.
    expect(approved.body).toMatchObject({ status: 'pending', awaiting_approval: false });
    await runOrderActivation(db(), id);
    expect(await (await getOrder(req(`/api/v1/orders/${id}`), params({ id }))).json()).toMatchObject({ status: 'active', services: [{ status: 'active' }] });

    const byStatus = await (await listOrders(req(`/api/v1/orders?status=active&customer=order%20customer&product_id=${productId}`), params())).json();
    expect(byStatus.data.map((o: { id: string }) => o.id)).toEqual([id]);
    const none = await (await listOrders(req('/api/v1/orders?status=cancelled'), params())).json();
    expect(none.data).toEqual([]);
    const csv = await (await listOrders(req('/api/v1/orders?format=csv'), params())).text();
    expect(csv.split('\n')[0]).toBe('number,status,customer,name,currency,total,created_at');

    const preview = await post(
      changePlan,
      `/api/v1/services/${approved.body.services[0].id}/change-plan`,
      { product_id: productId, cycle: 'annual', preview: true },
      { id: approved.body.services[0].id },
    );
    expect(preview.body).toMatchObject({ period_days: expect.any(Number), invoice_id: null, credit_note_id: null });
  });

  it('answers 400 for an unknown product and a bad quantity, with item paths', async () => {
    const bad = await post(placeOrder, '/api/v1/orders', {
      customer_id: customerId,
      items: [{ product_id: '00000000-0000-4000-8000-000000000000', cycle: 'monthly', quantity: 0 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ 'items.0.quantity': 'must be at least 1' });
    const unknown = await post(placeOrder, '/api/v1/orders', {
      customer_id: customerId,
      items: [{ product_id: '00000000-0000-4000-8000-000000000000', cycle: 'monthly' }],
    });
    expect(unknown.body.error.fields).toEqual({ 'items.0.product_id': 'is not a product on sale' });
  });
});

describe('money corrections over REST', () => {
  it('consolidates, refunds, and issues credit and debit notes', async () => {
    const customer = await givenCustomer(db());
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const placed = await post(placeOrder, '/api/v1/orders', { customer_id: customer.id, items: [{ product_id: productId, cycle: 'monthly' }] });
      ids.push(placed.body.invoice_id);
    }
    const parent = await post(consolidate, `/api/v1/customers/${customer.id}/consolidate`, {}, { id: customer.id });
    expect(parent).toMatchObject({ status: 201, body: { total: 1998, status: 'pending' } });
    const again = await post(consolidate, `/api/v1/customers/${customer.id}/consolidate`, {}, { id: customer.id });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });

    await post(markPaid, `/api/v1/invoices/${parent.body.id}/mark-paid`, {}, { id: parent.body.id });
    const partial = await post(refund, `/api/v1/invoices/${parent.body.id}/refunds`, { amount: 500, reason: 'Downtime' }, { id: parent.body.id });
    expect(partial).toMatchObject({
      status: 201,
      body: { refund: { amount: 500, to_credit: false }, invoice: { amount_refunded: 500, status: 'paid' }, credit_note_id: expect.any(String) },
    });

    const debit = await post(
      debitNote,
      `/api/v1/invoices/${parent.body.id}/debit-notes`,
      { items: [{ description: 'Extra', quantity: 1, unit_price: 100 }], reason: 'Overage' },
      { id: parent.body.id },
    );
    expect(debit).toMatchObject({ status: 201, body: { kind: 'debit_note', status: 'pending', total: 100 } });
    const credit = await post(
      creditNote,
      `/api/v1/invoices/${debit.body.id}/credit-notes`,
      { items: [{ description: 'x', quantity: 1, unit_price: 1 }], reason: 'r' },
      { id: debit.body.id },
    );
    expect(credit).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });
    const noReason = await post(
      creditNote,
      `/api/v1/invoices/${parent.body.id}/credit-notes`,
      { items: [{ description: 'x', quantity: 1, unit_price: 1 }] },
      { id: parent.body.id },
    );
    expect(noReason.body.error.fields).toEqual({ reason: 'is required' });
  });

  it('runs billing for a date, and again without creating anything', async () => {
    const today = toPlainDate(testNow);
    const first = await post(billingRun, '/api/v1/billing-runs', { date: today });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual([
      'date',
      'invoices_created',
      'invoices_marked_overdue',
      'reminders_sent',
      'services_billed',
      'services_suspended',
    ]);
    const second = await post(billingRun, '/api/v1/billing-runs', { date: today });
    expect(second.body).toMatchObject({ date: today, invoices_created: 0, services_billed: 0 });
    expect((await post(billingRun, '/api/v1/billing-runs', { date: '2040-13-01' })).status).toBe(400);
    const recorded = await (await listJobs(req(`/api/v1/jobs?subject_type=billing_run&subject_id=${today}`), params())).json();
    expect(recorded.data).toHaveLength(2);
    expect(recorded.data[0]).toMatchObject({
      function: 'billing-run',
      status: 'completed',
      attempts: 1,
      steps: [{ name: 'billing-run', status: 'completed' }],
    });
  });

  it('refuses a run beyond today plus the renewal window, and records no job for it', async () => {
    const latest = addDays(toPlainDate(testNow), 7);
    for (const date of [addDays(latest, 1), '2099-01-01']) {
      const refused = await post(billingRun, '/api/v1/billing-runs', { date });
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'validation_error', fields: { date: `must be on or before ${latest}` } } } });
      const jobs = await (await listJobs(req(`/api/v1/jobs?subject_type=billing_run&subject_id=${date}`), params())).json();
      expect(jobs.data).toEqual([]);
    }
    expect((await post(billingRun, '/api/v1/billing-runs', { date: latest })).status).toBe(200);
  });

  it('needs the billing.run permission: a reseller key and a staff key without it are refused', async () => {
    const reseller = await givenUser(db(), 'reseller');
    for (const other of [await givenApiKey(db(), 'reseller', reseller.id), await givenApiKey(db(), 'staff')]) {
      const response = await billingRun(apiRequest('/api/v1/billing-runs', { method: 'POST', key: other, body: {} }), params());
      expect(response.status).toBe(403);
    }
  });

  it('runs the day’s dunning with it: reminders and suspensions are counted, once', async () => {
    const product = await post(createProduct, '/api/v1/products', {
      name: 'Dunned plan',
      type: 'recurring',
      prices: [{ cycle: 'monthly', currency: 'USD', amount: 700 }],
    });
    const customer = await givenCustomer(db());
    const order = await post(placeOrder, '/api/v1/orders', { customer_id: customer.id, items: [{ product_id: product.body.id, cycle: 'monthly' }] });
    await post(markPaid, `/api/v1/invoices/${order.body.invoice_id}/mark-paid`, {}, { id: order.body.invoice_id });
    await runOrderActivation(db(), order.body.id);
    // The renewal is billed on the day the renewal window reaches it (7 days ahead), due 30 days
    // later; 20 days past due, the last reminder and the suspension (after 14 days) are both due.
    const renewalRun = addDays(addMonths(toPlainDate(testNow), 1), -7);
    const lateDay = addDays(renewalRun, 7 + 30 + 20);
    try {
      vi.setSystemTime(new Date(`${renewalRun}T01:00:00Z`));
      // Other tests' orders of this file may renew too; each counts.
      const renewals = await post(billingRun, '/api/v1/billing-runs', {});
      expect(renewals.body.date).toBe(renewalRun);
      expect(renewals.body.invoices_created).toBeGreaterThanOrEqual(1);
      vi.setSystemTime(new Date(`${lateDay}T01:00:00Z`));
      const first = await post(billingRun, '/api/v1/billing-runs', {});
      expect(first.body.date).toBe(lateDay);
      expect(first.body.reminders_sent).toBeGreaterThanOrEqual(1);
      expect(first.body.services_suspended).toBeGreaterThanOrEqual(1);
      const suspended = await (await getOrder(req(`/api/v1/orders/${order.body.id}`), params({ id: order.body.id }))).json();
      expect(suspended.status).toBe('suspended');
      const again = await post(billingRun, '/api/v1/billing-runs', {});
      expect(again.body).toMatchObject({ invoices_created: 0, reminders_sent: 0, services_suspended: 0 });
    } finally {
      vi.setSystemTime(testNow);
    }
  });

  it('describes every operation of the contract in openapi.json', async () => {
    const doc = await openapi().json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/v1/settings/billing',
        'PATCH /api/v1/settings/billing',
        'POST /api/v1/customers',
        'GET /api/v1/customers',
        'GET /api/v1/customers/{id}',
        'PATCH /api/v1/customers/{id}',
        'POST /api/v1/customers/{id}/credit',
        'POST /api/v1/customers/{id}/consolidate',
        'POST /api/v1/products',
        'GET /api/v1/products',
        'POST /api/v1/coupons',
        'POST /api/v1/orders',
        'GET /api/v1/orders',
        'GET /api/v1/orders/{id}',
        'POST /api/v1/orders/{id}/status',
        'POST /api/v1/orders/{id}/approve',
        'POST /api/v1/services/{id}/change-plan',
        'POST /api/v1/invoices',
        'GET /api/v1/invoices',
        'GET /api/v1/invoices/{id}',
        'PATCH /api/v1/invoices/{id}',
        'POST /api/v1/invoices/{id}/finalize',
        'POST /api/v1/invoices/{id}/payments',
        'POST /api/v1/invoices/{id}/mark-paid',
        'POST /api/v1/invoices/{id}/cancel',
        'POST /api/v1/invoices/{id}/refunds',
        'POST /api/v1/invoices/{id}/credit-notes',
        'POST /api/v1/invoices/{id}/debit-notes',
        'POST /api/v1/invoices/{id}/regenerate-token',
        'GET /api/v1/invoices/{id}/pdf',
        'POST /api/v1/invoices/{id}/send',
        'GET /api/v1/public/invoices/{id}',
        'POST /api/v1/billing-runs',
        'GET /api/v1/jobs',
      ]),
    );
  });
});
