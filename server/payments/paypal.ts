import { X509Certificate, verify } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { formatMinor, parseMajor } from '../billing/currency';
import { AppError } from '../errors';
import type { PayPalConfig } from './config';
import type { PaymentGateway } from './gateway';

// The slices of PayPal's Orders v2 and Payments v2 objects Cashdesk reads.
export type PayPalAmount = { currency_code: string; value: string };
export type PayPalCapture = {
  id: string;
  status: string;
  amount: PayPalAmount;
  custom_id?: string;
  invoice_id?: string;
  create_time?: string;
  links?: Array<{ href: string; rel: string }>;
  supplementary_data?: { related_ids?: { order_id?: string } };
};
export type PayPalOrder = {
  id: string;
  status: string;
  purchase_units: Array<{ custom_id?: string; invoice_id?: string; amount: PayPalAmount; payments?: { captures?: PayPalCapture[] } }>;
};
export type PayPalRefund = { id: string; status: string; amount?: PayPalAmount; custom_id?: string; invoice_id?: string; links?: Array<{ href: string; rel: string }> };
export type PayPalEvent = { id: string; event_type: string; resource_type?: string; resource: Record<string, unknown>; create_time?: string };

/** PayPal's decimal strings ("12.34") in minor units; null for an amount we cannot read exactly. */
export function minorFromPayPal(amount: PayPalAmount): bigint | null {
  try {
    return parseMajor(amount.value, amount.currency_code);
  } catch {
    return null;
  }
}

export const paypalAmount = (amount: bigint, currency: string): PayPalAmount => ({ currency_code: currency, value: formatMinor(amount, currency) });

const tokens = new Map<string, { token: string; expiresAt: number }>();

class PayPalHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { name?: string; message?: string; details?: Array<{ issue?: string; description?: string }> },
  ) {
    super(body.details?.[0]?.description ?? body.message ?? `PayPal answered ${status}`);
  }
  issue(): string | undefined {
    return this.body.details?.[0]?.issue;
  }
}

