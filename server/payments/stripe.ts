import Stripe from 'stripe';
import { stripeAccepts } from '../billing/stripe-amounts';
import { AppError } from '../errors';
import type { StripeConfig } from './config';
import type { PaymentGateway } from './gateway';

const clients = new Map<string, Stripe>();

/** The official SDK, pointed at STRIPE_API_URL when set (a local fake or a proxy). */
export function stripeClient(config: StripeConfig): Stripe {
  const cacheKey = `${config.secretKey}@${config.apiUrl ?? ''}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const options: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: 'Cashdesk' } };
    if (config.apiUrl) {
      const url = new URL(config.apiUrl);
      options.host = url.hostname;
      options.protocol = url.protocol === 'http:' ? 'http' : 'https';
      options.port = url.port || (url.protocol === 'http:' ? 80 : 443);
    }
    client = new Stripe(config.secretKey, options);
    clients.set(cacheKey, client);
  }
  return client;
}

// Stripe's own tolerance default, said out loud: a signed delivery older than this is a replay.
export const STRIPE_TOLERANCE_SECONDS = 300;

/** The event, if `signature` proves Stripe sent exactly `rawBody` within the tolerance; else null. */
export function verifyStripeEvent(config: StripeConfig, rawBody: string, signature: string | null, now: Date): Stripe.Event | null {
  if (!signature) return null;
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, config.webhookSecret, STRIPE_TOLERANCE_SECONDS, undefined, now.getTime());
  } catch {
    return null;
  }
}

/** Gateway failures reach the customer as "payment failed", with Stripe's words for the log. */
export async function stripeCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const message = error instanceof Stripe.errors.StripeError ? error.message : String(error);
    throw new AppError('payment_failed', `Stripe could not ${what}: ${message}`);
  }
}

export function stripeGateway(config: StripeConfig): PaymentGateway {
  return {
    provider: 'stripe',
    async refund({ providerPaymentId, amount, currency, idempotencyKey }) {
      // Refused here, with the field to fix, rather than by Stripe as a failed payment.
      if (!stripeAccepts(amount, currency)) {
        throw new AppError('validation', `Stripe refunds ${currency} only in multiples of 10 minor units`, {
          amount: `must be a multiple of 10 minor units for a card refund in ${currency}; refund the rest to credit`,
        });
      }
      const refund = await stripeCall('refund the payment', () =>
        stripeClient(config).refunds.create({ payment_intent: providerPaymentId, amount: Number(amount) }, { idempotencyKey }),
      );
      return { providerRefundId: refund.id };
    },
  };
}
