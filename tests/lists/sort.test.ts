import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { listCustomersInput } from '@/server/schemas/customers';
import { listInvoicesInput } from '@/server/schemas/invoices';
import { listPaymentsInput } from '@/server/schemas/money-lists';
import { listCustomers } from '@/server/services/customers/list';
import { listInvoices } from '@/server/services/invoices/list';
import { listPayments, type PaymentEntry } from '@/server/services/payments/list';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice } from '../support/fixtures';

const { db } = withTestDatabase();
const now = new Date('2027-03-01T10:00:00Z');
const admin = () => ctxOf(db(), systemActor(), now);

let customerId = '';
// Five invoices of one customer, two of them tied on total: a page boundary falls between the tie.
const totals = [5000n, 1200n, 3000n, 1200n, 800n];

beforeAll(async () => {
  const customer = await givenCustomer(db(), { name: 'Sorting Sam' });
  customerId = customer.id;
  for (const [i, total] of totals.entries()) await givenInvoice(db(), { customerId, total, issueDate: `2027-02-0${i + 1}` });
  for (const name of ['Zed Sorting', 'Anna Sorting', 'mia sorting']) await givenCustomer(db(), { name });
});

/** Every page of the customer's invoices in the given order, two at a time. */
async function everyPage(sort: string | undefined) {
  const seen: Array<{ total: bigint; issueDate: string; id: string }> = [];
  let cursor: string | undefined;
  do {
    const page = await listInvoices(admin(), camelized(listInvoicesInput).parse({ customer: customerId, sort, cursor, limit: 2 }));
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe('sorted lists', () => {
  it('pages through a sort by total, ties by id, every invoice once, both ways', async () => {
    const up = await everyPage('total');
    expect(up.map((i) => i.total)).toEqual([...totals].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(up.map((i) => i.id)).size).toBe(totals.length);
    const down = await everyPage('-total');
    expect(down.map((i) => i.id)).toEqual(up.map((i) => i.id).reverse());
  });

  it('sorts by issue date and keeps the newest-first default', async () => {
    expect((await everyPage('issued')).map((i) => i.issueDate)).toEqual(['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04', '2027-02-05']);
    expect((await everyPage(undefined)).map((i) => i.issueDate)).toEqual(['2027-02-05', '2027-02-04', '2027-02-03', '2027-02-02', '2027-02-01']);
  });

  it('refuses a cursor made for another sort, and a sort the list does not have', async () => {
    const first = await listInvoices(admin(), camelized(listInvoicesInput).parse({ customer: customerId, sort: 'total', limit: 2 }));
    await expect(
      listInvoices(admin(), camelized(listInvoicesInput).parse({ customer: customerId, sort: '-total', cursor: first.nextCursor!, limit: 2 })),
    ).rejects.toMatchObject({ code: 'validation', fields: { cursor: expect.any(String) } });
    expect(listInvoicesInput.safeParse({ sort: 'balance' }).success).toBe(false);
  });

  it('sorts customers by name across pages', async () => {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCustomers(admin(), listCustomersInput.parse({ q: 'sorting', sort: 'name', cursor, limit: 2 }));
      names.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toHaveLength(4);
    expect(names.map((n) => n.toLowerCase())).toEqual(names.map((n) => n.toLowerCase()).sort((a, b) => a.localeCompare(b)));
  });
});

describe('the Payments list sorted', () => {
  it('merges payments and refunds by amount across pages, both ways, and by date', async () => {
    const customer = await givenCustomer(db(), { name: 'Paying Pat' });
    const amounts = [1200n, 300n, 1200n, 700n];
    for (const amount of amounts) {
      const invoice = await givenInvoice(db(), { customerId: customer.id, total: amount });
      await recordPayment(admin(), { invoiceId: invoice.id, amount, method: 'bank_transfer', reference: `pay ${amount}` });
    }
    const refunded = await givenInvoice(db(), { customerId: customer.id, total: 900n });
    await recordPayment(admin(), { invoiceId: refunded.id, amount: 900n, method: 'bank_transfer', reference: 'to refund' });
    await refundPayment(admin(), { invoiceId: refunded.id, amount: 500n, toCredit: false });

    const everyEntry = async (sort: string | undefined) => {
      const seen: PaymentEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPayments(admin(), camelized(listPaymentsInput).parse({ customer: customer.id, sort, cursor, limit: 2 }));
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    const up = await everyEntry('amount');
    expect(up.map((e) => [e.type, e.amount])).toEqual([
      ['payment', 300n],
      ['refund', 500n],
      ['payment', 700n],
      ['payment', 900n],
      ['payment', 1200n],
      ['payment', 1200n],
    ]);
    expect((await everyEntry('-amount')).map((e) => e.id)).toEqual(up.map((e) => e.id).reverse());
    const byDate = await everyEntry('date');
    expect(byDate.map((e) => e.date.getTime())).toEqual([...byDate.map((e) => e.date.getTime())].sort((a, b) => a - b));
    expect((await everyEntry(undefined)).map((e) => e.id)).toEqual(byDate.map((e) => e.id).reverse());
    const first = await listPayments(admin(), camelized(listPaymentsInput).parse({ customer: customer.id, sort: 'amount', limit: 2 }));
    await expect(
      listPayments(admin(), camelized(listPaymentsInput).parse({ customer: customer.id, sort: 'date', cursor: first.nextCursor!, limit: 2 })),
    ).rejects.toMatchObject({ code: 'validation', fields: { cursor: expect.any(String) } });
  });
});
