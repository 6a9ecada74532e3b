import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as changeCustomerRoute } from '@/app/api/v1/orders/[id]/customer/route';
import { auditLog, invoices, orders, services, users } from '@/db/schema';
import { systemActor, type Actor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { addCustomerContact } from '@/server/services/customers/add-contact';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { lockCustomer } from '@/server/services/locks';
import { changeOrderCustomer, orderCustomerChoices } from '@/server/services/orders/change-customer';
import { placeOrder } from '@/server/services/orders/place';
import { recordPayment } from '@/server/services/payments/record';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenApiKey, givenCustomer, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();

/** Advisory locks in this test's database, granted or waited for. */
const advisoryLocks = async (granted: boolean) => {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`pg_locks`)
    .where(sql`locktype = 'advisory' and granted = ${granted} and database = (select oid from pg_database where datname = current_database())`);
  return row!.n;
};

async function until(condition: () => Promise<boolean>) {
  for (let tries = 0; !(await condition()); tries++) {
    if (tries > 500) throw new Error('the racing moves never met at the lock');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const system = () => ctxOf(db(), systemActor(), testNow);
let admin: { id: string; actor: Actor };
let adminKey: string;

beforeAll(async () => {
  admin = await givenUser(db(), 'admin');
  adminKey = await givenApiKey(db(), 'admin');
});

const as = (actor: Actor) => ctxOf(db(), actor, testNow);

/** Jane's own account, and Acme's with Jane as a contact: two profiles of one person. An order on Jane's. */
async function givenTwoProfiles(options: { currency?: string; resellerId?: string } = {}) {
  const tag = Math.random().toString(36).slice(2, 8);
  const reseller = options.resellerId ? { reseller_id: options.resellerId } : {};
  const jane = await givenCustomer(db(), { name: `Jane ${tag}`, email: `jane-${tag}@example.test`, currency: 'USD', ...reseller });
  const acme = await givenCustomer(db(), { name: `Acme ${tag}`, email: `ap-${tag}@acme.test`, currency: options.currency ?? 'USD', ...reseller });
  await addCustomerContact(system(), { customerId: acme.id, name: 'Jane', email: jane.email.toUpperCase() });
  const product = await givenProduct(db(), { monthly: 1000 });
  const order = await placeOrder(system(), camelized(placeOrderInput).parse({ customer_id: jane.id, items: [{ product_id: product.id, cycle: 'monthly' }] }));
  return { jane, acme, order };
}

const ownerOf = async (orderId: string) => {
  const [order] = await db().select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, orderId));
  const rows = await db().select({ customerId: services.customerId }).from(services).where(eq(services.orderId, orderId));
  const docs = await db().select({ customerId: invoices.customerId }).from(invoices).where(eq(invoices.orderId, orderId));
  return { order: order!.customerId, services: rows.map((r) => r.customerId), documents: docs.map((d) => d.customerId) };
};
const moves = (orderId: string) =>
  db()
    .select({ before: auditLog.before, after: auditLog.after, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, orderId), eq(auditLog.action, 'order.customer_changed')));
const post = (orderId: string, body: unknown, key = adminKey) =>
  changeCustomerRoute(apiRequest(`/api/v1/orders/${orderId}/customer`, { method: 'POST', body, key }), params({ id: orderId }));

