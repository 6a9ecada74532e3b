import { beforeAll, describe, expect, it } from 'vitest';
import { POST as activate } from '@/app/api/v1/orders/[id]/activate/route';
import { POST as deactivate } from '@/app/api/v1/orders/[id]/deactivate/route';
import { GET as getOrder, PATCH as updateOrder } from '@/app/api/v1/orders/[id]/route';
import { POST as placeOrder } from '@/app/api/v1/orders/route';
import { POST as createProduct } from '@/app/api/v1/products/route';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
let key: string;
let productId: string;
let customerId: string;
type Handler = (r: Request, p: ReturnType<typeof params>) => Promise<Response>;
const call = async (handler: Handler, method: string, path: string, body?: unknown, values: Record<string, string> = {}) => {
  const response = await handler(apiRequest(path, { defaultKey: key, method, ...(body === undefined ? {} : { body }) }), params(values));
  return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
  key = await givenApiKey(db(), 'admin');
  customerId = (await givenCustomer(db(), { name: 'Acme Corp' })).id;
  const product = await call(createProduct, 'POST', '/api/v1/products', {
    name: 'Support Agent',
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 5000 }],
  });
  productId = product.body.id;
});

describe('contract orders over REST', () => {
  it('places a draft with the contract fields, edits it, activates and pauses it; a PATCH once active is 409', async () => {
    const placed = await call(placeOrder, 'POST', '/api/v1/orders', {
      customer_id: customerId,
      name: 'Acme — Support Agent Annual',
      draft: true,
      contact_email: 'AP@acme.test',
      billing_day: 1,
      due_days: 30,
      start_date: '2027-02-01',
      end_date: null,
      email_mode: 'invoice_with_payment_link',
      items: [{ product_id: productId, cycle: 'monthly', quantity: 2, price: 4500 }],
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^ORD-/),
      status: 'draft',
      awaiting_approval: false,
      customer_id: customerId,
      name: 'Acme — Support Agent Annual',
      total: expect.any(Number),
      currency: 'USD',
      invoice_id: null,
      items: [{ id: expect.any(String), product_id: productId, description: 'Support Agent', cycle: 'monthly', quantity: '2', unit_price: 4500, setup_fee: 0 }],
      services: [],
      labels: [],
      billing_day: 1,
      start_date: '2027-02-01',
      payment_method: null,
      created_at: expect.any(String),
      contract: true,
      due_days: 30,
      end_date: null,
      email_mode: 'invoice_with_payment_link',
      contact_email: 'ap@acme.test',
    });
    const id = placed.body.id;

    const patched = await call(updateOrder, 'PATCH', `/api/v1/orders/${id}`, { billing_day: 15, email_mode: 'invoice', end_date: '2027-12-31' }, { id });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: 'draft', billing_day: 15, email_mode: 'invoice', end_date: '2027-12-31', contact_email: 'ap@acme.test' });
    const badMode = await call(updateOrder, 'PATCH', `/api/v1/orders/${id}`, { email_mode: 'invoice_and_link' }, { id });
    expect(badMode.status).toBe(400);
    expect(Object.keys(badMode.body.error.fields)).toEqual(['email_mode']);

    const active = await call(activate, 'POST', `/api/v1/orders/${id}/activate`, undefined, { id });
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({ status: 'active', invoice_id: null, services: [{ status: 'active', next_due_date: '2027-02-15' }] });
    const late = await call(updateOrder, 'PATCH', `/api/v1/orders/${id}`, { name: 'Too late' }, { id });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });

    const paused = await call(deactivate, 'POST', `/api/v1/orders/${id}/deactivate`, undefined, { id });
    expect(paused.body.status).toBe('paused');
    expect((await call(deactivate, 'POST', `/api/v1/orders/${id}/deactivate`, undefined, { id })).status).toBe(409);
    expect((await call(activate, 'POST', `/api/v1/orders/${id}/activate`, undefined, { id })).body.status).toBe('active');
    expect((await call(getOrder, 'GET', `/api/v1/orders/${id}`, undefined, { id })).body.status).toBe('active');
  });

  it('answers 400 with field paths for contract fields out of range', async () => {
    const bad = await call(placeOrder, 'POST', '/api/v1/orders', {
      customer_id: customerId,
      billing_day: 32,
      due_days: 366,
      start_date: '2027-02-30',
      items: [{ product_id: productId, cycle: 'monthly', quantity: 0 }],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['billing_day', 'due_days', 'items.0.quantity', 'start_date']);
  });

  it('activates or deactivates only a contract order: a store order is 409', async () => {
    const store = await call(placeOrder, 'POST', '/api/v1/orders', { customer_id: customerId, items: [{ product_id: productId, cycle: 'monthly' }] });
    expect(store.body).toMatchObject({
      contract: false,
      email_mode: 'invoice',
      end_date: null,
      contact_email: null,
      due_days: 30,
      invoice_id: expect.any(String),
    });
    const id = store.body.id;
    expect((await call(activate, 'POST', `/api/v1/orders/${id}/activate`, undefined, { id })).status).toBe(409);
    expect((await call(deactivate, 'POST', `/api/v1/orders/${id}/deactivate`, undefined, { id })).status).toBe(409);
    expect((await call(updateOrder, 'PATCH', `/api/v1/orders/${id}`, { name: 'x' }, { id })).status).toBe(409);
  });
});
