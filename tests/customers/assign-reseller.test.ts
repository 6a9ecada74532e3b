import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getCustomerRoute, PATCH as patchCustomerRoute } from '@/app/api/v1/customers/[id]/route';
import { GET as listInvoicesRoute } from '@/app/api/v1/invoices/route';
import { auditLog, customers, users } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { systemActor, type Actor } from '@/server/auth/actor';
import { getCustomer } from '@/server/services/customers/get';
import { updateCustomer } from '@/server/services/customers/update';
import { listResellerOptions } from '@/server/services/resellers/options';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
let admin: { id: string; actor: Actor };
let adminKey: string;

beforeAll(async () => {
  admin = await givenUser(db(), 'admin');
  adminKey = await givenApiKey(db(), 'admin');
});

const as = (actor: Actor) => ctxOf(db(), actor, testNow);
const resellerOf = async (id: string) => (await db().select({ resellerId: customers.resellerId }).from(customers).where(eq(customers.id, id)))[0]!.resellerId;
const auditOf = (id: string) =>
  db()
    .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));
const patch = (id: string, body: unknown, key = adminKey) =>
  patchCustomerRoute(apiRequest(`/api/v1/customers/${id}`, { method: 'PATCH', body, key }), params({ id }));
const getOne = (id: string, key: string) => getCustomerRoute(apiRequest(`/api/v1/customers/${id}`, { key }), params({ id }));

describe('assigning a customer to a reseller', () => {
  it('assigns, moves and clears a customer’s reseller, one audit row each with the reseller before and after', async () => {
    const [x, y] = [await givenUser(db(), 'reseller'), await givenUser(db(), 'reseller')];
    const customer = await givenCustomer(db());

    const assigned = await updateCustomer(as(admin.actor), { id: customer.id, resellerId: x.id });
    expect(assigned.resellerId).toBe(x.id);
    const moved = await updateCustomer(as(admin.actor), { id: customer.id, resellerId: y.id });
    expect(moved.resellerId).toBe(y.id);
    const cleared = await updateCustomer(as(admin.actor), { id: customer.id, resellerId: null });
    expect(cleared.resellerId).toBeNull();
    expect(await resellerOf(customer.id)).toBeNull();

    const trail = (await auditOf(customer.id)).filter((e) => e.action !== 'customer.created');
    expect(trail).toEqual([
      { action: 'customer.reseller_changed', before: { resellerId: null }, after: { resellerId: x.id }, actorId: admin.id },
      { action: 'customer.reseller_changed', before: { resellerId: x.id }, after: { resellerId: y.id }, actorId: admin.id },
      { action: 'customer.reseller_changed', before: { resellerId: y.id }, after: { resellerId: null }, actorId: admin.id },
    ]);
  });

  it('keeps the details audit when details change with the reseller, and writes no move when the reseller stays', async () => {
    const x = await givenUser(db(), 'reseller');
    const customer = await givenCustomer(db(), { reseller_id: x.id });
    await updateCustomer(as(admin.actor), { id: customer.id, resellerId: x.id, phone: '+15550111' });
    const y = await givenUser(db(), 'reseller');
    await updateCustomer(as(admin.actor), { id: customer.id, resellerId: y.id, company: 'Moved Co' });
    const trail = (await auditOf(customer.id)).filter((e) => e.action !== 'customer.created').map((e) => e.action);
    expect(trail).toEqual(['customer.updated', 'customer.updated', 'customer.reseller_changed']);
    expect(await getCustomer(as(admin.actor), { id: customer.id })).toMatchObject({ phone: '+15550111', company: 'Moved Co', resellerId: y.id });
  });

  it('refuses what is not an active reseller with a field error, and changes nothing', async () => {
    const x = await givenUser(db(), 'reseller');
    const customer = await givenCustomer(db(), { reseller_id: x.id });
    const staff = await givenUser(db(), 'staff');
    const disabled = await givenUser(db(), 'reseller');
    await db().update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    const before = await auditOf(customer.id);

    for (const [resellerId, message] of [
      [randomUUID(), 'is not a reseller'],
      [staff.id, 'is not a reseller'],
      [admin.id, 'is not a reseller'],
      [disabled.id, 'is a disabled reseller; enable it first'],
    ] as const) {
      await expect(updateCustomer(as(admin.actor), { id: customer.id, resellerId, name: 'Renamed' })).rejects.toMatchObject({
        code: 'validation',
        fields: { reseller_id: message },
      });
    }
    const response = await patch(customer.id, { reseller_id: disabled.id, name: 'Renamed' });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'validation_error', fields: { reseller_id: 'is a disabled reseller; enable it first' } });
    const malformed = await patch(customer.id, { reseller_id: 'not-an-id' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.fields).toEqual({ reseller_id: 'must be an id' });

    expect(await getCustomer(as(admin.actor), { id: customer.id })).toMatchObject({ name: customer.name, resellerId: x.id });
    expect(await auditOf(customer.id)).toEqual(before);
  });

  it('lets only the desk with customers.edit move customers', async () => {
    const x = await givenUser(db(), 'reseller');
    const customer = await givenCustomer(db());
    const viewer = await givenUser(db(), 'staff', { permissions: ['customers.view'] });
    await expect(updateCustomer(as(viewer.actor), { id: customer.id, resellerId: x.id })).rejects.toMatchObject({ code: 'forbidden' });
    const clerk = await givenUser(db(), 'staff', { permissions: ['customers.view', 'customers.edit'] });
    expect((await updateCustomer(as(clerk.actor), { id: customer.id, resellerId: x.id })).resellerId).toBe(x.id);
  });
});

