import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as agingRoute } from '@/app/api/v1/reports/aging/route';
import { customers } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { addDays } from '@/server/billing/periods';
import { cancelInvoice } from '@/server/services/invoices/cancel';
import { consolidateInvoices } from '@/server/services/invoices/consolidate';
import { createInvoice } from '@/server/services/invoices/create';
import { recordPayment } from '@/server/services/payments/record';
import { agingReport } from '@/server/services/reports/aging';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const now = new Date('2027-07-01T08:00:00Z');
const ctx = () => ctxOf(db(), systemActor(), now);
const ids = { x: '', y: '' };
let adminKey: string;

/*
 * As of 2027-06-30 (days past due = 2027-06-30 − due date), in USD:
 * Customer "Xenia" (open invoices, each issued 10 days before it is due, the one due 07-15 on 06-15):
 *   due 06-30 (0 days: due today)  100 → current      due 07-15 (not yet due) 200 → current
 *   due 06-29 (1)                  300 → 1–30         due 05-31 (30)          400 → 1–30
 *   due 06-10 (20), 1000 with 250 paid → 750 → 1–30
 *   due 05-30 (31)                 500 → 31–60        due 05-01 (60)          600 → 31–60
 *   due 04-30 (61)                 700 → 61–90        due 04-01 (90)          800 → 61–90
 *   due 03-31 (91)                 900 → over 90
 *   → current 300, 1–30 1450, 31–60 1100, 61–90 1500, over 90 900, total 5250.
 * Customer "Yusuf": two open invoices of 2000 and 3000 due 2027-01-01, consolidated on 2027-07-01
 *   into one parent (issued 07-01, after as_of: left out) — so as of 06-30 nothing of them counts, and as of
 *   07-01 the parent (5000, due on its earliest source's date, 01-01) is over 90; a paid one, a cancelled
 *   one and a draft never count;
 *   one of 4000 due 2027-02-01 (149 days) → over 90. Total 4000.
 * Customer "Zoe" owes 600 EUR: another currency.
 * Buckets: current 300, 1–30 1450, 31–60 1100, 61–90 1500, over 90 900 + 4000 = 4900; rows X (5250), Y (4000).
 */
beforeAll(async () => {
  const customer = async (name: string, currency: string) => {
    const c = await givenCustomer(db(), { currency });
    await db().update(customers).set({ name }).where(eq(customers.id, c.id));
    return c.id;
  };
  const invoice = (customerId: string, dueDate: string, total: bigint, options: { currency?: string; status?: 'draft' | 'pending' } = {}) =>
    createInvoice(ctx(), {
      customerId,
      status: options.status ?? 'pending',
      issueDate: dueDate > '2027-06-30' ? '2027-06-15' : addDays(dueDate, -10),
      dueDate,
      currency: options.currency ?? 'USD',
      items: [{ description: 'Hosting', quantity: 1000n, unitPrice: total, taxRate: 0n }],
    });
  ids.x = await customer('Xenia', 'USD');
  ids.y = await customer('Yusuf', 'USD');
  const z = await customer('Zoe', 'EUR');
  for (const [due, total] of [
    ['2027-06-30', 100n],
    ['2027-07-15', 200n],
    ['2027-06-29', 300n],
    ['2027-05-31', 400n],
    ['2027-05-30', 500n],
    ['2027-05-01', 600n],
    ['2027-04-30', 700n],
    ['2027-04-01', 800n],
    ['2027-03-31', 900n],
  ] as const) {
    await invoice(ids.x, due, total);
  }
  const partial = await invoice(ids.x, '2027-06-10', 1000n);
  await recordPayment(ctx(), { invoiceId: partial.id, amount: 250n, method: 'cash' });

  await invoice(ids.y, '2027-01-01', 2000n);
  await invoice(ids.y, '2027-01-01', 3000n);
  await consolidateInvoices(ctx(), { customerId: ids.y, currency: 'USD' });
  const paid = await invoice(ids.y, '2027-01-01', 700n);
  await recordPayment(ctx(), { invoiceId: paid.id, amount: 700n, method: 'cash' });
  const cancelled = await invoice(ids.y, '2027-01-01', 800n);
  await cancelInvoice(ctx(), { id: cancelled.id });
  await invoice(ids.y, '2027-01-01', 900n, { status: 'draft' });
  await invoice(ids.y, '2027-02-01', 4000n);
  await invoice(z, '2027-06-01', 600n, { currency: 'EUR' });
  adminKey = await givenApiKey(db(), 'admin');
});