async function accessToken(config: PayPalConfig): Promise<string> {
  const cached = tokens.get(config.clientId);
  if (cached && cached.expiresAt > Date.now()) return cached.token;
  const response = await fetch(`${config.apiUrl}/v1/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
    signal: AbortSignal.timeout(20_000),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error_description?: string };
  if (!response.ok || !body.access_token) throw new PayPalHttpError(response.status, { message: body.error_description ?? 'PayPal refused the client credentials' });
  // Renew a minute early so a request never goes out with a token that expires in flight.
  tokens.set(config.clientId, { token: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 300) - 60) * 1000 });
  return body.access_token;
}

async function paypalFetch<T>(config: PayPalConfig, method: 'GET' | 'POST', path: string, options: { body?: unknown; requestId?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${await accessToken(config)}`, 'content-type': 'application/json', prefer: 'return=representation' };
  // PayPal-Request-Id makes a POST idempotent: a retry returns the first answer.
  if (options.requestId) headers['paypal-request-id'] = options.requestId;
  const response = await fetch(`${config.apiUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(20_000),
  });
  const body = (await response.json().catch(() => ({}))) as T;
  if (!response.ok) throw new PayPalHttpError(response.status, body as PayPalHttpError['body']);
  return body;
}

async function paypalCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new AppError('payment_failed', `PayPal could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function createPayPalOrder(
  config: PayPalConfig,
  input: { invoiceId: string; invoiceNumber: string; description: string; amount: bigint; currency: string; requestId: string },
): Promise<PayPalOrder> {
  return paypalCall('create the order', () =>
    paypalFetch<PayPalOrder>(config, 'POST', '/v2/checkout/orders', {
      requestId: input.requestId,
      body: {
        intent: 'CAPTURE',
        purchase_units: [
          {
            reference_id: input.invoiceId,
            custom_id: input.invoiceId,
            invoice_id: input.invoiceNumber,
            description: input.description.slice(0, 127),
            amount: paypalAmount(input.amount, input.currency),
          },
        ],
      },
    }),
  );
}

/**
 * Captures an approved order, or reads the capture back when it was captured already (by an
 * earlier return visit racing this one), so confirming twice is harmless.
 */
export async function capturePayPalOrder(config: PayPalConfig, orderId: string): Promise<PayPalOrder> {
  const path = `/v2/checkout/orders/${encodeURIComponent(orderId)}`;
  try {
    return await paypalFetch<PayPalOrder>(config, 'POST', `${path}/capture`, { requestId: `cashdesk-capture-${orderId}`, body: {} });
  } catch (error) {
    if (error instanceof PayPalHttpError && error.issue() === 'ORDER_ALREADY_CAPTURED') return paypalCall('read the order', () => paypalFetch<PayPalOrder>(config, 'GET', path));
    if (error instanceof PayPalHttpError && error.issue() === 'ORDER_NOT_APPROVED') throw new AppError('payment_failed', 'The PayPal payment was not approved');
    throw new AppError('payment_failed', `PayPal could not capture the order: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function getPayPalOrder(config: PayPalConfig, orderId: string): Promise<PayPalOrder> {
  return paypalCall('read the order', () => paypalFetch<PayPalOrder>(config, 'GET', `/v2/checkout/orders/${encodeURIComponent(orderId)}`));
}

export function paypalGateway(config: PayPalConfig): PaymentGateway {
  return {
    provider: 'paypal',
    async refund({ providerPaymentId, amount, currency, idempotencyKey }) {
      const refund = await paypalCall('refund the capture', () =>
        paypalFetch<PayPalRefund>(config, 'POST', `/v2/payments/captures/${encodeURIComponent(providerPaymentId)}/refund`, {
          requestId: idempotencyKey,
          body: { amount: paypalAmount(amount, currency) },
        }),
      );
      return { providerRefundId: refund.id };
    },
  };
}

// Same window as Stripe's: a delivery signed longer ago than this is treated as a replay.
export const PAYPAL_TOLERANCE_MS = 5 * 60 * 1000;

const certificates = new Map<string, Promise<X509Certificate>>();

/** Certificates come only from PayPal's hosts, or from the configured API host (a local fake). */
function trustedCertUrl(config: PayPalConfig, raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const api = new URL(config.apiUrl);
  const paypalHost = url.protocol === 'https:' && (url.hostname === 'paypal.com' || url.hostname.endsWith('.paypal.com'));
  return paypalHost || url.origin === api.origin ? url : null;
}

function certificate(url: URL): Promise<X509Certificate> {
  let pending = certificates.get(url.href);
  if (!pending) {
    pending = fetch(url, { signal: AbortSignal.timeout(10_000) })
      .then(async (response) => {
        if (!response.ok) throw new Error(`certificate ${url.href} answered ${response.status}`);
        return new X509Certificate(await response.text());
      })
      .catch((error: unknown) => {
        certificates.delete(url.href);
        throw error;
      });
    certificates.set(url.href, pending);
  }
  return pending;
}

export type PayPalHeaders = {
  transmissionId: string | null;
  transmissionTime: string | null;
  transmissionSig: string | null;
  certUrl: string | null;
  authAlgo: string | null;
};

/**
 * The event, if its transmission signature proves PayPal sent exactly `rawBody` for our webhook
 * within the tolerance: RSA-SHA256 over `id|time|webhook id|crc32(body)` with PayPal's
 * certificate (fetched once and cached). Null for anything else.
 */
export async function verifyPayPalEvent(config: PayPalConfig, rawBody: string, headers: PayPalHeaders, now: Date): Promise<PayPalEvent | null> {
  const { transmissionId, transmissionTime, transmissionSig, certUrl, authAlgo } = headers;
  if (!transmissionId || !transmissionTime || !transmissionSig || !certUrl) return null;
  if (authAlgo && authAlgo !== 'SHA256withRSA') return null;
  const sentAt = Date.parse(transmissionTime);
  if (!Number.isFinite(sentAt) || Math.abs(now.getTime() - sentAt) > PAYPAL_TOLERANCE_MS) return null;
  const url = trustedCertUrl(config, certUrl);
  if (!url) return null;
  const cert = await certificate(url).catch(() => null);
  if (!cert || new Date(cert.validTo).getTime() < now.getTime()) return null;
  const message = `${transmissionId}|${transmissionTime}|${config.webhookId}|${crc32(Buffer.from(rawBody, 'utf8')) >>> 0}`;
  const valid = verify('sha256', Buffer.from(message), cert.publicKey, Buffer.from(transmissionSig, 'base64'));
  if (!valid) return null;
  try {
    const event = JSON.parse(rawBody) as PayPalEvent;
    return typeof event.id === 'string' && typeof event.event_type === 'string' && event.resource ? event : null;
  } catch {
    return null;
  }
}
