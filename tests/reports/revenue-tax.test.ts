import { beforeAll, describe, expect, it } from 'vitest';
import { GET as revenueRoute } from '@/app/api/v1/reports/revenue/route';
import { GET as taxRoute } from '@/app/api/v1/reports/tax/route';
import { systemActor } from '@/server/auth/actor';
import { cancelInvoice } from '@/server/services/invoices/cancel';
import { consolidateInvoices } from '@/server/services/invoices/consolidate';
import { correctInvoice } from '@/server/services/invoices/correct';
import { createInvoice } from '@/server/services/invoices/create';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { revenueReport } from '@/server/services/reports/revenue';
import { taxReport } from '@/server/services/reports/tax';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const at = (instant: string) => ctxOf(db(), systemActor(), new Date(instant));
const line = (unitPrice: bigint, percent: bigint) => ({ description: 'Line', quantity: 1000n, unitPrice, taxRate: percent * 1000n });
let adminKey: string;

/*
 * USD, January–April 2027 (hand-computed below), plus one EUR invoice in February.
 * I1 Jan 10: 10000 @ 20 % (tax 2000) + 5000 @ 0 % = 17000; paid 7000 on Jan 20, 10000 on Feb 5.
 * I3 Jan 25: 5000, cancelled → counts nowhere.
 * I4 Feb 1: 4000 @ 0 %, paid Feb 2, refunded in full Mar 3 (status refunded: still invoiced).
 * I2 Feb 15: 8000 @ 10 % = 8800, unpaid; debit note DN Feb 20: 1000 @ 10 % = 1100.
 * CN Mar 15 on I1: 2000 @ 20 % = 2400, subtracted.
 * Customer B: I5 Mar 1 3000 and I6 Mar 2 2000 (0 %), unpaid, consolidated Mar 10 into P = 5000:
 *   the sources (cancelled, nothing paid on them) count 0, the parent 5000.
 * April: nothing.
 *
 * Revenue (USD):      invoiced              collected        refunded  net
 *   2027-01  17000                       7000             0         7000
 *   2027-02  4000 + 8800 + 1100 = 13900  10000 + 4000      0         14000
 *   2027-03  −2400 + 5000 = 2600         0                 4000      −4000
 *   2027-04  0                           0                 0         0
 * Tax (USD, Jan–Mar): 0 %: 5000 (I1) + 4000 (I4) + 3000 + 2000 (P) = 14000, tax 0;
 *   10 %: 8000 + 1000 = 9000, tax 800 + 100 = 900; 20 %: 10000 − 2000 = 8000, tax 2000 − 400 = 1600.
 */
beforeAll(async () => {
  const a = await givenCustomer(db(), { currency: 'USD' });
  const b = await givenCustomer(db(), { currency: 'USD' });
  const c = await givenCustomer(db(), { currency: 'EUR' });
  const invoice = (customerId: string, issueDate: string, items: ReturnType<typeof line>[], currency = 'USD') =>
    createInvoice(at(`${issueDate}T09:00:00Z`), { customerId, status: 'pending', issueDate, dueDate: issueDate, currency, items });

  const i1 = await invoice(a.id, '2027-01-10', [line(10_000n, 20n), line(5_000n, 0n)]);
  await recordPayment(at('2027-01-20T10:00:00Z'), { invoiceId: i1.id, amount: 7_000n, method: 'cash' });
  const i3 = await invoice(a.id, '2027-01-25', [line(5_000n, 0n)]);
  await cancelInvoice(at('2027-01-26T10:00:00Z'), { id: i3.id });
  const i4 = await invoice(a.id, '2027-02-01', [line(4_000n, 0n)]);
  await recordPayment(at('2027-02-02T10:00:00Z'), { invoiceId: i4.id, amount: 4_000n, method: 'bank_transfer' });
  // Late in the UTC day: the report's days are UTC days.
  await recordPayment(at('2027-02-05T23:59:00Z'), { invoiceId: i1.id, amount: 10_000n, method: 'cash' });
  const i2 = await invoice(a.id, '2027-02-15', [line(8_000n, 10n)]);
  await correctInvoice(at('2027-02-20T10:00:00Z'), { invoiceId: i2.id, kind: 'debit_note', items: [line(1_000n, 10n)], reason: 'Extra work' });
  await refundPayment(at('2027-03-03T10:00:00Z'), { invoiceId: i4.id, amount: 4_000n, toCredit: false });
  await correctInvoice(at('2027-03-15T10:00:00Z'), { invoiceId: i1.id, kind: 'credit_note', items: [line(2_000n, 20n)], reason: 'Goodwill' });
  await invoice(b.id, '2027-03-01', [line(3_000n, 0n)]);
  await invoice(b.id, '2027-03-02', [line(2_000n, 0n)]);
  await consolidateInvoices(at('2027-03-10T10:00:00Z'), { customerId: b.id, currency: 'USD' });

  const e1 = await invoice(c.id, '2027-02-01', [line(9_000n, 0n)], 'EUR');
  await recordPayment(at('2027-02-01T12:00:00Z'), { invoiceId: e1.id, amount: 9_000n, method: 'card' });
  adminKey = await givenApiKey(db(), 'admin');
});

