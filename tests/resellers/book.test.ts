import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createCustomerRoute } from '@/app/api/v1/customers/route';
import { GET as getInvoiceRoute } from '@/app/api/v1/invoices/[id]/route';
import { GET as listTransactions } from '@/app/api/v1/transactions/route';
import { resellers } from '@/db/schema';
import { userActor, type Actor } from '@/server/auth/actor';
import { defaultResellerFlags } from '@/server/auth/permissions';
import { listCustomers } from '@/server/services/customers/list';
import { getInvoice } from '@/server/services/invoices/get';
import { listInvoices } from '@/server/services/invoices/list';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const now = new Date('2027-03-10T12:00:00Z');
const ctx = (actor: Actor) => ctxOf(db(), actor, now);

/*
 * A reseller tree: top ─┬─ sub ── subsub
 *                       └─ sibling          and a rival at the top of its own tree.
 * Each holds one customer with one pending invoice.
 */
type Node = { id: string; actor: Actor; customerId: string; invoiceId: string };
const tree = {} as Record<'top' | 'sub' | 'subsub' | 'sibling' | 'rival', Node>;

async function node(options: { parentId?: string; seeParentCustomers?: boolean; permissions?: string[] } = {}): Promise<Node> {
  const reseller = await givenUser(db(), 'reseller', options);
  const customer = await givenCustomer(db(), { reseller_id: reseller.id });
  const invoice = await givenInvoice(db(), { customerId: customer.id, total: 5000n });
  return { ...reseller, customerId: customer.id, invoiceId: invoice.id };
}

beforeAll(async () => {
  tree.top = await node();
  tree.sub = await node({ parentId: tree.top.id });
  tree.subsub = await node({ parentId: tree.sub.id });
  tree.sibling = await node({ parentId: tree.top.id });
  tree.rival = await node();
});

const customersSeenBy = async (actor: Actor) => {
  const { items } = await listCustomers(ctx(actor), { limit: 100 });
  return new Set(items.map((c) => c.id));
};
const customersOf = (...names: (keyof typeof tree)[]) => new Set(names.map((name) => tree[name].customerId));

