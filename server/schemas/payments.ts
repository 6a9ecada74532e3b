import { z } from 'zod';

const secret = z.string().trim().max(500).default('');

/**
 * Settings → Payments. Keys typed here override the environment's (STRIPE_*, PAYPAL_*); a
 * secret left empty keeps the environment's value. Secrets are stored encrypted and are never
 * sent back to the browser: the console only learns whether one is set.
 */
export const paymentSettings = z.object({
  stripe: z
    .object({
      enabled: z.boolean().default(true),
      secret_key: secret,
      webhook_secret: secret,
    })
    .default({ enabled: true, secret_key: '', webhook_secret: '' }),
  paypal: z
    .object({
      enabled: z.boolean().default(true),
      mode: z.enum(['sandbox', 'live']).default('sandbox'),
      client_id: z.string().trim().max(200).default(''),
      client_secret: secret,
      webhook_id: z.string().trim().max(200).default(''),
    })
    .default({ enabled: true, mode: 'sandbox', client_id: '', client_secret: '', webhook_id: '' }),
  bank_transfer: z
    .object({
      enabled: z.boolean().default(true),
      instructions: z.string().trim().max(2000).default('Pay by bank transfer quoting the invoice number.'),
    })
    .default({ enabled: true, instructions: 'Pay by bank transfer quoting the invoice number.' }),
  // Customers may pay from their credit balance when it covers the whole amount due.
  credit_enabled: z.boolean().default(true),
  // Shown at checkout ("I accept the terms of service"); empty hides the link, never the box.
  terms_url: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })]).default(''),
});
export type PaymentSettings = z.infer<typeof paymentSettings>;

/** The ways a customer can pay an invoice from the storefront, portal or public page. */
export const checkoutMethods = ['stripe', 'paypal', 'credit', 'bank_transfer'] as const;
export type CheckoutMethod = (typeof checkoutMethods)[number];

/** How a payer reached the invoice: signed in as its customer, or through its public link. */
export type PayAccess = { kind: 'session' } | { kind: 'token'; token: string };

const optionalPrefixed = (prefixes: string[], label: string) =>
  z
    .string()
    .trim()
    .max(500)
    .refine((v) => v === '' || prefixes.some((p) => v.startsWith(p)), `must be a ${label} (starting ${prefixes.join(' or ')})`);

/**
 * What the Settings → Payments form sends. A secret left empty keeps the saved one (the form
 * never receives secrets back to resend them).
 */
export const paymentSettingsInput = z.strictObject({
  stripe: z.strictObject({
    enabled: z.boolean(),
    secret_key: optionalPrefixed(['sk_', 'rk_'], 'Stripe secret key'),
    webhook_secret: optionalPrefixed(['whsec_'], 'webhook signing secret'),
  }),
  paypal: z.strictObject({
    enabled: z.boolean(),
    mode: z.enum(['sandbox', 'live']),
    client_id: z.string().trim().max(200),
    client_secret: z.string().trim().max(500),
    webhook_id: z.string().trim().max(200),
  }),
  bank_transfer: z.strictObject({ enabled: z.boolean(), instructions: z.string().trim().max(2000) }),
  credit_enabled: z.boolean(),
  terms_url: paymentSettings.shape.terms_url,
});
export type PaymentSettingsInput = z.infer<typeof paymentSettingsInput>;

const secretSource = z.enum(['settings', 'environment', 'missing']).describe('where the secret comes from; never the secret itself');
/** Settings → Payments as the console and the API read it: whether each secret is set and where from. */
export const paymentSettingsView = z.object({
  stripe: z.object({ enabled: z.boolean(), secret_key: secretSource, webhook_secret: secretSource }),
  paypal: z.object({
    enabled: z.boolean(),
    mode: z.enum(['sandbox', 'live']),
    client_id: z.string(),
    client_secret: secretSource,
    webhook_id: z.string(),
    env_client_id: z.boolean(),
    env_webhook_id: z.boolean(),
  }),
  bank_transfer: z.object({ enabled: z.boolean(), instructions: z.string() }),
  credit_enabled: z.boolean(),
  terms_url: z.string(),
  /** Why an enabled method is hidden from customers, for the admin's notice. */
  notices: z.array(z.string()),
});