describe('aging report', () => {
  it('puts open balances in buckets by days past due, boundaries included, customers by total owed', async () => {
    expect(await agingReport(ctx(), { asOf: '2027-06-30', currency: 'USD' })).toEqual({
      currency: 'USD',
      asOf: '2027-06-30',
      buckets: { current: 300n, days_1_30: 1450n, days_31_60: 1100n, days_61_90: 1500n, days_over_90: 4900n },
      total: 9250n,
      rows: [
        {
          customerId: ids.x,
          customerName: 'Xenia',
          buckets: { current: 300n, days_1_30: 1450n, days_31_60: 1100n, days_61_90: 1500n, days_over_90: 900n },
          total: 5250n,
        },
        {
          customerId: ids.y,
          customerName: 'Yusuf',
          buckets: { current: 0n, days_1_30: 0n, days_31_60: 0n, days_61_90: 0n, days_over_90: 4000n },
          total: 4000n,
        },
      ],
    });
  });

  it('ages at today by default; the consolidated parent counts once issued, its sources never', async () => {
    const report = await agingReport(ctx(), { currency: 'USD' });
    expect(report.asOf).toBe('2027-07-01');
    // A day later every Xenia invoice moves one day: 06-30 → 1 day, 05-31 → 31, 04-01 → 91; the parent of 5000 is over 90.
    expect(report.rows.find((r) => r.customerId === ids.y)).toMatchObject({ buckets: { current: 0n, days_over_90: 9000n }, total: 9000n });
    expect(report.rows.find((r) => r.customerId === ids.x)).toMatchObject({
      buckets: { current: 200n, days_1_30: 100n + 300n + 750n, days_31_60: 400n + 500n, days_61_90: 600n + 700n, days_over_90: 800n + 900n },
    });
  });

  it('asks for the currency when open balances are in two', async () => {
    await expect(agingReport(ctx(), { asOf: '2027-06-30' })).rejects.toMatchObject({ fields: { currency: 'is required: the figures are in EUR, USD' } });
    expect((await agingReport(ctx(), { asOf: '2027-06-30', currency: 'EUR' })).buckets.days_1_30).toBe(600n);
  });

  it('answers the contract’s fields over REST, and CSV rows', async () => {
    const response = await agingRoute(apiRequest('/api/v1/reports/aging?as_of=2027-06-30&currency=USD', { key: adminKey }), params());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      currency: 'USD',
      as_of: '2027-06-30',
      buckets: { current: 300, days_1_30: 1450, days_31_60: 1100, days_61_90: 1500, days_over_90: 4900 },
      data: [
        { customer_id: ids.x, customer_name: 'Xenia', current: 300, days_1_30: 1450, days_31_60: 1100, days_61_90: 1500, days_over_90: 900, total: 5250 },
        { customer_id: ids.y, customer_name: 'Yusuf', current: 0, days_1_30: 0, days_31_60: 0, days_61_90: 0, days_over_90: 4000, total: 4000 },
      ],
    });
    const csv = await agingRoute(apiRequest('/api/v1/reports/aging?as_of=2027-06-30&currency=USD&format=csv', { key: adminKey }), params());
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="aging-2027-06-30.csv"');
    expect(await csv.text()).toBe(
      [
        'as_of,customer_id,customer_name,currency,current,days_1_30,days_31_60,days_61_90,days_over_90,total',
        `2027-06-30,${ids.x},Xenia,USD,3.00,14.50,11.00,15.00,9.00,52.50`,
        `2027-06-30,${ids.y},Yusuf,USD,0.00,0.00,0.00,0.00,40.00,40.00`,
        '',
      ].join('\n'),
    );
  });
});
