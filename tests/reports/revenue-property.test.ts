import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/server/auth/actor';
import { addDays } from '@/server/billing/periods';
import { reportPeriods } from '@/server/billing/reports';
import { createInvoice } from '@/server/services/invoices/create';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { revenueReport } from '@/server/services/reports/revenue';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer } from '../support/fixtures';

const { db } = withTestDatabase();
const seed = 1607;
const at = (instant: string) => ctxOf(db(), systemActor(), new Date(instant));
const report = (from: string, to: string, interval: 'day' | 'month') => revenueReport(at('2028-06-01T00:00:00Z'), { from, to, interval, currency: 'USD' });
const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

// One desk's year, drawn from a fixed seed: invoices issued on random days of 2027, each paid in
// up to three parts on later days (at random hours, some after the year ends), some refunded in
// part or in full later still.
const invoicePlan = fc.record({
  issueDay: fc.integer({ min: 0, max: 364 }),
  total: fc.integer({ min: 100, max: 50_000 }),
  payments: fc.array(
    fc.record({ afterDays: fc.integer({ min: 0, max: 60 }), share: fc.integer({ min: 1, max: 100 }), minute: fc.integer({ min: 0, max: 1439 }) }),
    {
      maxLength: 3,
    },
  ),
  refund: fc.option(fc.record({ afterDays: fc.integer({ min: 1, max: 30 }), share: fc.integer({ min: 1, max: 100 }) })),
});
const [plans] = fc.sample(fc.array(invoicePlan, { minLength: 30, maxLength: 30 }), { seed, numRuns: 1 });

const moneyIn2027 = { collected: 0n, refunded: 0n };

beforeAll(async () => {
  const customer = await givenCustomer(db(), { currency: 'USD' });
  const inYear = (instant: string) => instant >= '2027-01-01' && instant < '2028-01-01';
  for (const plan of plans!) {
    const issueDate = addDays('2027-01-01', plan.issueDay);
    const invoice = await createInvoice(at(`${issueDate}T08:00:00Z`), {
      customerId: customer.id,
      status: 'pending',
      issueDate,
      dueDate: issueDate,
      currency: 'USD',
      items: [{ description: 'Hosting', quantity: 1000n, unitPrice: BigInt(plan.total), taxRate: 0n }],
    });
    let balance = BigInt(plan.total);
    let day = issueDate;
    let lastPayment: { id: string; amount: bigint } | undefined;
    for (const p of plan.payments) {
      const amount = (balance * BigInt(p.share)) / 100n;
      if (amount <= 0n) continue;
      day = addDays(day, p.afterDays);
      const paidAt = new Date(`${day}T00:00:00Z`);
      paidAt.setUTCMinutes(p.minute);
      const { payment } = await recordPayment(at('2028-06-01T00:00:00Z'), { invoiceId: invoice.id, amount, method: 'cash', paidAt });
      balance -= amount;
      lastPayment = { id: payment.id, amount };
      if (inYear(paidAt.toISOString())) moneyIn2027.collected += amount;
    }
    if (plan.refund && lastPayment) {
      const amount = (lastPayment.amount * BigInt(plan.refund.share)) / 100n;
      if (amount <= 0n) continue;
      const when = `${addDays(day, plan.refund.afterDays)}T12:00:00Z`;
      await refundPayment(at(when), { invoiceId: invoice.id, paymentId: lastPayment.id, amount, toCredit: false });
      if (inYear(when)) moneyIn2027.refunded += amount;
    }
  }
}, 120_000);

describe('revenue adds up whatever the periods', () => {
  it('Σ of monthly net over 2027 = the net of the whole year (payments less refunds made in it)', async () => {
    const months = await report('2027-01-01', '2027-12-31', 'month');
    expect(months.rows).toHaveLength(12);
    expect(moneyIn2027.collected).toBeGreaterThan(0n);
    expect(moneyIn2027.refunded).toBeGreaterThan(0n);
    expect(sum(months.rows.map((r) => r.net))).toBe(moneyIn2027.collected - moneyIn2027.refunded);
    expect(sum(months.rows.map((r) => r.collected))).toBe(moneyIn2027.collected);
    expect(sum(months.rows.map((r) => r.refunded))).toBe(moneyIn2027.refunded);
  });

  it('for any range, Σ of monthly figures = Σ of daily figures = the figures of each month reported alone', async () => {
    const day = fc.integer({ min: 0, max: 364 + 60 }).map((n) => addDays('2027-01-01', n));
    await fc.assert(
      fc.asyncProperty(day, day, async (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const [months, days] = await Promise.all([report(from, to, 'month'), report(from, to, 'day')]);
        expect(months.rows.map((r) => r.period)).toEqual(reportPeriods(from, to, 'month').map((p) => p.period));
        expect(days.rows).toHaveLength(reportPeriods(from, to, 'day').length);
        for (const figure of ['invoiced', 'collected', 'refunded', 'net'] as const) {
          expect(sum(months.rows.map((r) => r[figure]))).toBe(sum(days.rows.map((r) => r[figure])));
        }
        // Each month's row is the month (clamped to the range) reported on its own.
        const parts = await Promise.all(reportPeriods(from, to, 'month').map((p) => report(p.from, p.to, 'month')));
        expect(parts.map((p) => p.rows[0])).toEqual(months.rows);
      }),
      { seed, numRuns: 25 },
    );
  });
});