describe('PATCH /api/v1/customers/:id with reseller_id', () => {
  it('moves a customer for an admin key and answers with the new reseller_id, keeping the other fields', async () => {
    const x = await givenUser(db(), 'reseller');
    const customer = await givenCustomer(db(), { company: 'Kept Co' });
    const response = await patch(customer.id, { reseller_id: x.id, phone: '+15550123' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: customer.id, reseller_id: x.id, phone: '+15550123', company: 'Kept Co', email: customer.email });
    const cleared = await patch(customer.id, { reseller_id: null });
    expect((await cleared.json()).reseller_id).toBeNull();
    const untouched = await patch(customer.id, { name: 'Only the name' });
    expect(await untouched.json()).toMatchObject({ name: 'Only the name', reseller_id: null });
  });

  it('never lets a reseller key move a customer: another reseller is 404, out of its book 403, and nothing changes', async () => {
    const [x, y] = [await givenUser(db(), 'reseller'), await givenUser(db(), 'reseller')];
    const xKey = await givenApiKey(db(), 'reseller', x.id);
    const customer = await givenCustomer(db(), { reseller_id: x.id });
    const before = await auditOf(customer.id);

    const toRival = await patch(customer.id, { reseller_id: y.id, name: 'Stolen' }, xKey);
    expect(toRival.status).toBe(404);
    expect((await toRival.json()).error.code).toBe('not_found');
    const toMadeUp = await patch(customer.id, { reseller_id: randomUUID() }, xKey);
    expect(toMadeUp.status).toBe(404);
    const out = await patch(customer.id, { reseller_id: null }, xKey);
    expect(out.status).toBe(403);
    expect((await out.json()).error.code).toBe('forbidden');
    expect(await resellerOf(customer.id)).toBe(x.id);
    expect(await auditOf(customer.id)).toEqual(before);

    // Naming itself moves nothing, so its ordinary edits still pass.
    const same = await patch(customer.id, { reseller_id: x.id, phone: '+15550999' }, xKey);
    expect(same.status).toBe(200);
    expect(await same.json()).toMatchObject({ reseller_id: x.id, phone: '+15550999' });
  });

  it('takes the customer out of the old reseller’s sight once the desk moves it', async () => {
    const [x, y] = [await givenUser(db(), 'reseller'), await givenUser(db(), 'reseller')];
    const [xKey, yKey] = [await givenApiKey(db(), 'reseller', x.id), await givenApiKey(db(), 'reseller', y.id)];
    const customer = await givenCustomer(db(), { reseller_id: x.id });
    const invoice = await givenInvoice(db(), { customerId: customer.id });
    expect((await getOne(customer.id, xKey)).status).toBe(200);
    expect((await getOne(customer.id, yKey)).status).toBe(404);

    expect((await patch(customer.id, { reseller_id: y.id })).status).toBe(200);

    expect((await getOne(customer.id, xKey)).status).toBe(404);
    expect((await getOne(customer.id, yKey)).status).toBe(200);
    expect((await patch(customer.id, { phone: '+15550000' }, xKey)).status).toBe(404);
    await expect(getCustomer(as(x.actor), { id: customer.id })).rejects.toMatchObject({ code: 'not_found' });
    const xInvoices = await (await listInvoicesRoute(apiRequest('/api/v1/invoices', { key: xKey }), params())).json();
    expect(xInvoices.data.map((i: { id: string }) => i.id)).not.toContain(invoice.id);
    const yInvoices = await (await listInvoicesRoute(apiRequest('/api/v1/invoices', { key: yKey }), params())).json();
    expect(yInvoices.data.map((i: { id: string }) => i.id)).toContain(invoice.id);
  });
});