describe("a reseller's book", () => {
  it('holds its own customers and its sub-resellers’ at any depth, never its parent’s, a sibling’s or a rival’s', async () => {
    expect(await customersSeenBy(tree.top.actor)).toEqual(customersOf('top', 'sub', 'subsub', 'sibling'));
    expect(await customersSeenBy(tree.sub.actor)).toEqual(customersOf('sub', 'subsub'));
    expect(await customersSeenBy(tree.subsub.actor)).toEqual(customersOf('subsub'));
    expect(await customersSeenBy(tree.rival.actor)).toEqual(customersOf('rival'));

    const invoices = await listInvoices(ctx(tree.sub.actor), { limit: 100, dateField: 'issue', format: 'json' });
    expect(new Set(invoices.items.map((i) => i.id))).toEqual(new Set([tree.sub.invoiceId, tree.subsub.invoiceId]));
    await expect(getInvoice(ctx(tree.sub.actor), { id: tree.top.invoiceId })).rejects.toMatchObject({ code: 'not_found' });
    // A parent works its sub-resellers' customers, as it would its own.
    const paid = await markInvoicePaid(ctx(tree.top.actor), { id: tree.subsub.invoiceId });
    expect(paid.invoice.status).toBe('paid');
  });

  it('with see_parent_customers also holds the parent’s own customers, not the parent’s other sub-resellers’', async () => {
    const seeing = await node({ parentId: tree.top.id, seeParentCustomers: true });
    expect(await customersSeenBy(seeing.actor)).toEqual(new Set([seeing.customerId, tree.top.customerId]));
    expect((await getInvoice(ctx(seeing.actor), { id: tree.top.invoiceId })).id).toBe(tree.top.invoiceId);
    await expect(getInvoice(ctx(seeing.actor), { id: tree.sibling.invoiceId })).rejects.toMatchObject({ code: 'not_found' });
    // The parent sees the child's customers as before; nothing widens upwards.
    expect(await customersSeenBy(tree.top.actor)).toContain(seeing.customerId);
  });

  it('with transactions.view_all reads every invoice and ledger row, and still changes only its own book', async () => {
    const reader = await node({ permissions: [...defaultResellerFlags, 'transactions.view_all'] });
    const rivalInvoice = await getInvoice(ctx(reader.actor), { id: tree.rival.invoiceId });
    expect(rivalInvoice.id).toBe(tree.rival.invoiceId);
    const listed = await listInvoices(ctx(reader.actor), { limit: 100, dateField: 'issue', format: 'json', customer: tree.rival.customerId });
    expect(listed.items.map((i) => i.id)).toEqual([tree.rival.invoiceId]);
    await expect(markInvoicePaid(ctx(reader.actor), { id: tree.rival.invoiceId })).rejects.toMatchObject({ code: 'not_found' });
    expect(await customersSeenBy(reader.actor)).toEqual(new Set([reader.customerId]));

    const key = await givenApiKey(db(), 'reseller', reader.id);
    const response = await getInvoiceRoute(apiRequest(`/api/v1/invoices/${tree.rival.invoiceId}`, { key }), params({ id: tree.rival.invoiceId }));
    expect(response.status).toBe(200);
    // The payment the first test recorded in another tree is in the ledger this reader may read.
    const ledger = await (await listTransactions(apiRequest(`/api/v1/transactions?customer_id=${tree.subsub.customerId}`, { key }), params())).json();
    expect(ledger.data.map((row: { type: string; amount: number }) => [row.type, row.amount])).toEqual([['income', 5000]]);

    const withoutFlag = await givenApiKey(db(), 'reseller', (await givenUser(db(), 'reseller')).id);
    const hidden = await (
      await listTransactions(apiRequest(`/api/v1/transactions?customer_id=${tree.subsub.customerId}`, { key: withoutFlag }), params())
    ).json();
    expect(hidden.data).toEqual([]);
  });

  it('takes a new customer into the reseller’s own book or a sub-reseller’s it names; naming any other reseller is a 404', async () => {
    const key = await givenApiKey(db(), 'reseller', tree.top.id);
    const create = (body: Record<string, unknown>) =>
      createCustomerRoute(
        apiRequest('/api/v1/customers', { method: 'POST', key, body: { name: 'New', email: `new-${Math.random()}@example.test`, ...body } }),
        params(),
      );

    const own = await create({});
    expect(own.status).toBe(201);
    expect((await own.json()).reseller_id).toBe(tree.top.id);
    const forSub = await create({ reseller_id: tree.subsub.id });
    expect(forSub.status).toBe(201);
    expect((await forSub.json()).reseller_id).toBe(tree.subsub.id);
    for (const other of [tree.rival.id, randomUUID()]) expect((await create({ reseller_id: other })).status).toBe(404);
    const subKey = await givenApiKey(db(), 'reseller', tree.sub.id);
    const upwards = await createCustomerRoute(
      apiRequest('/api/v1/customers', { method: 'POST', key: subKey, body: { name: 'Up', email: 'up@example.test', reseller_id: tree.top.id } }),
      params(),
    );
    expect(upwards.status).toBe(404);
  });

  it('bills a reseller’s new customers in the reseller’s currency unless one is given', async () => {
    const { id } = await givenUser(db(), 'reseller');
    await db().update(resellers).set({ currency: 'EUR' }).where(eq(resellers.userId, id));
    const actor = userActor({ id, email: 'eur@example.test', role: 'reseller', permissions: [...defaultResellerFlags], customerId: null });
    expect((await givenCustomer(db(), {}, { actor })).currency).toBe('EUR');
    expect((await givenCustomer(db(), { currency: 'USD' }, { actor })).currency).toBe('USD');
  });
});
