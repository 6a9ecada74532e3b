import type { z } from 'zod';
import { commissionPayoutInput, commissionRowOutput, commissionsReportInput, commissionsReportOutput, resellerPayoutInput } from '../../schemas/commissions';
import { camelized } from '../../schemas/common';
import { transactionOutput } from '../../schemas/ledger';
import { percentOfMilli } from '../../schemas/resellers';
import { commissionsReport, type CommissionRow } from '../../services/resellers/commissions';
import { exportCommissions } from '../../services/resellers/export-commissions';
import { payCommission } from '../../services/resellers/pay-commission';
import { csvResponse } from '../csv';
import { defineRoute } from '../handler';
import { transactionJson } from './transactions';

export const commissionRowJson = (r: CommissionRow): z.input<typeof commissionRowOutput> => ({
  reseller_id: r.resellerId,
  reseller_name: r.resellerName,
  currency: r.currency,
  invoices_issued: r.invoicesIssued,
  total_billed: Number(r.totalBilled),
  total_collected: Number(r.totalCollected),
  commission_percent: percentOfMilli(r.commissionMilli),
  commission_earned: Number(r.commissionEarned),
  paid_out: Number(r.paidOut),
  outstanding: Number(r.outstanding),
});

// No permission in the spec: the desk needs `reports.view`, a reseller key reads its own rows,
// and the service decides which (a client is refused there).
export const commissionsReportRoute = defineRoute(
  {
    method: 'GET',
    path: '/reports/commissions',
    summary:
      'Commissions per reseller and currency for invoices issued from `from` to `to` (inclusive); a reseller key reads its own rows; `format=csv` answers CSV',
    tag: 'Reports',
    query: camelized(commissionsReportInput),
    response: commissionsReportOutput,
  },
  async ({ ctx, query }) => {
    const range = { from: query.from, to: query.to };
    if (query.format === 'csv') return csvResponse(await exportCommissions(ctx, range), `commissions-${query.from}-${query.to}.csv`);
    return { data: (await commissionsReport(ctx, range)).map(commissionRowJson) };
  },
);

export const payCommissionRoute = defineRoute(
  {
    method: 'POST',
    path: '/resellers/{id}/payouts',
    summary:
      'Pay a reseller commission for invoices issued from `from` to `to`: a `commission_payout` transaction of `amount`, by default all that is outstanding; more than outstanding, or nothing outstanding → 409',
    tag: 'Resellers',
    permission: 'settings.manage',
    params: resellerPayoutInput,
    body: camelized(commissionPayoutInput),
    response: transactionOutput,
    status: 201,
  },
  async ({ ctx, params, body }) => transactionJson(await payCommission(ctx, { ...body, resellerId: params.id })),
);
