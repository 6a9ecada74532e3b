import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { PATCH as patchCustomerRoute } from '@/app/api/v1/customers/[id]/route';
import { auditLog, customers } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { systemActor, type Actor } from '@/server/auth/actor';
import { adjustCredit } from '@/server/services/credit/adjust';
import { updateCustomer } from '@/server/services/customers/update';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenOrderRow, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
let admin: { id: string; actor: Actor };
let adminKey: string;

beforeAll(async () => {
  admin = await givenUser(db(), 'admin');
  adminKey = await givenApiKey(db(), 'admin');
});

const as = (actor: Actor) => ctxOf(db(), actor, testNow);
const rowOf = async (id: string) => (await db().select().from(customers).where(eq(customers.id, id)))[0]!;
const updates = (id: string) =>
  db()
    .select({ before: auditLog.before, after: auditLog.after, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, id), eq(auditLog.action, 'customer.updated')))
    .orderBy(asc(auditLog.id));
const patch = (id: string, body: unknown, key = adminKey) =>
  patchCustomerRoute(apiRequest(`/api/v1/customers/${id}`, { method: 'PATCH', body, key }), params({ id }));
const caller = (actor: Actor) => createCaller({ db: db(), actor, origin: 'http://localhost' });

const address = { line1: '1 Main St', city: 'Springfield', postal_code: '12345', country: 'us' };

