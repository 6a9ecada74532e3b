import { afterEach, describe, expect, it } from 'vitest';
import { activateOrder as activateWorkflow } from '@/inngest/functions/activate';
import { systemActor } from '@/server/auth/actor';
import { dispatchPending, type Runtime } from '@/server/jobs/runtime';
import { resendTransport, smsGateway } from '@/server/notify/transports';
import { createCouponInput, createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { listJobs } from '@/server/services/automation/jobs';
import { createCoupon } from '@/server/services/catalog/create-coupon';
import { createProduct } from '@/server/services/catalog/create-product';
import { getProduct } from '@/server/services/catalog/get-product';
import { listCoupons } from '@/server/services/catalog/list-coupons';
import { listProducts } from '@/server/services/catalog/list-products';
import { getCustomerHistory } from '@/server/services/customers/get';
import { updateCustomer } from '@/server/services/customers/update';
import { getInvoice } from '@/server/services/invoices/get';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { sendInvoice } from '@/server/services/invoices/send';
import { addNote, editNote, listNotes } from '@/server/services/notes/manage-notes';
import { getOrderHistory } from '@/server/services/orders/history';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { fakeHttp } from '../support/fake-http';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const now = new Date('2027-01-31T10:00:00Z');
const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
const system = () => ctxOf(db(), systemActor(), now);
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function givenDesk() {
  const reseller = await givenUser(db(), 'reseller');
  const staff = await givenUser(db(), 'staff', {
    permissions: ['customers.view', 'customers.edit', 'orders.view', 'orders.edit', 'catalog.view', 'invoices.view', 'invoices.edit'],
  });
  const customer = await givenCustomer(db(), { phone: '+4915112345678' }, { actor: reseller.actor, now });
  return { reseller, staff, customer, as: (who: { actor: Parameters<typeof ctxOf>[1] }) => ctxOf(db(), who.actor, now) };
}

describe('a reseller reading its customer’s history', () => {
  it('sees the desk’s people as "Staff", without e-mail, id or address, and not what they wrote in notes', async () => {
    const { reseller, staff, customer, as } = await givenDesk();
    await updateCustomer(as(staff), { id: customer.id, company: 'Renamed by staff' });
    await addNote(as(staff), { scope: 'customer', id: customer.id, body: 'Staff only: disputed a charge in 2026' });
    await addNote(as(reseller), { scope: 'customer', id: customer.id, body: 'Reseller: prefers calls after 5pm' });

    const seen = await getCustomerHistory(as(reseller), { id: customer.id });
    const text = json(seen);
    expect(text).not.toContain(staff.actor.label);
    expect(text).not.toContain(staff.id);
    expect(text).not.toContain('disputed a charge');
    expect(text).toContain('prefers calls after 5pm');
    const byStaff = seen.filter((e) => e.action === 'customer.updated' || (e.action === 'note.added' && e.actorId !== reseller.id));
    expect(byStaff).toHaveLength(2);
    for (const entry of byStaff) expect(entry).toMatchObject({ actorLabel: 'Staff', actorId: null, ip: null });
    expect(seen.find((e) => e.actorId === reseller.id)).toMatchObject({ actorLabel: reseller.actor.label, ip: '127.0.0.1' });

    // The desk still reads everything as written.
    const desk = json(await getCustomerHistory(system(), { id: customer.id }));
    expect(desk).toContain(staff.actor.label);
    expect(desk).toContain('disputed a charge');
  });

  it('lists and edits only the notes it wrote itself', async () => {
    const { reseller, staff, customer, as } = await givenDesk();
    const staffNote = await addNote(as(staff), { scope: 'customer', id: customer.id, body: 'Staff only: credit check failed' });
    await addNote(as(reseller), { scope: 'customer', id: customer.id, body: 'Reseller note' });

    expect((await listNotes(as(reseller), { scope: 'customer', id: customer.id })).own.map((n) => n.body)).toEqual(['Reseller note']);
    await expect(editNote(as(reseller), { noteId: staffNote.id, body: 'overwritten' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listNotes(as(staff), { scope: 'customer', id: customer.id })).own.map((n) => n.body).sort()).toEqual([
      'Reseller note',
      'Staff only: credit check failed',
    ]);
  });
});

describe('a reseller reading the catalog', () => {
  it('sees no provisioning URL; the desk does', async () => {
    const { reseller, as } = await givenDesk();
    const product = await createProduct(
      system(),
      camelized(createProductInput).parse({
        name: 'Panel VPS',
        type: 'recurring',
        prices: [{ cycle: 'monthly', currency: 'USD', amount: 1000 }],
        provisioning_module: 'webhook',
        provisioning_url: 'https://panel.internal.example/hook?key=prov-secret',
      }),
    );
    const listed = (await listProducts(as(reseller), { limit: 50 })).items.find((p) => p.id === product.id)!;
    for (const seen of [listed, await getProduct(as(reseller), { id: product.id })]) {
      expect(seen).toMatchObject({ provisioningModule: 'webhook', provisioningUrl: null });
    }
    expect(await getProduct(system(), { id: product.id })).toMatchObject({ provisioningUrl: 'https://panel.internal.example/hook?key=prov-secret' });
  });

  it('lists only the coupons it may apply now, without redemption counts', async () => {
    const { reseller, as } = await givenDesk();
    const coupon = (code: string, extra: object = {}) =>
      createCoupon(system(), camelized(createCouponInput).parse({ code, type: 'percent', value: 10, duration: 'once', ...extra }));
    await coupon('OPEN10');
    await coupon('EXPIRED10', { expires_at: '2027-01-01T00:00:00Z' });
    await coupon('LATER10', { expires_at: '2027-06-01T00:00:00Z' });
    const full = await coupon('FULL10', { max_uses: 1 });
    const customer = await givenCustomer(db());
    const product = await createProduct(
      system(),
      camelized(createProductInput).parse({ name: 'Plan', type: 'recurring', prices: [{ cycle: 'monthly', currency: 'USD', amount: 1000 }] }),
    );
    await placeOrder(
      system(),
      camelized(placeOrderInput).parse({ customer_id: customer.id, coupon_code: full.code, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );

    const seen = await listCoupons(as(reseller));
    expect(seen.map((c) => c.code).sort()).toEqual(['LATER10', 'OPEN10']);
    expect(seen.every((c) => c.uses === null)).toBe(true);
    const desk = await listCoupons(system());
    expect(desk.map((c) => c.code).sort()).toEqual(['EXPIRED10', 'FULL10', 'LATER10', 'OPEN10']);
    expect(desk.find((c) => c.code === 'FULL10')!.uses).toBe(1);
  });
});

describe('a reseller reading jobs and the notification log', () => {
  const runtime: Runtime = { mode: 'embedded', workflows: [activateWorkflow], backoff: () => 0 };

  it('sees how its own orders’ jobs ended, not the providers’ answers, and no other book’s jobs', async () => {
    const { reseller, customer, as } = await givenDesk();
    const panel = await fakeHttp(() => ({ status: 503, body: 'upstream 10.0.0.7:8443 refused: admin console' }));
    closers.push(panel.close);
    const product = await createProduct(
      system(),
      camelized(createProductInput).parse({
        name: 'Hooked',
        type: 'recurring',
        prices: [{ cycle: 'monthly', currency: 'USD', amount: 1000 }],
        provisioning_module: 'webhook',
        provisioning_url: `${panel.url}/p`,
      }),
    );
    const mine = await placeOrder(
      system(),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    const other = await placeOrder(
      system(),
      camelized(placeOrderInput).parse({ customer_id: (await givenCustomer(db())).id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(system(), { id: mine.invoiceId! });
    await markInvoicePaid(system(), { id: other.invoiceId! });
    await dispatchPending(db(), runtime);

    const { jobs, audit } = await getOrderHistory(as(reseller), { id: mine.id });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: 'failed', error: null, output: null });
    expect(json([jobs, audit])).not.toContain('admin console');
    const listed = await listJobs(as(reseller), { limit: 100 });
    expect(listed.items.map((j) => j.subjectId)).toEqual([mine.id]);
    expect((await getOrderHistory(system(), { id: mine.id })).jobs[0]!.error).toContain('admin console');
  });

  it('sees that a send failed, not what the provider answered', async () => {
    const { reseller, customer, as } = await givenDesk();
    const gateway = await fakeHttp(() => ({ status: 500, body: 'gateway db at 10.1.2.3 is down' }));
    closers.push(gateway.close);
    const invoice = await givenInvoice(db(), { customerId: customer.id });
    const channels = {
      email: resendTransport({ apiKey: 'x', from: 'x' }),
      sms: smsGateway({ url: gateway.url, method: 'POST' as const, auth_header: '', body_template: '{"to":"{to}"}' }),
      whatsapp: null,
    };
    await sendInvoice(system(), { id: invoice.id, channel: 'sms', origin: 'https://billing.example.test' }, channels);

    const seen = await getInvoice(as(reseller), { id: invoice.id });
    expect(seen.notifications).toMatchObject([{ channel: 'sms', status: 'failed', detail: null }]);
    expect(json(await getInvoice(system(), { id: invoice.id }))).toContain('10.1.2.3');
  });
});
