import type Stripe from 'stripe';
import type { Database } from '@/db';
import { readPaymentConfig, type StripeConfig } from '@/server/payments/config';
import { stripeCall, stripeClient, verifyStripeEvent } from '@/server/payments/stripe';
import { isUuid } from '@/server/schemas/common';
import type { ServiceContext } from '@/server/services/context';
import { flagDispute } from '@/server/services/invoices/flag';
import { badSignature, receiveEvent, type WebhookAnswer } from './receive-event';
import { findGatewayPayment } from './record';
import { recordGatewayPayment, type GatewayPayment } from './record-gateway-payment';
import { recordGatewayRefund } from './record-gateway-refund';

/**
 * The Cashdesk invoice an event's metadata names, or null (logged) when it names none we could
 * have made: answering such an event with an error would have Stripe retry it for days.
 */
function invoiceNamed(event: { id: string }, value: string | null | undefined): string | null {
  if (value && isUuid(value)) return value;
  if (value) console.warn(`[cashdesk] Stripe ${event.id}: metadata names no Cashdesk invoice (${JSON.stringify(value.slice(0, 100))}); ignored`);
  return null;
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/** POST /api/webhooks/stripe: verify the signature on the raw body, store once, handle once. */
export async function receiveStripeWebhook(db: Database, input: { rawBody: string; signature: string | null; now: Date }): Promise<WebhookAnswer> {
  const config = (await readPaymentConfig(db)).stripe;
  const event = config && verifyStripeEvent(config, input.rawBody, input.signature, input.now);
  if (!config || !event) return badSignature;
  return receiveEvent(db, { provider: 'stripe', id: event.id, type: event.type, payload: event, now: input.now }, (ctx) =>
    handleStripeEvent(ctx, config, event),
  );
}

async function handleStripeEvent(ctx: ServiceContext, config: StripeConfig, event: Stripe.Event): Promise<string> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return sessionPaid(ctx, config, event.data.object, 'webhook');
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      const invoiceId = invoiceNamed(intent, intent.metadata?.invoice_id);
      if (!invoiceId) return 'ignored: not a Cashdesk payment';
      await recordGatewayPayment(ctx, {
        invoiceId,
        provider: 'stripe',
        providerPaymentId: intent.id,
        amount: BigInt(intent.amount_received),
        currency: intent.currency.toUpperCase(),
        paidAt: new Date(intent.created * 1000),
        via: 'webhook',
      });
      return `payment ${intent.id}`;
    }
    case 'charge.refunded': {
      const intentId = idOf(event.data.object.payment_intent);
      if (!intentId) return 'ignored: a charge without a payment intent';
      // Thin on purpose: the event's charge may not list its refunds, so ask Stripe for them.
      const list = await stripeCall('list the refunds', () => stripeClient(config).refunds.list({ payment_intent: intentId, limit: 100 }));
      const outcomes: string[] = [];
      for (const refund of list.data.filter((r) => r.status === 'succeeded' || r.status === 'pending')) {
        outcomes.push(
          await recordGatewayRefund(ctx, { provider: 'stripe', providerPaymentId: intentId, providerRefundId: refund.id, amount: BigInt(refund.amount) }),
        );
      }
      return outcomes.join('; ') || 'no refunds listed';
    }
    case 'charge.dispute.created': {
      const dispute = event.data.object;
      const intentId = idOf(dispute.payment_intent);
      const payment = intentId ? await findGatewayPayment(ctx.db, 'stripe', intentId) : undefined;
      if (!payment) return 'ignored: a dispute on a payment Cashdesk did not record';
      await flagDispute(ctx, {
        invoiceId: payment.invoiceId,
        disputeId: dispute.id,
        amount: BigInt(dispute.amount),
        currency: dispute.currency.toUpperCase(),
        reason: dispute.reason,
      });
      return `invoice flagged: dispute ${dispute.id}`;
    }
    default:
      return `ignored: ${event.type}`;
  }
}

/**
 * A Checkout Session that says it is paid, from the webhook or from the customer's return:
 * the payment is recorded once, keyed by the session's payment intent.
 */
export async function sessionPaid(ctx: ServiceContext, config: StripeConfig, session: Stripe.Checkout.Session, via: GatewayPayment['via']): Promise<string> {
  const invoiceId = invoiceNamed(session, session.metadata?.invoice_id ?? session.client_reference_id);
  if (!invoiceId) return 'ignored: not a Cashdesk checkout';
  if (session.payment_status !== 'paid') return `not paid yet (${session.payment_status})`;
  let intentId = idOf(session.payment_intent);
  if (!intentId) {
    const fetched = await stripeCall('read the checkout session', () => stripeClient(config).checkout.sessions.retrieve(session.id));
    intentId = idOf(fetched.payment_intent);
  }
  if (!intentId) return 'ignored: a paid session without a payment intent';
  if (!session.amount_total || session.amount_total <= 0) return 'ignored: nothing was charged';
  const { recorded } = await recordGatewayPayment(ctx, {
    invoiceId,
    provider: 'stripe',
    providerPaymentId: intentId,
    amount: BigInt(session.amount_total),
    currency: (session.currency ?? '').toUpperCase(),
    paidAt: ctx.now,
    via,
  });
  return recorded ? `payment ${intentId} recorded` : `payment ${intentId} already recorded`;
}
