import type { z } from 'zod';
import { requirePermission } from '@/server/auth/actor';
import { resolvePaymentConfig } from '@/server/payments/config';
import { seal } from '@/server/payments/secret-box';
import { paymentSettings, paymentSettingsView, type PaymentSettings, type PaymentSettingsInput } from '@/server/schemas/payments';
import type { ServiceContext } from '@/server/services/context';
import { writeSettingsBlock } from './billing';
import { readBillingSettings, readSettingsBlock } from './read';

/** Where a secret comes from, never the secret itself. */
type SecretSource = PaymentSettingsView['stripe']['secret_key'];

export type PaymentSettingsView = z.infer<typeof paymentSettingsView>;

const source = (saved: string, envName: string): SecretSource => (saved ? 'settings' : process.env[envName] ? 'environment' : 'missing');

// The audit log records that a secret changed, never its value (not even sealed).
const masked = (settings: PaymentSettings) => ({
  ...settings,
  stripe: { ...settings.stripe, secret_key: settings.stripe.secret_key ? '••••' : '', webhook_secret: settings.stripe.webhook_secret ? '••••' : '' },
  paypal: { ...settings.paypal, client_secret: settings.paypal.client_secret ? '••••' : '' },
});

export async function getPaymentSettings(ctx: ServiceContext): Promise<PaymentSettingsView> {
  requirePermission(ctx.actor, 'settings.manage');
  const [saved, billing] = await Promise.all([readSettingsBlock(ctx.db, 'payments', paymentSettings), readBillingSettings(ctx.db)]);
  // The bank details live with the invoice settings (they are printed); the method that needs them here.
  const noBankDetails = saved.bank_transfer.enabled && !billing.bank_details.trim();
  return {
    stripe: {
      enabled: saved.stripe.enabled,
      secret_key: source(saved.stripe.secret_key, 'STRIPE_SECRET_KEY'),
      webhook_secret: source(saved.stripe.webhook_secret, 'STRIPE_WEBHOOK_SECRET'),
    },
    paypal: {
      enabled: saved.paypal.enabled,
      mode: saved.paypal.mode,
      client_id: saved.paypal.client_id,
      client_secret: source(saved.paypal.client_secret, 'PAYPAL_CLIENT_SECRET'),
      webhook_id: saved.paypal.webhook_id,
      env_client_id: Boolean(process.env.PAYPAL_CLIENT_ID),
      env_webhook_id: Boolean(process.env.PAYPAL_WEBHOOK_ID),
    },
    bank_transfer: saved.bank_transfer,
    credit_enabled: saved.credit_enabled,
    terms_url: saved.terms_url,
    notices: [
      ...resolvePaymentConfig(saved).notices,
      ...(noBankDetails
        ? [
            'Bank transfer is on but there are no bank details, so customers who choose it are not told where to send the money: add them under Billing → Bank details.',
          ]
        : []),
    ],
  };
}

/** Saves Settings → Payments; secrets are sealed at rest, and an empty one keeps what was saved. */
export async function updatePaymentSettings(ctx: ServiceContext, input: PaymentSettingsInput): Promise<PaymentSettingsView> {
  requirePermission(ctx.actor, 'settings.manage');
  const before = await readSettingsBlock(ctx.db, 'payments', paymentSettings);
  const keep = (typed: string, saved: string) => (typed ? seal(typed) : saved);
  const after: PaymentSettings = {
    stripe: {
      enabled: input.stripe.enabled,
      secret_key: keep(input.stripe.secret_key, before.stripe.secret_key),
      webhook_secret: keep(input.stripe.webhook_secret, before.stripe.webhook_secret),
    },
    paypal: { ...input.paypal, client_secret: keep(input.paypal.client_secret, before.paypal.client_secret) },
    bank_transfer: input.bank_transfer,
    credit_enabled: input.credit_enabled,
    terms_url: input.terms_url,
  };
  await writeSettingsBlock(ctx, 'payments', before, after, masked);
  return getPaymentSettings(ctx);
}
