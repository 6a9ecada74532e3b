import { beforeAll, describe, expect, it } from 'vitest';
import { POST as consolidateRoute } from '@/app/api/v1/customers/[id]/consolidate/route';
import { POST as markPaidRoute } from '@/app/api/v1/invoices/[id]/mark-paid/route';
import { POST as paymentsRoute } from '@/app/api/v1/invoices/[id]/payments/route';
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/invoices/[id]/route';
import { POST as sendRoute } from '@/app/api/v1/invoices/[id]/send/route';
import { POST as createRoute, GET as listRoute } from '@/app/api/v1/invoices/route';
import { resellerFlags, type ResellerFlag } from '@/server/auth/permissions';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();

/** A reseller holding exactly `flags`, with a customer and fresh invoices in its book. */
async function resellerWith(flags: readonly ResellerFlag[]) {
  const reseller = await givenUser(db(), 'reseller', { permissions: [...flags] });
  const customer = await givenCustomer(db(), { reseller_id: reseller.id, email: `flags-${reseller.id}@example.test` });
  return {
    key: await givenApiKey(db(), 'reseller', reseller.id),
    customerId: customer.id,
    pending: async () => (await givenInvoice(db(), { customerId: customer.id })).id,
    draft: async () => (await givenInvoice(db(), { customerId: customer.id, status: 'draft' })).id,
  };
}
type Book = Awaited<ReturnType<typeof resellerWith>>;

/** Each action a flag gates, as a reseller key calls it over REST; answers its HTTP status. */
const actions: { action: string; needs: ResellerFlag[]; call: (book: Book) => Promise<number> }[] = [
  { action: 'list invoices', needs: ['invoices.view'], call: async (b) => (await listRoute(apiRequest('/api/v1/invoices', { key: b.key }), params())).status },
  {
    action: 'get an invoice',
    needs: ['invoices.view'],
    call: async (b) => {
      const id = await b.pending();
      return (await getRoute(apiRequest(`/api/v1/invoices/${id}`, { key: b.key }), params({ id }))).status;
    },
  },
  {
    action: 'create an invoice',
    needs: ['invoices.create'],
    call: async (b) => {
      const body = { customer_id: b.customerId, items: [{ description: 'Flagged', quantity: 1, unit_price: 100, tax_rate: 0 }] };
      return (await createRoute(apiRequest('/api/v1/invoices', { method: 'POST', key: b.key, body }), params())).status;
    },
  },
  {
    action: 'consolidate invoices',
    needs: ['invoices.create'],
    call: async (b) => {
      await Promise.all([b.pending(), b.pending()]);
      return (
        await consolidateRoute(
          apiRequest(`/api/v1/customers/${b.customerId}/consolidate`, { method: 'POST', key: b.key, body: {} }),
          params({ id: b.customerId }),
        )
      ).status;
    },
  },
  {
    action: 'edit an invoice',
    needs: ['invoices.edit'],
    call: async (b) => {
      const id = await b.draft();
      return (await patchRoute(apiRequest(`/api/v1/invoices/${id}`, { method: 'PATCH', key: b.key, body: { notes: 'edited' } }), params({ id }))).status;
    },
  },
  {
    action: 'record a payment',
    needs: ['invoices.edit'],
    call: async (b) => {
      const id = await b.pending();
      const body = { amount: 100, method: 'cash' };
      return (await paymentsRoute(apiRequest(`/api/v1/invoices/${id}/payments`, { method: 'POST', key: b.key, body }), params({ id }))).status;
    },
  },
  {
    action: 'mark paid',
    needs: ['invoices.edit'],
    call: async (b) => {
      const id = await b.pending();
      return (await markPaidRoute(apiRequest(`/api/v1/invoices/${id}/mark-paid`, { method: 'POST', key: b.key, body: {} }), params({ id }))).status;
    },
  },
  {
    action: 'send',
    // Sending reads the whole document out to the customer, so it needs view as well as edit.
    needs: ['invoices.edit', 'invoices.view'],
    call: async (b) => {
      const id = await b.pending();
      // No SMS provider is configured here: past authorization the send is refused on its state, not its permission.
      return (await sendRoute(apiRequest(`/api/v1/invoices/${id}/send`, { method: 'POST', key: b.key, body: { channel: 'sms' } }), params({ id }))).status;
    },
  },
  {
    action: 'delete',
    needs: ['invoices.delete'],
    call: async (b) => {
      const id = await b.draft();
      return (await deleteRoute(apiRequest(`/api/v1/invoices/${id}`, { method: 'DELETE', key: b.key }), params({ id }))).status;
    },
  },
];

const invoiceFlags = resellerFlags.filter((flag) => flag !== 'transactions.view_all');
const books = new Map<string, Book>();

beforeAll(async () => {
  for (const flag of invoiceFlags) {
    books.set(`only ${flag}`, await resellerWith([flag]));
    books.set(`all but ${flag}`, await resellerWith(invoiceFlags.filter((f) => f !== flag)));
  }
});

describe('a reseller key’s permission flags', () => {
  it.each(invoiceFlags.flatMap((flag) => actions.map((a) => [flag, a.action] as const)))(
    '%s × %s: 403 exactly when a flag it needs is missing',
    async (flag, action) => {
      const { needs, call } = actions.find((a) => a.action === action)!;
      const onlyThisFlag = await call(books.get(`only ${flag}`)!);
      const everyOtherFlag = await call(books.get(`all but ${flag}`)!);
      if (needs.includes(flag)) expect(everyOtherFlag, `${action} without ${flag}`).toBe(403);
      else expect(everyOtherFlag, `${action} with every flag but ${flag}`).not.toBe(403);
      if (needs.every((n) => n === flag)) expect(onlyThisFlag, `${action} with only ${flag}`).not.toBe(403);
      else expect(onlyThisFlag, `${action} with only ${flag}`).toBe(403);
      expect(Math.max(onlyThisFlag, everyOtherFlag)).toBeLessThan(500);
    },
  );
});