const admin = () => at('2028-05-01T00:00:00Z');
const range = { from: '2027-01-01', to: '2027-04-30' };

describe('revenue report', () => {
  it('adds up invoiced, collected, refunded and net per month, zero-filled, in the currency asked for', async () => {
    const report = await revenueReport(admin(), { ...range, interval: 'month', currency: 'USD' });
    expect(report).toEqual({
      currency: 'USD',
      rows: [
        { period: '2027-01', invoiced: 17_000n, collected: 7_000n, refunded: 0n, net: 7_000n },
        { period: '2027-02', invoiced: 13_900n, collected: 14_000n, refunded: 0n, net: 14_000n },
        { period: '2027-03', invoiced: 2_600n, collected: 0n, refunded: 4_000n, net: -4_000n },
        { period: '2027-04', invoiced: 0n, collected: 0n, refunded: 0n, net: 0n },
      ],
    });
  });

  it('reports days on UTC calendar days, every day present', async () => {
    const report = await revenueReport(admin(), { from: '2027-02-04', to: '2027-02-06', interval: 'day', currency: 'USD' });
    expect(report.rows).toEqual([
      { period: '2027-02-04', invoiced: 0n, collected: 0n, refunded: 0n, net: 0n },
      { period: '2027-02-05', invoiced: 0n, collected: 10_000n, refunded: 0n, net: 10_000n },
      { period: '2027-02-06', invoiced: 0n, collected: 0n, refunded: 0n, net: 0n },
    ]);
  });

  it('counts only the part of a month inside the range', async () => {
    const report = await revenueReport(admin(), { from: '2027-01-15', to: '2027-02-10', interval: 'month', currency: 'USD' });
    // January from the 15th: only the 7000 of Jan 20 (I1 was issued on the 10th); February to the 10th: I4 and 14000.
    expect(report.rows).toEqual([
      { period: '2027-01', invoiced: 0n, collected: 7_000n, refunded: 0n, net: 7_000n },
      { period: '2027-02', invoiced: 4_000n, collected: 14_000n, refunded: 0n, net: 14_000n },
    ]);
  });

  it('asks for a currency when the range has two, and answers the other one exactly', async () => {
    await expect(revenueReport(admin(), { ...range, interval: 'month' })).rejects.toMatchObject({
      code: 'validation',
      fields: { currency: 'is required: the figures are in EUR, USD' },
    });
    const eur = await revenueReport(admin(), { ...range, interval: 'month', currency: 'EUR' });
    expect(eur.rows.map((r) => [r.period, r.invoiced, r.collected, r.net])).toEqual([
      ['2027-01', 0n, 0n, 0n],
      ['2027-02', 9_000n, 9_000n, 9_000n],
      ['2027-03', 0n, 0n, 0n],
      ['2027-04', 0n, 0n, 0n],
    ]);
    // January alone is in USD only: no currency needed.
    expect((await revenueReport(admin(), { from: '2027-01-01', to: '2027-01-31', interval: 'month' })).currency).toBe('USD');
  });

  it('answers zeros in the desk’s currency when nothing happened', async () => {
    expect(await revenueReport(admin(), { from: '2020-01-01', to: '2020-02-29', interval: 'month' })).toEqual({
      currency: 'USD',
      rows: [
        { period: '2020-01', invoiced: 0n, collected: 0n, refunded: 0n, net: 0n },
        { period: '2020-02', invoiced: 0n, collected: 0n, refunded: 0n, net: 0n },
      ],
    });
  });

  it('is refused to resellers and clients, and to staff without reports.view', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const staff = await givenUser(db(), 'staff', { permissions: ['invoices.view'] });
    for (const actor of [reseller.actor, staff.actor]) {
      await expect(revenueReport(ctxOf(db(), actor), { ...range, interval: 'month', currency: 'USD' })).rejects.toMatchObject({ code: 'forbidden' });
    }
    const viewer = await givenUser(db(), 'staff', { permissions: ['reports.view'] });
    await expect(revenueReport(ctxOf(db(), viewer.actor), { ...range, interval: 'month', currency: 'USD' })).resolves.toBeDefined();
  });
});