describe('editing a customer', () => {
  it('changes contact, address, tax id and the currency of a customer with nothing billed, audited before and after', async () => {
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const edited = await caller(admin.actor).customers.update({
      id: customer.id,
      name: 'Jane Doe',
      company: 'Doe Ltd',
      email: 'JANE.DOE@Example.test',
      phone: '+15550100',
      tax_id: 'DE123456789',
      billing_address: address,
      currency: 'eur',
    });
    expect(edited).toMatchObject({
      name: 'Jane Doe',
      company: 'Doe Ltd',
      email: 'jane.doe@example.test',
      phone: '+15550100',
      taxId: 'DE123456789',
      currency: 'EUR',
      billingAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
    });
    const [entry] = await updates(customer.id);
    expect(entry).toMatchObject({
      actorId: admin.id,
      before: { name: customer.name, currency: 'USD', billingAddress: null },
      after: { name: 'Jane Doe', currency: 'EUR' },
    });

    // A form's empty field or null clears an optional detail; one not sent stays.
    const cleared = await caller(admin.actor).customers.update({ id: customer.id, company: '', phone: null, billing_address: null });
    expect(cleared).toMatchObject({ company: null, phone: null, taxId: 'DE123456789', billingAddress: null });
  });

  it.each([
    ['an invoice', 'invoices', async (customerId: string) => void (await givenInvoice(db(), { customerId, status: 'draft' }))],
    ['an order', 'orders', async (customerId: string) => void (await givenOrderRow(db(), { customerId, startDate: '2027-01-01' }))],
    [
      'a credit entry',
      'credit entries',
      async (customerId: string) => void (await adjustCredit(ctxOf(db(), systemActor(), testNow), { customerId, amount: 500n, reason: 'Goodwill' })),
    ],
  ])('locks the currency once the customer has %s: a field error says why, and nothing of the request changes', async (_, what, bill) => {
    const customer = await givenCustomer(db(), { currency: 'USD' });
    await bill(customer.id);
    const reason = `cannot change: this customer already has ${what} in its currency`;
    await expect(updateCustomer(as(admin.actor), { id: customer.id, currency: 'EUR', name: 'Renamed' })).rejects.toMatchObject({
      code: 'invalid_state',
      fields: { currency: reason },
    });
    const response = await patch(customer.id, { currency: 'EUR', name: 'Renamed' });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({ code: 'invalid_state', fields: { currency: reason } });
    expect(await rowOf(customer.id)).toMatchObject({ currency: 'USD', name: customer.name });
    expect(await updates(customer.id)).toEqual([]);

    // Sending the currency it already has is no change, so the rest of the form still saves.
    expect(await updateCustomer(as(admin.actor), { id: customer.id, currency: 'USD', name: 'Renamed' })).toMatchObject({ currency: 'USD', name: 'Renamed' });
  });

  it('answers bad input with field errors and changes nothing', async () => {
    const customer = await givenCustomer(db());
    const taken = await givenCustomer(db());
    for (const [body, fields] of [
      [{ email: 'not-an-address' }, { email: 'must be a valid e-mail address' }],
      [{ name: '' }, { name: 'is required' }],
      [{ currency: 'EURO' }, { currency: expect.any(String) }],
      [
        { billing_address: { line1: '', city: 'X', country: 'USA' } },
        { 'billing_address.line1': 'is required', 'billing_address.country': expect.any(String) },
      ],
      [{ email: taken.email.toUpperCase() }, { email: 'is already used by another customer' }],
    ] as const) {
      const response = await patch(customer.id, { ...body, phone: '+1999' });
      expect([400, 409]).toContain(response.status);
      expect((await response.json()).error.fields).toMatchObject(fields);
    }
    expect(await rowOf(customer.id)).toMatchObject({ email: customer.email, phone: null, name: customer.name, billingAddress: null });
    expect(await updates(customer.id)).toEqual([]);
  });

  it('lets a reseller edit the customers of its book, another book’s is not found, and a client or the viewer may not', async () => {
    const [x, y] = [await givenUser(db(), 'reseller'), await givenUser(db(), 'reseller')];
    const mine = await givenCustomer(db(), { reseller_id: x.id });
    const theirs = await givenCustomer(db(), { reseller_id: y.id });
    expect(await updateCustomer(as(x.actor), { id: mine.id, phone: '+15550199', currency: 'EUR' })).toMatchObject({ phone: '+15550199', currency: 'EUR' });
    await expect(updateCustomer(as(x.actor), { id: theirs.id, phone: '+1' })).rejects.toMatchObject({ code: 'not_found' });
    const xKey = await givenApiKey(db(), 'reseller', x.id);
    expect((await patch(theirs.id, { phone: '+1' }, xKey)).status).toBe(404);
    await expect(updateCustomer(as(x.actor), { id: mine.id, resellerId: null })).rejects.toMatchObject({ code: 'forbidden' });

    const client = await givenUser(db(), 'client', { customerId: mine.id });
    await expect(updateCustomer(as(client.actor), { id: mine.id, phone: '+1' })).rejects.toMatchObject({ code: 'forbidden' });
    const viewer = await givenUser(db(), 'staff', { permissions: ['customers.view'] });
    await expect(updateCustomer(as(viewer.actor), { id: mine.id, phone: '+1' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await rowOf(theirs.id)).toMatchObject({ phone: null });
    expect(await rowOf(mine.id)).toMatchObject({ phone: '+15550199', resellerId: x.id });
  });

  it('never lets a currency change and a first invoice interleave: either the change is refused or the invoice bills in the new currency', async () => {
    for (let round = 0; round < 4; round++) {
      const customer = await givenCustomer(db(), { currency: 'USD' });
      const [changed, invoiced] = await Promise.allSettled([
        updateCustomer(as(admin.actor), { id: customer.id, currency: 'EUR' }),
        givenInvoice(db(), { customerId: customer.id }),
      ]);
      expect(invoiced.status).toBe('fulfilled');
      const invoice = invoiced.status === 'fulfilled' ? invoiced.value : null;
      const row = await rowOf(customer.id);
      if (changed.status === 'fulfilled') expect([row.currency, invoice!.currency]).toEqual(['EUR', 'EUR']);
      else expect([changed.reason.code, row.currency, invoice!.currency]).toEqual(['invalid_state', 'USD', 'USD']);
    }
  });
});