describe('switching an order to another profile of the same person', () => {
  it('offers the person’s other active profiles in the order’s currency, and only those', async () => {
    const { jane, acme, order } = await givenTwoProfiles();
    // Sharing an address through contacts on both sides also counts; another currency, a disabled sign-in or another person do not.
    const side = await givenCustomer(db(), { name: 'Jane Side', currency: 'USD' });
    await addCustomerContact(system(), { customerId: side.id, name: 'Jane', email: jane.email });
    const euros = await givenCustomer(db(), { currency: 'EUR' });
    await addCustomerContact(system(), { customerId: euros.id, name: 'Jane', email: jane.email });
    const locked = await givenCustomer(db(), { currency: 'USD' });
    await addCustomerContact(system(), { customerId: locked.id, name: 'Jane', email: jane.email });
    const signIn = await givenUser(db(), 'client', { customerId: locked.id });
    await db().update(users).set({ disabled: true }).where(eq(users.id, signIn.id));
    await givenCustomer(db(), { currency: 'USD' });

    const choices = await orderCustomerChoices(as(admin.actor), { id: order.id });
    expect(choices.map((c) => c.id).sort()).toEqual([acme.id, side.id].sort());
  });

  it('moves the order, its services and its unpaid first invoice (re-addressed), with one audit row; REST answers the moved order', async () => {
    const { jane, acme, order } = await givenTwoProfiles();
    const response = await post(order.id, { customer_id: acme.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: order.id, customer_id: acme.id });

    expect(await ownerOf(order.id)).toEqual({ order: acme.id, services: [acme.id], documents: [acme.id] });
    const [first] = await db().select({ snapshot: invoices.customerSnapshot }).from(invoices).where(eq(invoices.id, order.invoiceId!));
    expect(first!.snapshot).toMatchObject({ name: acme.name, email: acme.email });
    const trail = await moves(order.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      before: { customerId: jane.id },
      after: { customerId: acme.id, documentsMoved: [order.invoiceId], servicesMoved: [order.services[0]!.id], documentsKept: [] },
    });
  });

  it('leaves a paid invoice with the profile that paid it', async () => {
    const { jane, acme, order } = await givenTwoProfiles();
    await markInvoicePaid(system(), { id: order.invoiceId! });
    await changeOrderCustomer(as(admin.actor), { id: order.id, customerId: acme.id });
    expect(await ownerOf(order.id)).toEqual({ order: acme.id, services: [acme.id], documents: [jane.id] });
    expect((await moves(order.id))[0]!.after).toMatchObject({ documentsMoved: [], documentsKept: [order.invoiceId] });
  });

  it('refuses while a document of the order is partly paid, and changes nothing', async () => {
    const { jane, acme, order } = await givenTwoProfiles();
    await recordPayment(system(), { invoiceId: order.invoiceId!, amount: 400n, method: 'cash' });
    await expect(changeOrderCustomer(as(admin.actor), { id: order.id, customerId: acme.id })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('Partly paid documents cannot move with the order'),
    });
    const response = await post(order.id, { customer_id: acme.id });
    expect(response.status).toBe(409);
    expect(await ownerOf(order.id)).toEqual({ order: jane.id, services: [jane.id], documents: [jane.id] });
    expect(await moves(order.id)).toEqual([]);
  });

  it('answers bad input with a field error on customer_id and changes nothing', async () => {
    const { jane, order } = await givenTwoProfiles();
    const stranger = await givenCustomer(db(), { currency: 'USD' });
    const { acme: euros } = await givenTwoProfiles({ currency: 'EUR' });
    await addCustomerContact(system(), { customerId: euros.id, name: 'Jane', email: jane.email });

    for (const [customerId, field] of [
      [jane.id, 'is the order’s customer already'],
      [stranger.id, expect.stringContaining('must be another active customer profile of the same person')],
      ['00000000-0000-4000-8000-000000000000', expect.stringContaining('must be another active customer profile of the same person')],
      [euros.id, 'bills in EUR; the order is in USD'],
    ] as const) {
      await expect(changeOrderCustomer(as(admin.actor), { id: order.id, customerId })).rejects.toMatchObject({
        code: 'validation',
        fields: { customer_id: field },
      });
    }
    for (const body of [{ customer_id: stranger.id }, { customer_id: 'nope' }, {}, { customer_id: stranger.id, extra: 1 }]) {
      const response = await post(order.id, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.fields).toBeDefined();
    }
    expect(await ownerOf(order.id)).toEqual({ order: jane.id, services: [jane.id], documents: [jane.id] });
    expect(await moves(order.id)).toEqual([]);
  });

  it('is the desk’s: a reseller (even on its own book) and staff without orders.edit are refused, and another book’s order is not found', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const { acme, order } = await givenTwoProfiles({ resellerId: reseller.id });
    await expect(changeOrderCustomer(as(reseller.actor), { id: order.id, customerId: acme.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(orderCustomerChoices(as(reseller.actor), { id: order.id })).rejects.toMatchObject({ code: 'forbidden' });
    const staff = await givenUser(db(), 'staff', { permissions: ['orders.view', 'customers.edit'] });
    await expect(changeOrderCustomer(as(staff.actor), { id: order.id, customerId: acme.id })).rejects.toMatchObject({ code: 'forbidden' });
    const resellerKey = await givenApiKey(db(), 'reseller', reseller.id);
    expect((await post(order.id, { customer_id: acme.id }, resellerKey)).status).toBe(403);

    const clerk = await givenUser(db(), 'staff', { permissions: ['orders.view', 'orders.edit'] });
    await changeOrderCustomer(as(clerk.actor), { id: order.id, customerId: acme.id });
    expect((await ownerOf(order.id)).order).toBe(acme.id);
  });

  it('moves an order once when two desks switch it at the same time: the other is a conflict', async () => {
    for (let round = 0; round < 4; round++) {
      const { jane, acme, order } = await givenTwoProfiles();
      const side = await givenCustomer(db(), { currency: 'USD' });
      await addCustomerContact(system(), { customerId: side.id, name: 'Jane', email: jane.email });
      // Both must read the order's owner before either moves it (else they simply run one after
      // the other, and both moves are right): the owner's lock is held until both wait on it.
      let release!: () => void;
      const holding = db().transaction(async (tx) => {
        await lockCustomer(tx, jane.id);
        await new Promise<void>((resolve) => (release = resolve));
      });
      await until(async () => (await advisoryLocks(true)) === 1);
      const racing = Promise.allSettled([
        changeOrderCustomer(as(admin.actor), { id: order.id, customerId: acme.id }),
        changeOrderCustomer(as(admin.actor), { id: order.id, customerId: side.id }),
      ]);
      await until(async () => (await advisoryLocks(false)) === 2);
      release();
      await holding;
      const results = await racing;
      const won = results.findIndex((r) => r.status === 'fulfilled');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results[1 - won]).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } });
      const owner = (await ownerOf(order.id)).order;
      expect(owner).toBe(won === 0 ? acme.id : side.id);
      expect(await ownerOf(order.id)).toEqual({ order: owner, services: [owner], documents: [owner] });
      expect(await moves(order.id)).toHaveLength(1);
    }
  });
});
