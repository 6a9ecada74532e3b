import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/server/auth/actor';
import { searchInput } from '@/server/schemas/search';
import { recordPayment } from '@/server/services/payments/record';
import { searchEverything } from '@/server/services/search/find';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice, givenOrderRow, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const now = new Date('2027-02-01T10:00:00Z');
type Actor = Parameters<typeof ctxOf>[1];
const search = (actor: Actor, q: string) => searchEverything(ctxOf(db(), actor, now), searchInput.parse({ q }));

let resellerX: Actor;
let resellerY: Actor;
let staffNoMoney: Actor;
const records = { customerA: '', customerB: '', invoiceA: '', invoiceNumberA: '', invoiceB: '', orderA: '', paymentA: '' };

// Reseller X's Harbor Lights (A) and reseller Y's Harbor Mist (B): one word finds both at the desk.
beforeAll(async () => {
  const x = await givenUser(db(), 'reseller');
  const y = await givenUser(db(), 'reseller');
  resellerX = x.actor;
  resellerY = y.actor;
  staffNoMoney = (await givenUser(db(), 'staff', { permissions: ['customers.view', 'orders.view'] })).actor;
  const a = await givenCustomer(db(), { name: 'Harbor Lights', email: 'billing@harbor-lights.test' }, { actor: x.actor });
  const b = await givenCustomer(db(), { name: 'Harbor Mist', email: 'accounts@harbor-mist.test' }, { actor: y.actor });
  const invoiceA = await givenInvoice(db(), { customerId: a.id, total: 3000n });
  const invoiceB = await givenInvoice(db(), { customerId: b.id, total: 4000n });
  const { payment } = await recordPayment(ctxOf(db(), systemActor(), now), {
    invoiceId: invoiceA.id,
    amount: 3000n,
    method: 'bank_transfer',
    reference: 'WIRE-778812',
  });
  Object.assign(records, {
    customerA: a.id,
    customerB: b.id,
    invoiceA: invoiceA.id,
    invoiceNumberA: invoiceA.number!,
    invoiceB: invoiceB.id,
    orderA: await givenOrderRow(db(), { customerId: a.id, startDate: '2027-01-01' }),
    paymentA: payment.id,
  });
});

const idsOf = (results: Awaited<ReturnType<typeof search>>) => ({
  customers: results.customers.map((c) => c.id),
  invoices: results.invoices.map((i) => i.id),
  orders: results.orders.map((o) => o.id),
  payments: results.payments.map((p) => p.id),
});

describe('global search', () => {
  it('finds every book at the desk by a name both customers share', async () => {
    const found = idsOf(await search(systemActor(), 'harbor'));
    expect(found.customers).toEqual(expect.arrayContaining([records.customerA, records.customerB]));
    expect(found.invoices).toEqual(expect.arrayContaining([records.invoiceA, records.invoiceB]));
  });

  it("never shows a reseller another reseller's customer, invoice or order", async () => {
    const asX = idsOf(await search(resellerX, 'harbor'));
    expect(asX.customers).toEqual([records.customerA]);
    expect(asX.invoices).toEqual([records.invoiceA]);
    expect(asX.orders).toEqual([records.orderA]);
    const asY = idsOf(await search(resellerY, 'harbor-lights'));
    expect(asY).toEqual({ customers: [], invoices: [], orders: [], payments: [] });
  });

  it('matches an invoice by its number, a customer by e-mail and a payment by its reference', async () => {
    const byNumber = await search(systemActor(), records.invoiceNumberA);
    expect(byNumber.invoices.map((i) => i.id)).toEqual([records.invoiceA]);
    const byEmail = await search(resellerX, 'BILLING@harbor');
    expect(byEmail.customers.map((c) => c.id)).toEqual([records.customerA]);
    const byReference = await search(resellerX, 'wire-7788');
    expect(byReference.payments).toEqual([expect.objectContaining({ id: records.paymentA, invoiceId: records.invoiceA, amount: 3000n })]);
    expect((await search(resellerY, 'wire-7788')).payments).toEqual([]);
  });

  it('leaves out what the staff member may not read, and refuses a client', async () => {
    const found = await search(staffNoMoney, 'harbor');
    expect(found.customers.length).toBe(2);
    expect(found.invoices).toEqual([]);
    expect(found.payments).toEqual([]);
    const client = await givenUser(db(), 'client', { customerId: records.customerA });
    await expect(search(client.actor, 'harbor')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('treats LIKE wildcards literally and asks for two characters', async () => {
    expect(idsOf(await search(systemActor(), '%%'))).toEqual({ customers: [], invoices: [], orders: [], payments: [] });
    expect(searchInput.safeParse({ q: ' h ' }).success).toBe(false);
  });
});