describe('a consolidation source that was partly paid', () => {
  /*
   * GBP, 2028 (apart from the rest): S1 1000 issued Jan 5, 300 paid Jan 6; S2 500 issued Jan 7;
   * consolidated Feb 1 into P = 1000 + 500 − 300 (its "already paid" line) = 1200.
   * Invoiced: January 300 (S1's paid part, which P does not bill again; S2 nothing), February 1200:
   * 1500 in all, what was billed. Tax: P's lines, the paid line at 0 % included → 0 %: 1200 in February.
   */
  it('counts the paid part on the source and the rest on the parent', async () => {
    const d = await givenCustomer(db(), { currency: 'GBP' });
    const gbp = (issueDate: string, total: bigint) =>
      createInvoice(at(`${issueDate}T09:00:00Z`), {
        customerId: d.id,
        status: 'pending',
        issueDate,
        dueDate: issueDate,
        currency: 'GBP',
        items: [line(total, 0n)],
      });
    const s1 = await gbp('2028-01-05', 1_000n);
    await recordPayment(at('2028-01-06T10:00:00Z'), { invoiceId: s1.id, amount: 300n, method: 'cash' });
    await gbp('2028-01-07', 500n);
    await consolidateInvoices(at('2028-02-01T10:00:00Z'), { customerId: d.id, currency: 'GBP' });
    const report = await revenueReport(admin(), { from: '2028-01-01', to: '2028-02-29', interval: 'month' });
    expect(report).toEqual({
      currency: 'GBP',
      rows: [
        { period: '2028-01', invoiced: 300n, collected: 300n, refunded: 0n, net: 300n },
        { period: '2028-02', invoiced: 1_200n, collected: 0n, refunded: 0n, net: 0n },
      ],
    });
    expect((await taxReport(admin(), { from: '2028-01-01', to: '2028-02-29' })).rows).toEqual([{ taxRate: '0', taxable: 1_200n, tax: 0n }]);
  });
});

describe('tax report', () => {
  it('sums taxable and tax per rate, credit notes subtracted, cancelled and consolidated sources left out', async () => {
    expect(await taxReport(admin(), { from: '2027-01-01', to: '2027-03-31', currency: 'USD' })).toEqual({
      currency: 'USD',
      rows: [
        { taxRate: '0', taxable: 14_000n, tax: 0n },
        { taxRate: '10', taxable: 9_000n, tax: 900n },
        { taxRate: '20', taxable: 8_000n, tax: 1_600n },
      ],
    });
  });

  it('counts a document on its issue date: March alone has the credit note and the consolidated parent', async () => {
    expect((await taxReport(admin(), { from: '2027-03-01', to: '2027-03-31' })).rows).toEqual([
      { taxRate: '0', taxable: 5_000n, tax: 0n },
      { taxRate: '20', taxable: -2_000n, tax: -400n },
    ]);
  });
});

describe('REST', () => {
  const get = (route: typeof revenueRoute, path: string, key: string | null = adminKey) => route(apiRequest(path, { key }), params());

  it('answers the contract’s fields', async () => {
    const response = await get(revenueRoute, '/api/v1/reports/revenue?from=2027-03-01&to=2027-04-30&interval=month&currency=USD');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      currency: 'USD',
      data: [
        { period: '2027-03', invoiced: 2600, collected: 0, refunded: 4000, net: -4000 },
        { period: '2027-04', invoiced: 0, collected: 0, refunded: 0, net: 0 },
      ],
    });
    const tax = await get(taxRoute, '/api/v1/reports/tax?from=2027-03-01&to=2027-03-31');
    expect(await tax.json()).toEqual({
      currency: 'USD',
      data: [
        { tax_rate: '0', taxable: 5000, tax: 0 },
        { tax_rate: '20', taxable: -2000, tax: -400 },
      ],
    });
  });

  it('400s on a missing currency, a bad range or interval, and 401/403 without the right key', async () => {
    const twoCurrencies = await get(revenueRoute, '/api/v1/reports/revenue?from=2027-01-01&to=2027-04-30');
    expect(twoCurrencies.status).toBe(400);
    expect(await twoCurrencies.json()).toMatchObject({ error: { code: 'validation_error', fields: { currency: 'is required: the figures are in EUR, USD' } } });
    const backwards = await get(revenueRoute, '/api/v1/reports/revenue?from=2027-02-01&to=2027-01-01&currency=USD');
    expect(await backwards.json()).toMatchObject({ error: { fields: { to: 'must not be before from' } } });
    const tooMany = await get(revenueRoute, '/api/v1/reports/revenue?from=2000-01-01&to=2027-01-01&interval=day&currency=USD');
    expect(tooMany.status).toBe(400);
    expect((await get(revenueRoute, '/api/v1/reports/revenue?from=2027-01-01&to=2027-01-31&interval=week')).status).toBe(400);
    expect((await get(revenueRoute, '/api/v1/reports/revenue?from=2027-01-01&to=2027-01-31', null)).status).toBe(401);
    const reseller = await givenUser(db(), 'reseller');
    expect((await get(revenueRoute, '/api/v1/reports/revenue?from=2027-01-01&to=2027-01-31', await givenApiKey(db(), 'reseller', reseller.id))).status).toBe(
      403,
    );
  });

  it('exports the data rows as CSV, amounts as exact decimals', async () => {
    const response = await get(revenueRoute, '/api/v1/reports/revenue?from=2027-02-01&to=2027-03-31&currency=USD&format=csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="revenue-2027-02-01-2027-03-31.csv"');
    expect(await response.text()).toBe(
      ['period,currency,invoiced,collected,refunded,net', '2027-02,USD,139.00,140.00,0.00,140.00', '2027-03,USD,26.00,0.00,40.00,-40.00', ''].join('\n'),
    );
    const tax = await get(taxRoute, '/api/v1/reports/tax?from=2027-03-01&to=2027-03-31&format=csv');
    expect(await tax.text()).toBe(['tax_rate,currency,taxable,tax', '0,USD,50.00,0.00', '20,USD,-20.00,-4.00', ''].join('\n'));
  });
});
