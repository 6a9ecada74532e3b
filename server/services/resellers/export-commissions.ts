import { formatMinor } from '@/server/billing/currency';
import { percentOfMilli } from '@/server/schemas/resellers';
import type { ServiceContext } from '@/server/services/context';
import { safeCell } from '@/server/services/spreadsheet';
import { commissionsReport, type CommissionRange } from './commissions';

/** The commissions report as CSV rows (header first, the API's field names), amounts as exact decimals. */
export async function exportCommissions(ctx: ServiceContext, input: CommissionRange): Promise<string[][]> {
  const rows = [
    [
      'reseller_id',
      'reseller_name',
      'currency',
      'invoices_issued',
      'total_billed',
      'total_collected',
      'commission_percent',
      'commission_earned',
      'paid_out',
      'outstanding',
    ],
  ];
  for (const r of await commissionsReport(ctx, input)) {
    const money = (amount: bigint) => formatMinor(amount, r.currency);
    rows.push([
      r.resellerId,
      safeCell(r.resellerName),
      r.currency,
      String(r.invoicesIssued),
      money(r.totalBilled),
      money(r.totalCollected),
      percentOfMilli(r.commissionMilli),
      money(r.commissionEarned),
      money(r.paidOut),
      money(r.outstanding),
    ]);
  }
  return rows;
}
