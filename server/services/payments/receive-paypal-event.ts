import type { Database } from '@/db';
import { readPaymentConfig, type PayPalConfig } from '@/server/payments/config';
import {
  getPayPalCapture,
  getPayPalOrder,
  getPayPalRefund,
  minorFromPayPal,
  PayPalVerificationUnavailable,
  verifyPayPalEvent,
  type PayPalCapture,
  type PayPalEvent,
  type PayPalHeaders,
  type PayPalRefund,
} from '@/server/payments/paypal';
import { isUuid } from '@/server/schemas/common';
import type { ServiceContext } from '@/server/services/context';
import { noteDeniedPayment } from '@/server/services/invoices/flag';
import { badSignature, receiveEvent, type WebhookAnswer } from './receive-event';
import { recordGatewayPayment, type GatewayPayment } from './record-gateway-payment';
import { recordGatewayRefund } from './record-gateway-refund';

const unverifiable: WebhookAnswer = { status: 500, body: { received: false, error: 'The signature could not be checked now; it will be retried' } };

/**
 * POST /api/webhooks/paypal: PayPal verifies the transmission, the event is stored once and
 * handled once. The event only says which capture or refund changed: what it is worth is read
 * back from PayPal, so nothing but PayPal's own record of the money is ever recorded.
 */
export async function receivePayPalWebhook(db: Database, input: { rawBody: string; headers: PayPalHeaders; now: Date }): Promise<WebhookAnswer> {
  const config = (await readPaymentConfig(db)).paypal;
  if (!config) return badSignature;
  let event: PayPalEvent | null;
  try {
    event = await verifyPayPalEvent(config, input.rawBody, input.headers, input.now);
  } catch (error) {
    if (!(error instanceof PayPalVerificationUnavailable)) throw error;
    console.error('[cashdesk] PayPal webhook not verified:', error.message);
    return unverifiable;
  }
  if (!event) return badSignature;
  const resourceId = typeof event.resource.id === 'string' ? event.resource.id : null;
  return receiveEvent(db, { provider: 'paypal', id: event.id, type: event.event_type, payload: event, now: input.now }, async (ctx) => {
    if (!resourceId) return `ignored: ${event.event_type} without a resource id`;
    switch (event.event_type) {
      case 'PAYMENT.CAPTURE.COMPLETED':
        return captureCompleted(ctx, config, await getPayPalCapture(config, resourceId), 'webhook');
      case 'PAYMENT.CAPTURE.REFUNDED':
        return captureRefunded(ctx, await getPayPalRefund(config, resourceId));
      case 'PAYMENT.CAPTURE.DENIED':
        return captureDenied(ctx, config, await getPayPalCapture(config, resourceId));
      default:
        return `ignored: ${event.event_type}`;
    }
  });
}

/**
 * The invoice a capture pays: its custom_id, or the order's when the capture does not carry it;
 * null when that is no invoice id of ours (a payment made by another integration on the account).
 */
async function invoiceOf(config: PayPalConfig, capture: PayPalCapture): Promise<string | null> {
  let invoiceId = capture.custom_id;
  const orderId = capture.supplementary_data?.related_ids?.order_id;
  if (!invoiceId && orderId) invoiceId = (await getPayPalOrder(config, orderId)).purchase_units[0]?.custom_id;
  return invoiceId && isUuid(invoiceId) ? invoiceId : null;
}

/** A completed capture, from the webhook or from the customer's return: recorded once by its id. */
export async function captureCompleted(ctx: ServiceContext, config: PayPalConfig, capture: PayPalCapture, via: GatewayPayment['via']): Promise<string> {
  if (capture.status !== 'COMPLETED') return `not completed yet (${capture.status})`;
  const invoiceId = await invoiceOf(config, capture);
  if (!invoiceId) return 'ignored: not a Cashdesk payment';
  const amount = minorFromPayPal(capture.amount);
  if (amount === null || amount <= 0n) return `ignored: unreadable amount ${capture.amount.value} ${capture.amount.currency_code}`;
  const { recorded } = await recordGatewayPayment(ctx, {
    invoiceId,
    provider: 'paypal',
    providerPaymentId: capture.id,
    amount,
    currency: capture.amount.currency_code,
    paidAt: capture.create_time ? new Date(capture.create_time) : ctx.now,
    via,
  });
  return recorded ? `payment ${capture.id} recorded` : `payment ${capture.id} already recorded`;
}

async function captureRefunded(ctx: ServiceContext, refund: PayPalRefund): Promise<string> {
  // The refund links "up" to the capture it returns money from.
  const up = refund.links?.find((link) => link.rel === 'up')?.href;
  const captureId = up?.match(/\/captures\/([^/?]+)/)?.[1];
  const amount = refund.amount ? minorFromPayPal(refund.amount) : null;
  if (!captureId || amount === null || amount <= 0n) return 'ignored: a refund without its capture or amount';
  return recordGatewayRefund(ctx, { provider: 'paypal', providerPaymentId: captureId, providerRefundId: refund.id, amount });
}

async function captureDenied(ctx: ServiceContext, config: PayPalConfig, capture: PayPalCapture): Promise<string> {
  if (capture.status !== 'DENIED') return `ignored: the capture is ${capture.status}, not denied`;
  const invoiceId = await invoiceOf(config, capture);
  if (!invoiceId) return 'ignored: not a Cashdesk payment';
  await noteDeniedPayment(ctx, { invoiceId, providerPaymentId: capture.id, reason: 'PayPal denied the capture' });
  return `invoice noted: capture ${capture.id} denied`;
}
