import { z } from 'zod';
import { anonymousActor } from '../../auth/actor';
import { id } from '../../schemas/common';
import { companySettingsInput } from '../../schemas/company';
import { paymentSettingsInput } from '../../schemas/payments';
import { createApiKeyInput } from '../../schemas/people';
import { billingSettingsPatch } from '../../schemas/settings';
import { createConsoleApiKey, listApiKeys, revokeApiKey } from '../../services/people/manage-api-keys';
import { getBillingSettings, nextInvoiceSequence, updateBillingSettings } from '../../services/settings/billing';
import { getCompany, updateCompany } from '../../services/settings/company';
import { localePreferences } from '../../services/settings/locale';
import { getPaymentSettings, updatePaymentSettings } from '../../services/settings/payments';
import { readBillingSettings } from '../../services/settings/read';
import { adminProcedure, publicProcedure, router } from '../trpc';

export const settingsRouter = router({
  /**
   * How pages show and compute amounts, and the locale the console writes money and dates in:
   * the same for everyone, visitors included, since the store prints its prices with them
   * (nothing here is not on a public page already).
   */
  display: publicProcedure.query(async ({ ctx }) => {
    const settings = await readBillingSettings(ctx.db);
    return {
      decimals: settings.display_decimals ?? null,
      locale: settings.default_locale,
      taxLabel: settings.tax_label.trim() || 'Tax',
      taxMode: settings.tax_mode,
      taxRate: settings.tax_rate,
      paymentDueDays: settings.payment_due_days,
    };
  }),
  /** Whose language a page is in: the signed-in customer's choice and the desk's default (visitors too). */
  locale: publicProcedure.query(({ ctx }) => localePreferences({ db: ctx.db, actor: ctx.actor ?? anonymousActor(), now: new Date() })),
  billing: adminProcedure.query(({ ctx }) => getBillingSettings(ctx.service)),
  nextInvoiceSequence: adminProcedure.query(({ ctx }) => nextInvoiceSequence(ctx.service)),
  updateBilling: adminProcedure.input(billingSettingsPatch).mutation(({ ctx, input }) => updateBillingSettings(ctx.service, input)),
  company: adminProcedure.query(({ ctx }) => getCompany(ctx.service)),
  updateCompany: adminProcedure.input(companySettingsInput).mutation(({ ctx, input }) => updateCompany(ctx.service, input)),
  payments: adminProcedure.query(({ ctx }) => getPaymentSettings(ctx.service)),
  updatePayments: adminProcedure.input(paymentSettingsInput).mutation(({ ctx, input }) => updatePaymentSettings(ctx.service, input)),
  apiKeys: adminProcedure.query(({ ctx }) => listApiKeys(ctx.service)),
  createApiKey: adminProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createConsoleApiKey(ctx.service, input)),
  revokeApiKey: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => revokeApiKey(ctx.service, input)),
});
