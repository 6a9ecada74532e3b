import type { Database } from '@/db';
import { readPaymentConfig } from './config';
import { paypalGateway } from './paypal';
import { stripeGateway } from './stripe';

/**
 * What the billing core needs from a payment provider: refunds go back the way the money came.
 * Checkout, capture and webhooks live beside each provider (stripe.ts, paypal.ts).
 */
export interface PaymentGateway {
  readonly provider: 'stripe' | 'paypal';
  refund(input: { providerPaymentId: string; amount: bigint; currency: string; idempotencyKey: string }): Promise<{ providerRefundId: string }>;
}

/** The provider's gateway as Settings → Payments and the environment configure it, if at all. */
export async function gatewayFor(db: Database, provider: string): Promise<PaymentGateway | undefined> {
  const config = await readPaymentConfig(db);
  if (provider === 'stripe' && config.stripe) return stripeGateway(config.stripe);
  if (provider === 'paypal' && config.paypal) return paypalGateway(config.paypal);
  return undefined;
}
