import type { Database } from '@/db';
import { deskPaymentMethods } from '../schemas/invoice-desk';
import type { PaymentMethod } from '../schemas/invoices';
import { paymentSettings, type CheckoutMethod, type PaymentSettings } from '../schemas/payments';
import { readSettingsBlock } from '../services/settings/read';
import { unseal } from './secret-box';

export type StripeConfig = { secretKey: string; webhookSecret: string; apiUrl: string | undefined };
export type PayPalConfig = { clientId: string; clientSecret: string; webhookId: string; apiUrl: string; sdkUrl: string };

export type PaymentConfig = {
  stripe: StripeConfig | null;
  paypal: PayPalConfig | null;
  bankTransfer: { instructions: string } | null;
  credit: boolean;
  termsUrl: string;
  /** Why an enabled gateway is not offered, for the admin's notice. */
  notices: string[];
};

const paypalHosts = { sandbox: 'https://api-m.sandbox.paypal.com', live: 'https://api-m.paypal.com' };

// Read at call time rather than through the cached env(): gateway settings may change while
// the server runs, and tests point them at fakes listening on ports chosen at run time.
const fromEnv = (name: string) => process.env[name] || '';

/** Settings → Payments over the environment's defaults: what each gateway will use. */
export function resolvePaymentConfig(settings: PaymentSettings): PaymentConfig {
  const notices: string[] = [];
  let stripe: StripeConfig | null = null;
  if (settings.stripe.enabled) {
    const secretKey = unseal(settings.stripe.secret_key) || fromEnv('STRIPE_SECRET_KEY');
    const webhookSecret = unseal(settings.stripe.webhook_secret) || fromEnv('STRIPE_WEBHOOK_SECRET');
    if (secretKey && webhookSecret) stripe = { secretKey, webhookSecret, apiUrl: fromEnv('STRIPE_API_URL') || undefined };
    else notices.push('Stripe is enabled but has no secret key or webhook signing secret, so card payments are hidden.');
  }
  let paypal: PayPalConfig | null = null;
  if (settings.paypal.enabled) {
    const clientId = settings.paypal.client_id || fromEnv('PAYPAL_CLIENT_ID');
    const clientSecret = unseal(settings.paypal.client_secret) || fromEnv('PAYPAL_CLIENT_SECRET');
    const webhookId = settings.paypal.webhook_id || fromEnv('PAYPAL_WEBHOOK_ID');
    if (clientId && clientSecret && webhookId) {
      paypal = {
        clientId,
        clientSecret,
        webhookId,
        apiUrl: (fromEnv('PAYPAL_API_URL') || paypalHosts[settings.paypal.mode]).replace(/\/$/, ''),
        sdkUrl: fromEnv('PAYPAL_SDK_URL') || 'https://www.paypal.com/sdk/js',
      };
    } else notices.push('PayPal is enabled but has no client id, client secret or webhook id, so PayPal is hidden.');
  }
  return {
    stripe,
    paypal,
    bankTransfer: settings.bank_transfer.enabled ? { instructions: settings.bank_transfer.instructions } : null,
    credit: settings.credit_enabled,
    termsUrl: settings.terms_url,
    notices,
  };
}

export async function readPaymentConfig(db: Database): Promise<PaymentConfig> {
  return resolvePaymentConfig(await readSettingsBlock(db, 'payments', paymentSettings));
}

/** The methods a checkout may offer, in the order shown; credit still needs enough balance. */
export function offeredMethods(config: PaymentConfig): CheckoutMethod[] {
  const methods: CheckoutMethod[] = [];
  if (config.stripe) methods.push('stripe');
  if (config.paypal) methods.push('paypal');
  if (config.credit) methods.push('credit');
  if (config.bankTransfer) methods.push('bank_transfer');
  return methods;
}

/**
 * What an order may be set to be paid by (Change payment method): the gateways set up now, the
 * methods the desk records by hand, and the credit balance while it is on.
 */
export function orderPaymentChoices(config: PaymentConfig): PaymentMethod[] {
  const gateways: PaymentMethod[] = [...(config.stripe ? (['stripe'] as const) : []), ...(config.paypal ? (['paypal'] as const) : [])];
  return [...gateways, ...deskPaymentMethods, ...(config.credit ? (['credit'] as const) : [])];
}
