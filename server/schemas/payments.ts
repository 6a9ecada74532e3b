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
