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
export type PayPalRefund = {
  id: string;
  status: string;
  amount?: PayPalAmount;
  custom_id?: string;
  invoice_id?: string;
  links?: Array<{ href: string; rel: string }>;
};
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
  if (!response.ok || !body.access_token)
    throw new PayPalHttpError(response.status, { message: body.error_description ?? 'PayPal refused the client credentials' });
  // Renew a minute early so a request never goes out with a token that expires in flight.
  tokens.set(config.clientId, { token: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 300) - 60) * 1000 });
  return body.access_token;
}

async function paypalFetch<T>(
  config: PayPalConfig,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; requestId?: string; rawJson?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${await accessToken(config)}`,
    'content-type': 'application/json',
    prefer: 'return=representation',
  };
  // PayPal-Request-Id makes a POST idempotent: a retry returns the first answer.
  if (options.requestId) headers['paypal-request-id'] = options.requestId;
  const response = await fetch(`${config.apiUrl}${path}`, {
    method,
    headers,
    body: options.rawJson ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: AbortSignal.timeout(20_000),
    // An API answer is never a redirect; following one would send the bearer token elsewhere.
    redirect: 'error',
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
    if (error instanceof PayPalHttpError && error.issue() === 'ORDER_ALREADY_CAPTURED')
      return paypalCall('read the order', () => paypalFetch<PayPalOrder>(config, 'GET', path));
    if (error instanceof PayPalHttpError && error.issue() === 'ORDER_NOT_APPROVED') throw new AppError('payment_failed', 'The PayPal payment was not approved');
    throw new AppError('payment_failed', `PayPal could not capture the order: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function getPayPalOrder(config: PayPalConfig, orderId: string): Promise<PayPalOrder> {
  return paypalCall('read the order', () => paypalFetch<PayPalOrder>(config, 'GET', `/v2/checkout/orders/${encodeURIComponent(orderId)}`));
}

/** A capture as PayPal holds it now: what a webhook says about money is read back from here. */
export function getPayPalCapture(config: PayPalConfig, captureId: string): Promise<PayPalCapture> {
  return paypalCall('read the capture', () => paypalFetch<PayPalCapture>(config, 'GET', `/v2/payments/captures/${encodeURIComponent(captureId)}`));
}

export function getPayPalRefund(config: PayPalConfig, refundId: string): Promise<PayPalRefund> {
  return paypalCall('read the refund', () => paypalFetch<PayPalRefund>(config, 'GET', `/v2/payments/refunds/${encodeURIComponent(refundId)}`));
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

/** Only PayPal's own certificate hosts, or the configured API host (a local fake), are passed on to PayPal. */
function trustedCertUrl(config: PayPalConfig, raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const paypalHost = url.protocol === 'https:' && (url.hostname === 'paypal.com' || url.hostname.endsWith('.paypal.com'));
  return paypalHost || url.origin === new URL(config.apiUrl).origin;
}

export type PayPalHeaders = {
  transmissionId: string | null;
  transmissionTime: string | null;
  transmissionSig: string | null;
  certUrl: string | null;
  authAlgo: string | null;
};

/** PayPal's verification service could not be asked; the delivery should be retried, not refused. */
export class PayPalVerificationUnavailable extends Error {}

/**
 * The event, if PayPal confirms it sent exactly `rawBody` for our webhook within the tolerance;
 * null for anything else. PayPal's verify-webhook-signature API checks the transmission
 * signature against its certificate chain, which a certificate fetched from the header's URL
 * could not prove. The event goes to it as the bytes received (not re-serialized), since the
 * signature covers a CRC of exactly those bytes.
 */
export async function verifyPayPalEvent(config: PayPalConfig, rawBody: string, headers: PayPalHeaders, now: Date): Promise<PayPalEvent | null> {
  const { transmissionId, transmissionTime, transmissionSig, certUrl, authAlgo } = headers;
  if (!transmissionId || !transmissionTime || !transmissionSig || !certUrl) return null;
  if (authAlgo && authAlgo !== 'SHA256withRSA') return null;
  // PayPal's check has no clock: a signed delivery replayed later would still pass it.
  const sentAt = Date.parse(transmissionTime);
  if (!Number.isFinite(sentAt) || Math.abs(now.getTime() - sentAt) > PAYPAL_TOLERANCE_MS) return null;
  if (!trustedCertUrl(config, certUrl)) return null;
  const event = parseEvent(rawBody);
  if (!event) return null;
  const fields = JSON.stringify({
    auth_algo: authAlgo ?? 'SHA256withRSA',
    cert_url: certUrl,
    transmission_id: transmissionId,
    transmission_sig: transmissionSig,
    transmission_time: transmissionTime,
    webhook_id: config.webhookId,
  });
  let answer: { verification_status?: string };
  try {
    // rawBody parsed as one JSON object above, so splicing it in keeps the request valid JSON.
    answer = await paypalFetch(config, 'POST', '/v1/notifications/verify-webhook-signature', { rawJson: `${fields.slice(0, -1)},"webhook_event":${rawBody}}` });
  } catch (error) {
    if (error instanceof PayPalHttpError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 429) return null;
    throw new PayPalVerificationUnavailable(`PayPal could not verify the webhook: ${error instanceof Error ? error.message : String(error)}`);
  }
  return answer.verification_status === 'SUCCESS' ? event : null;
}

function parseEvent(rawBody: string): PayPalEvent | null {
  try {
    const event = JSON.parse(rawBody) as PayPalEvent | null;
    return event &&
      typeof event === 'object' &&
      typeof event.id === 'string' &&
      typeof event.event_type === 'string' &&
      event.resource &&
      typeof event.resource === 'object'
      ? event
      : null;
  } catch {
    return null;
  }
}
