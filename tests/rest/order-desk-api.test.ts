import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE as removeContact } from '@/app/api/v1/contacts/[id]/route';
import { POST as addContact, GET as listContacts } from '@/app/api/v1/customers/[id]/contacts/route';
import { POST as addCustomerNote, GET as customerNotes } from '@/app/api/v1/customers/[id]/notes/route';
import { POST as quickPay } from '@/app/api/v1/customers/[id]/quick-pay/route';
import { POST as applyCredit } from '@/app/api/v1/invoices/[id]/apply-credit/route';
import { DELETE as deleteNote, PATCH as editNote } from '@/app/api/v1/notes/[id]/route';
import { POST as editPrice } from '@/app/api/v1/orders/[id]/edit-price/route';
import { DELETE as removeLabel } from '@/app/api/v1/orders/[id]/labels/[label]/route';
import { POST as addLabel } from '@/app/api/v1/orders/[id]/labels/route';
import { POST as addOrderNote, GET as orderNotes } from '@/app/api/v1/orders/[id]/notes/route';
import { POST as paymentMethod } from '@/app/api/v1/orders/[id]/payment-method/route';
import { POST as markProvisioned } from '@/app/api/v1/services/[id]/mark-provisioned/route';
import { auditLog, invoices } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { adjustCredit } from '@/server/services/credit/adjust';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
type Handler = (request: Request, route: ReturnType<typeof params>) => Promise<Response>;

let admin: string;
let noPermissions: string;
let resellerKey: string;
let rivalKey: string;
let resellerCustomerId: string;

async function call(handler: Handler, path: string, init: { method?: string; key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const ids = /\/(?:customers|orders|notes|services|contacts|invoices)\/([0-9a-f-]{36})/.exec(path);
  const label = /\/labels\/([^/]+)$/.exec(path);
  const response = await handler(
    apiRequest(path, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), key: init.key ?? admin, body: init.body, headers: init.headers }),
    params({ ...(ids ? { id: ids[1]! } : {}), ...(label ? { label: decodeURIComponent(label[1]!) } : {}) }),
  );
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

async function givenOrder(customerId?: string, options: { autoActivate?: boolean } = {}) {
  const product = await givenProduct(db(), { monthly: 1000, autoActivate: options.autoActivate ?? true });
  const customer = customerId ?? (await givenCustomer(db())).id;
  return placeOrder(
    ctxOf(db(), systemActor()),
    camelized(placeOrderInput).parse({ customer_id: customer, items: [{ product_id: product.id, cycle: 'monthly' }] }),
  );
}

const audited = async (entityId: string) =>
  (await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, entityId))).map((r) => r.action);

beforeAll(async () => {
  admin = await givenApiKey(db(), 'admin');
  noPermissions = await givenApiKey(db(), 'staff');
  const reseller = await givenUser(db(), 'reseller');
  const rival = await givenUser(db(), 'reseller');
  resellerKey = await givenApiKey(db(), 'reseller', reseller.id);
  rivalKey = await givenApiKey(db(), 'reseller', rival.id);
  resellerCustomerId = (await givenCustomer(db(), { reseller_id: reseller.id })).id;
});

