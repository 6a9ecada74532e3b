import { and, eq } from 'drizzle-orm';
import { invoices, orders, paymentAttempts } from '@/db/schema';
import { balanceOf } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import { readPaymentConfig, type PayPalConfig, type StripeConfig } from '@/server/payments/config';
import { capturePayPalOrder } from '@/server/payments/paypal';
import { stripeCall, stripeClient } from '@/server/payments/stripe';
import { systemContext, type ServiceContext } from '@/server/services/context';
import { moneyOf } from '@/server/services/invoices/store';
import { captureCompleted } from './receive-paypal-event';
import { sessionPaid } from './receive-stripe-event';
import type { GatewayPayment } from './record-gateway-payment';

export type PaymentOutcome = {
  invoiceId: string;
  invoiceNumber: string | null;
  customerId: string;
  /** What the invoice and its order look like now that the gateway has answered. */
  invoiceStatus: string;
  balance: bigint;
  currency: string;
  /** Builds the public link for a payer who is not signed in. */
  tokenVersion: number;
  order: { number: string; status: string; awaitingApproval: boolean } | null;
  gateway: 'paid' | 'pending' | 'unpaid';
};

async function attemptFor(ctx: ServiceContext, provider: 'stripe' | 'paypal', ref: string) {
  const [attempt] = await ctx.db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.provider, provider), eq(paymentAttempts.providerRef, ref)));
  // Only sessions and orders Cashdesk opened are confirmed here: the id is the capability.
  if (!attempt) throw new AppError('not_found', 'This payment is unknown');
  return attempt;
}

/** Where an invoice and its order stand after a payment attempt, for the return page. */
export async function paymentOutcome(ctx: ServiceContext, invoiceId: string, gateway: PaymentOutcome['gateway']): Promise<PaymentOutcome> {
  const [row] = await ctx.db
    .select({ invoice: invoices, order: { number: orders.number, status: orders.status, awaitingApproval: orders.awaitingApproval } })
    .from(invoices)
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .where(eq(invoices.id, invoiceId));
  if (!row) throw new AppError('not_found', 'Invoice not found');
  const { invoice, order } = row;
  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    customerId: invoice.customerId,
    invoiceStatus: invoice.status,
    balance: balanceOf(moneyOf(invoice)),
    currency: invoice.currency,
    tokenVersion: invoice.tokenVersion,
    order,
    gateway,
  };
}

/**
 * Asks Stripe how a session Cashdesk opened for `invoiceId` stands and records its payment if
 * it is paid (keyed by the payment intent, so a webhook before or after adds nothing).
 */
export async function settleStripeSession(
  ctx: ServiceContext,
  config: StripeConfig,
  input: { invoiceId: string; sessionId: string; via: GatewayPayment['via'] },
) {
  const session = await stripeCall('read the checkout session', () => stripeClient(config).checkout.sessions.retrieve(input.sessionId));
  const outcome = await sessionPaid(
    systemContext(ctx.db, ctx.now, 'stripe'),
    config,
    { ...session, metadata: { ...session.metadata, invoice_id: input.invoiceId } },
    input.via,
  );
  return { session, outcome };
}

/**
 * Captures an approved PayPal order Cashdesk opened for `invoiceId` (or reads back its capture)
 * and records it; an order still waiting for the buyer is left alone.
 */
export async function settlePayPalOrder(ctx: ServiceContext, config: PayPalConfig, input: { invoiceId: string; orderId: string; via: GatewayPayment['via'] }) {
  const capture = (await capturePayPalOrder(config, input.orderId)).purchase_units[0]?.payments?.captures?.[0];
  const outcome = capture
    ? await captureCompleted(systemContext(ctx.db, ctx.now, 'paypal'), config, { ...capture, custom_id: input.invoiceId }, input.via)
    : 'no capture';
  return { capture, outcome };
}

/**
 * The customer is back from Stripe Checkout: ask Stripe how the session stands rather than
 * wait for the webhook, and record the payment if it is paid (the webhook then adds nothing).
 */
export async function confirmStripeReturn(ctx: ServiceContext, input: { sessionId: string }): Promise<PaymentOutcome> {
  const attempt = await attemptFor(ctx, 'stripe', input.sessionId);
  const config = (await readPaymentConfig(ctx.db)).stripe;
  if (!config) throw new AppError('invalid_state', 'Card payments are not available');
  const { session } = await settleStripeSession(ctx, config, { invoiceId: attempt.invoiceId, sessionId: input.sessionId, via: 'return' });
  const gateway = session.payment_status === 'paid' ? 'paid' : session.status === 'complete' ? 'pending' : 'unpaid';
  return paymentOutcome(ctx, attempt.invoiceId, gateway);
}

/** The buyer approved a PayPal order: capture it (or read its capture back) and record it. */
export async function confirmPayPalReturn(ctx: ServiceContext, input: { orderId: string }): Promise<PaymentOutcome> {
  const attempt = await attemptFor(ctx, 'paypal', input.orderId);
  const config = (await readPaymentConfig(ctx.db)).paypal;
  if (!config) throw new AppError('invalid_state', 'PayPal is not available');
  const { capture } = await settlePayPalOrder(ctx, config, { invoiceId: attempt.invoiceId, orderId: input.orderId, via: 'return' });
  return paymentOutcome(ctx, attempt.invoiceId, capture?.status === 'COMPLETED' ? 'paid' : capture ? 'pending' : 'unpaid');
}

/** The customer left Stripe Checkout without paying: nothing changed, the invoice awaits. */
export async function cancelledCheckout(ctx: ServiceContext, input: { attemptId: string }): Promise<PaymentOutcome> {
  const [attempt] = await ctx.db.select({ invoiceId: paymentAttempts.invoiceId }).from(paymentAttempts).where(eq(paymentAttempts.id, input.attemptId));
  if (!attempt) throw new AppError('not_found', 'This payment is unknown');
  return paymentOutcome(ctx, attempt.invoiceId, 'unpaid');
}
