import type { Database } from '@/db';
import { type PayPalConfig, readPaymentConfig } from '../payments/config';
import { type PayPalCapture, type PayPalHeaders, type PayPalRefund, getPayPalOrder, minorFromPayPal, verifyPayPalEvent } from '../payments/paypal';
import type { ServiceContext } from './context';
import { noteDeniedPayment } from './flag-invoice';
import { type WebhookAnswer, badSignature, receiveEvent } from './gateway-events';
import { type GatewayPayment, recordGatewayPayment } from './record-gateway-payment';
import { recordGatewayRefund } from './record-gateway-refund';

/** POST /api/webhooks/paypal: verify the transmission signature, store once, handle once. */
export async function receivePayPalWebhook(db: Database, input: { rawBody: string; headers: PayPalHeaders; now: Date }): Promise<WebhookAnswer> {
  const config = (await readPaymentConfig(db)).paypal;
  const event = config && (await verifyPayPalEvent(config, input.rawBody, input.headers, input.now));
  if (!config || !event) return badSignature;
  return receiveEvent(db, { provider: 'paypal', id: event.id, type: event.event_type, payload: event, now: input.now }, (ctx) => {
    switch (event.event_type) {
      case 'PAYMENT.CAPTURE.COMPLETED':
        return captureCompleted(ctx, config, event.resource as PayPalCapture, 'webhook');
      case 'PAYMENT.CAPTURE.REFUNDED':
        return captureRefunded(ctx, event.resource as PayPalRefund);
      case 'PAYMENT.CAPTURE.DENIED':
        return captureDenied(ctx, config, event.resource as PayPalCapture);
      default:
        return Promise.resolve(`ignored: ${event.event_type}`);
    }
  });
}

/** The invoice a capture pays: its custom_id, or the order's when the capture does not carry it. */
async function invoiceOf(config: PayPalConfig, capture: PayPalCapture): Promise<string | null> {
  if (capture.custom_id) return capture.custom_id;
  const orderId = capture.supplementary_data?.related_ids?.order_id;
  if (!orderId) return null;
  const order = await getPayPalOrder(config, orderId);
  return order.purchase_units[0]?.custom_id ?? null;
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
  const invoiceId = await invoiceOf(config, capture);
  if (!invoiceId) return 'ignored: not a Cashdesk payment';
  await noteDeniedPayment(ctx, { invoiceId, providerPaymentId: capture.id, reason: 'PayPal denied the capture' });
  return `invoice noted: capture ${capture.id} denied`;
}
