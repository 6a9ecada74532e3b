import { billingSettingsPatch } from '../../schemas/settings';
import { getBillingSettings, updateBillingSettings } from '../../services/update-settings';
import { adminProcedure, router } from '../trpc';

export const settingsRouter = router({
  billing: adminProcedure.query(({ ctx }) => getBillingSettings(ctx.service)),
  updateBilling: adminProcedure.input(billingSettingsPatch).mutation(({ ctx, input }) => updateBillingSettings(ctx.service, input)),
});
