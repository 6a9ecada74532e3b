import { asc, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { revenueRollup } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { applyCredit } from '@/server/services/credit/apply';
import { startTopUp } from '@/server/services/credit/top-up';
import { recordPayment } from '@/server/services/payments/record';
import { revenueReport } from '@/server/services/reports/revenue';
import { taxReport } from '@/server/services/reports/tax';
import { generateVoucherBatch } from '@/server/services/vouchers/generate-batch';
import { voucherBatchCodes } from '@/server/services/vouchers/read';
import { redeemVoucher } from '@/server/services/vouchers/redeem';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice } from '../support/fixtures';

// Decision (docs/prepaid-cards.md "Reports"): a top-up invoice is a deposit. Neither it nor its
// payment counts in the reports; the credit it bought counts when it pays an invoice, as a
// payment with method credit. So money that goes through the credit balance counts once.

const { db } = withTestDatabase();
const at = (instant: string) => ctxOf(db(), systemActor(), new Date(instant));

const revenueRows = () =>
  db()
    .select({
      day: revenueRollup.day,
      invoiced: sql<string>`sum(${revenueRollup.invoiced})::text`,
      collected: sql<string>`sum(${revenueRollup.collected})::text`,
    })
    .from(revenueRollup)
    .groupBy(revenueRollup.day)
    .having(sql`sum(${revenueRollup.invoiced}) <> 0 or sum(${revenueRollup.collected}) <> 0 or sum(${revenueRollup.refunded}) <> 0`)
    .orderBy(asc(revenueRollup.day));

describe('top-ups in the money reports', () => {
  it('count a card top-up and a prepaid card once: when their credit pays an invoice, never when bought', async () => {
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const top = await startTopUp(at('2027-03-01T10:00:00Z'), { customerId: customer.id, amount: 3_000n });
    await recordPayment(at('2027-03-01T10:05:00Z'), { invoiceId: top.id, amount: 3_000n, method: 'stripe' });
    const batch = await generateVoucherBatch(at('2027-03-01T09:00:00Z'), { value: 2_000n, currency: 'USD', expiresOn: '2027-12-31', count: 1 });
    const [card] = (await voucherBatchCodes(at('2027-03-01T09:00:00Z'), { id: batch.id, purpose: 'csv' })).cards;
    await redeemVoucher(at('2027-03-02T10:00:00Z'), { customerId: customer.id, code: card!.code });

    const renewal = await givenInvoice(db(), { customerId: customer.id, total: 5_000n, issueDate: '2027-03-10' });
    await applyCredit(at('2027-03-10T12:00:00Z'), { id: renewal.id });

    const month = await revenueReport(at('2027-04-01T00:00:00Z'), { from: '2027-03-01', to: '2027-03-31', interval: 'month', currency: 'USD' });
    expect(month.rows).toEqual([{ period: '2027-03', invoiced: 5_000n, collected: 5_000n, refunded: 0n, net: 5_000n }]);
    const tax = await taxReport(at('2027-04-01T00:00:00Z'), { from: '2027-03-01', to: '2027-03-31', currency: 'USD' });
    expect(tax.rows.reduce((sum, row) => sum + row.taxable, 0n)).toBe(5_000n);

    // What the triggers maintained is what a rebuild from the documents computes.
    const maintained = await revenueRows();
    expect(maintained).toEqual([{ day: '2027-03-10', invoiced: '5000', collected: '5000' }]);
    await db().execute(sql`select rebuild_report_rollups()`);
    expect(await revenueRows()).toEqual(maintained);
  });
});