describe('customers.update over tRPC (the console)', () => {
  it('moves a customer for the desk, and answers a reseller naming another reseller NOT_FOUND and clearing FORBIDDEN', async () => {
    const [x, y] = [await givenUser(db(), 'reseller'), await givenUser(db(), 'reseller')];
    const customer = await givenCustomer(db(), { reseller_id: x.id });
    const desk = createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' });
    const reseller = createCaller({ db: db(), actor: x.actor, origin: 'http://localhost' });

    await expect(reseller.customers.update({ id: customer.id, reseller_id: y.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reseller.customers.update({ id: customer.id, reseller_id: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(desk.customers.update({ id: customer.id, reseller_id: 'nope' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await resellerOf(customer.id)).toBe(x.id);

    expect((await desk.customers.update({ id: customer.id, reseller_id: y.id })).resellerId).toBe(y.id);
    await expect(reseller.customers.byId({ id: customer.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await desk.customers.update({ id: customer.id, reseller_id: null })).resellerId).toBeNull();
  });
});

describe('the invoice list by reseller', () => {
  it('filters the desk’s invoices by the customer’s reseller, over tRPC and REST', async () => {
    const [x, y] = [await givenUser(db(), 'reseller'), await givenUser(db(), 'reseller')];
    const ofX = await givenInvoice(db(), { customerId: (await givenCustomer(db(), { reseller_id: x.id })).id });
    const ofY = await givenInvoice(db(), { customerId: (await givenCustomer(db(), { reseller_id: y.id })).id });
    const direct = await givenInvoice(db());
    const caller = createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' });

    const byX = await caller.invoices.list({ reseller_id: x.id, limit: 50 });
    expect(byX.items.map((i) => i.id)).toEqual([ofX.id]);
    // The desk's Reseller column reads the customer's reseller; the reseller itself is told nothing about resellers.
    expect(byX.items[0]!.customerResellerId).toBe(x.id);
    const xCaller = createCaller({ db: db(), actor: x.actor, origin: 'http://localhost' });
    expect((await xCaller.invoices.list({ limit: 50 })).items.map((i) => [i.id, i.customerResellerId])).toEqual([[ofX.id, null]]);
    const everyone = (await caller.invoices.list({ limit: 200 })).items.map((i) => i.id);
    expect(everyone).toEqual(expect.arrayContaining([ofX.id, ofY.id, direct.id]));

    const rest = await listInvoicesRoute(apiRequest(`/api/v1/invoices?reseller_id=${y.id}`, { key: adminKey }), params());
    expect((await rest.json()).data.map((i: { id: string }) => i.id)).toEqual([ofY.id]);

    // A move shows at once: the invoice follows its customer into the other reseller's filter.
    await updateCustomer(as(admin.actor), { id: ofX.customerId, resellerId: y.id });
    expect((await caller.invoices.list({ reseller_id: x.id, limit: 50 })).items).toEqual([]);
    expect((await caller.invoices.list({ reseller_id: y.id, limit: 50 })).items.map((i) => i.id).sort()).toEqual([ofX.id, ofY.id].sort());
  });
});

describe('reseller options for the desk’s pickers', () => {
  it('lists every reseller by name with whether it is active, for the desk only', async () => {
    const x = await givenUser(db(), 'reseller');
    await db().update(users).set({ name: 'Zed Disabled', disabled: true }).where(eq(users.id, x.id));
    const options = await listResellerOptions(as(admin.actor));
    expect(options).toContainEqual({ id: x.id, name: 'Zed Disabled', parentId: null, active: false });
    const names = options.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const viewer = await givenUser(db(), 'staff', { permissions: ['invoices.view'] });
    expect(await listResellerOptions(as(viewer.actor))).toEqual(options);
    const bare = await givenUser(db(), 'staff', { permissions: ['catalog.view'] });
    await expect(listResellerOptions(as(bare.actor))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listResellerOptions(as(x.actor))).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listResellerOptions(as(systemActor()))).length).toBe(options.length);
  });
});
