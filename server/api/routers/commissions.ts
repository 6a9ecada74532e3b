import { commissionPayoutFields, commissionsReportFields, inOrder, resellerPayoutInput } from '../../schemas/commissions';
import { camelized } from '../../schemas/common';
import { commissionsReport } from '../../services/resellers/commissions';
import { payCommission } from '../../services/resellers/pay-commission';
import { once, withIdempotencyKey } from '../idempotent';
import { authedProcedure, permissionProcedure, router } from '../trpc';

export const commissionsRouter = router({
  // The desk reads every reseller's rows with `reports.view`, a reseller its own; the service decides.
  report: authedProcedure.input(inOrder(commissionsReportFields.omit({ format: true }))).query(({ ctx, input }) => commissionsReport(ctx.service, input)),
  // Paying a reseller is reseller management, settings-level as on REST.
  markPaid: permissionProcedure('settings.manage')
    .input(camelized(inOrder(commissionPayoutFields.extend(resellerPayoutInput.shape).extend(withIdempotencyKey.shape))))
    .mutation(({ ctx, input }) => {
      const { id, ...payout } = input;
      return once(ctx, 'commissions.markPaid', input, (service) => payCommission(service, { ...payout, resellerId: id }));
    }),
});