describe('order desk actions over REST', () => {
  it('changes the payment method, audited; an unknown method is a 400 naming the field', async () => {
    const order = await givenOrder();
    const changed = await call(paymentMethod, `/api/v1/orders/${order.id}/payment-method`, { body: { payment_method: 'cash' } });
    expect(changed).toMatchObject({ status: 200, body: { id: order.id, payment_method: 'cash' } });
    // PayPal is not set up here: it could not take the payment.
    const unset = await call(paymentMethod, `/api/v1/orders/${order.id}/payment-method`, { body: { payment_method: 'paypal' } });
    expect(unset).toMatchObject({ status: 400, body: { error: { fields: { payment_method: expect.stringContaining('must be one of') } } } });
    expect(await audited(order.id)).toContain('order.payment_method_changed');
    const bad = await call(paymentMethod, `/api/v1/orders/${order.id}/payment-method`, { body: { payment_method: 'barter' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.payment_method).toMatch(/must be one of/);
  });

  it('adds and removes labels; too long a label is a 400', async () => {
    const order = await givenOrder();
    expect((await call(addLabel, `/api/v1/orders/${order.id}/labels`, { body: { label: 'VIP' } })).body.labels).toEqual(['VIP']);
    const removed = await call(removeLabel, `/api/v1/orders/${order.id}/labels/VIP`, { method: 'DELETE' });
    expect(removed).toMatchObject({ status: 200, body: { labels: [] } });
    expect(await audited(order.id)).toEqual(expect.arrayContaining(['order.label_added', 'order.label_removed']));
    const long = await call(addLabel, `/api/v1/orders/${order.id}/labels`, { body: { label: 'x'.repeat(41) } });
    expect(long).toMatchObject({ status: 400, body: { error: { fields: { label: 'must be at most 40 characters' } } } });
  });

  it('edits a line’s price: the unpaid first invoice follows; an unchanged price is a 400; replays with the same Idempotency-Key', async () => {
    const order = await givenOrder();
    const body = { line_id: order.lines[0]!.id, unit_price: 1500, reason: 'Agreed rise' };
    const headers = { 'idempotency-key': `edit-${order.id}` };
    const edited = await call(editPrice, `/api/v1/orders/${order.id}/edit-price`, { body, headers });
    expect(edited).toMatchObject({ status: 200, body: { document: 'invoice_edited', invoice_id: order.invoiceId, order: { total: 1500 } } });
    const again = await call(editPrice, `/api/v1/orders/${order.id}/edit-price`, { body, headers });
    expect(again.body).toEqual(edited.body);
    const unchanged = await call(editPrice, `/api/v1/orders/${order.id}/edit-price`, { body: { ...body, reason: 'same' } });
    expect(unchanged).toMatchObject({ status: 400, body: { error: { fields: { unit_price: 'is already the price' } } } });
    const [invoice] = await db().select({ total: invoices.total }).from(invoices).where(eq(invoices.id, order.invoiceId!));
    expect(invoice!.total).toBe(1500n);
  });

  it('marks a paid order’s awaiting service provisioned; before payment it is a 409', async () => {
    const order = await givenOrder(undefined, { autoActivate: false });
    const serviceId = order.services[0]!.id;
    expect((await call(markProvisioned, `/api/v1/services/${serviceId}/mark-provisioned`, { body: {} })).status).toBe(409);
    await markInvoicePaid(ctxOf(db(), systemActor()), { id: order.invoiceId! });
    const marked = await call(markProvisioned, `/api/v1/services/${serviceId}/mark-provisioned`, { body: {} });
    expect(marked.status).toBe(200);
    expect(typeof marked.body.order_active).toBe('boolean');
    expect(await audited(order.id)).toContain('service.provisioned');
    expect((await call(markProvisioned, '/api/v1/services/not-an-id/mark-provisioned', { body: {} })).status).toBe(400);
  });

  it('refuses a key without orders.edit (403) and another reseller’s order (404)', async () => {
    const order = await givenOrder(resellerCustomerId);
    const path = `/api/v1/orders/${order.id}`;
    for (const [handler, suffix, body] of [
      [paymentMethod, '/payment-method', { payment_method: 'cash' }],
      [addLabel, '/labels', { label: 'VIP' }],
      [editPrice, '/edit-price', { line_id: order.lines[0]!.id, unit_price: 1, reason: 'x' }],
    ] as const) {
      expect((await call(handler, `${path}${suffix}`, { key: noPermissions, body })).status).toBe(403);
      // Resellers do not edit orders (a desk permission), in their book or not.
      expect((await call(handler, `${path}${suffix}`, { key: resellerKey, body })).status).toBe(403);
    }
    expect((await call(removeLabel, `${path}/labels/VIP`, { method: 'DELETE', key: noPermissions })).status).toBe(403);
    expect((await call(markProvisioned, `/api/v1/services/${order.services[0]!.id}/mark-provisioned`, { key: noPermissions, body: {} })).status).toBe(403);
  });
});

describe('notes over REST', () => {
  it('adds, lists, edits and deletes notes on a customer and an order', async () => {
    const order = await givenOrder();
    const onCustomer = await call(addCustomerNote, `/api/v1/customers/${order.customerId}/notes`, { body: { body: 'Pays late, call first' } });
    expect(onCustomer).toMatchObject({ status: 201, body: { scope: 'customer', body: 'Pays late, call first' } });
    const onOrder = await call(addOrderNote, `/api/v1/orders/${order.id}/notes`, { body: { body: 'Migrating from old host' } });
    expect(onOrder.status).toBe(201);

    const listed = await call(orderNotes, `/api/v1/orders/${order.id}/notes`);
    expect(listed.body.data.map((n: { body: string }) => n.body)).toEqual(['Migrating from old host']);
    expect(listed.body.customer_notes.map((n: { body: string }) => n.body)).toEqual(['Pays late, call first']);

    const edited = await call(editNote, `/api/v1/notes/${onOrder.body.id}`, { method: 'PATCH', body: { body: 'Migrated' } });
    expect(edited).toMatchObject({ status: 200, body: { id: onOrder.body.id, body: 'Migrated' } });
    expect(await call(deleteNote, `/api/v1/notes/${onCustomer.body.id}`, { method: 'DELETE' })).toEqual({ status: 204, body: null });
    expect((await call(customerNotes, `/api/v1/customers/${order.customerId}/notes`)).body.data).toEqual([]);
    expect(await audited(order.customerId)).toEqual(expect.arrayContaining(['note.added', 'note.deleted']));
  });

  it('refuses an empty body (400) and a key without the subject’s permission (403)', async () => {
    const order = await givenOrder();
    const empty = await call(addOrderNote, `/api/v1/orders/${order.id}/notes`, { body: { body: ' ' } });
    expect(empty).toMatchObject({ status: 400, body: { error: { fields: { body: 'is required' } } } });
    expect((await call(addOrderNote, `/api/v1/orders/${order.id}/notes`, { key: noPermissions, body: { body: 'x' } })).status).toBe(403);
    expect((await call(customerNotes, `/api/v1/customers/${order.customerId}/notes`, { key: noPermissions })).status).toBe(403);
  });

  it('keeps a reseller key to its own book and its own notes', async () => {
    const mine = await call(addCustomerNote, `/api/v1/customers/${resellerCustomerId}/notes`, { key: resellerKey, body: { body: 'Reseller’s own' } });
    expect(mine.status).toBe(201);
    await call(addCustomerNote, `/api/v1/customers/${resellerCustomerId}/notes`, { body: { body: 'The desk’s own' } });
    const seen = await call(customerNotes, `/api/v1/customers/${resellerCustomerId}/notes`, { key: resellerKey });
    expect(seen.body.data.map((n: { body: string }) => n.body)).toEqual(['Reseller’s own']);
    expect((await call(customerNotes, `/api/v1/customers/${resellerCustomerId}/notes`, { key: rivalKey })).status).toBe(404);
    expect((await call(editNote, `/api/v1/notes/${mine.body.id}`, { method: 'PATCH', key: rivalKey, body: { body: 'x' } })).status).toBe(404);
  });
});

describe('customer desk actions over REST', () => {
  it('quick-pays every open invoice in the currency, once per Idempotency-Key; nothing owed is a 409', async () => {
    const customer = await givenCustomer(db());
    await givenInvoice(db(), { customerId: customer.id, total: 1000n });
    await givenInvoice(db(), { customerId: customer.id, total: 500n });
    const headers = { 'idempotency-key': `quick-${customer.id}` };
    const paid = await call(quickPay, `/api/v1/customers/${customer.id}/quick-pay`, { body: { currency: 'USD', method: 'cash' }, headers });
    expect(paid).toMatchObject({ status: 200, body: { paid: 2, amount: 1500, currency: 'USD' } });
    const replay = await call(quickPay, `/api/v1/customers/${customer.id}/quick-pay`, { body: { currency: 'USD', method: 'cash' }, headers });
    expect(replay).toEqual(paid);
    expect((await call(quickPay, `/api/v1/customers/${customer.id}/quick-pay`, { body: { currency: 'USD', method: 'cash' } })).status).toBe(409);
    const bad = await call(quickPay, `/api/v1/customers/${customer.id}/quick-pay`, { body: { currency: 'USD', method: 'cheque' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.method).toBeDefined();
    expect((await call(quickPay, `/api/v1/customers/${customer.id}/quick-pay`, { key: noPermissions, body: { currency: 'USD', method: 'cash' } })).status).toBe(
      403,
    );
    expect(
      (await call(quickPay, `/api/v1/customers/${resellerCustomerId}/quick-pay`, { key: rivalKey, body: { currency: 'USD', method: 'cash' } })).status,
    ).toBe(404);
  });

  it('adds, lists and removes a customer’s contacts', async () => {
    const customer = await givenCustomer(db());
    const added = await call(addContact, `/api/v1/customers/${customer.id}/contacts`, { body: { name: 'Accounts', email: 'Accounts@Example.test' } });
    expect(added).toMatchObject({ status: 201, body: { customer_id: customer.id, email: 'accounts@example.test' } });
    expect((await call(listContacts, `/api/v1/customers/${customer.id}/contacts`)).body.data).toHaveLength(1);
    expect((await call(removeContact, `/api/v1/contacts/${added.body.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await call(listContacts, `/api/v1/customers/${customer.id}/contacts`)).body.data).toEqual([]);
    const bad = await call(addContact, `/api/v1/customers/${customer.id}/contacts`, { body: { name: 'X', email: 'nope' } });
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { email: 'must be a valid e-mail address' } } } });
    expect(
      (await call(addContact, `/api/v1/customers/${customer.id}/contacts`, { key: noPermissions, body: { name: 'X', email: 'x@example.test' } })).status,
    ).toBe(403);
    expect((await call(listContacts, `/api/v1/customers/${resellerCustomerId}/contacts`, { key: rivalKey })).status).toBe(404);
    expect((await call(listContacts, `/api/v1/customers/${resellerCustomerId}/contacts`, { key: resellerKey })).status).toBe(200);
  });

  it('pays an invoice from the customer’s credit balance; without credit left it is a 409', async () => {
    const customer = await givenCustomer(db());
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 1000n });
    await adjustCredit(ctxOf(db(), systemActor()), { customerId: customer.id, amount: 400n, reason: 'Goodwill' });
    const paid = await call(applyCredit, `/api/v1/invoices/${invoice.id}/apply-credit`, { body: {} });
    expect(paid).toMatchObject({
      status: 200,
      body: { payment: { amount: 400, method: 'credit' }, invoice: { id: invoice.id, status: 'partial', balance: 600 } },
    });
    expect((await call(applyCredit, `/api/v1/invoices/${invoice.id}/apply-credit`, { body: {} })).status).toBe(409);
    expect((await call(applyCredit, '/api/v1/invoices/nope/apply-credit', { body: {} })).status).toBe(400);
    expect((await call(applyCredit, `/api/v1/invoices/${invoice.id}/apply-credit`, { key: noPermissions, body: {} })).status).toBe(403);
    const theirs = await givenInvoice(db(), { customerId: resellerCustomerId });
    expect((await call(applyCredit, `/api/v1/invoices/${theirs.id}/apply-credit`, { key: rivalKey, body: {} })).status).toBe(404);
  });
});
