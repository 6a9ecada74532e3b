import { createPrivateKey, randomUUID, sign as rsaSign, verify as rsaVerify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { escapeHtml, paypalId, postWebhook, startFakeServer, type FakeReply, type FakeRequest } from './fake-server';

/**
 * A stateful stand-in for PayPal's REST API as Cashdesk uses it — OAuth client-credentials tokens,
 * Orders v2 (create, approve, capture, get), Payments v2 captures and refunds, and webhooks signed
 * with the test key in tests/support/paypal/ the way PayPal signs them — plus just enough of the
 * browser JS SDK (`/sdk/js`) for `@paypal/paypal-js`'s `loadScript` and a "PayPal" button.
 */
export type FakePayPal = {
  /** Base URL: the API (`PAYPAL_API_URL`), `<url>/sdk/js` (`PAYPAL_SDK_URL`) and `<url>/certs/test-cert.pem`. */
  url: string;
  port: number;
  /** The buyer approves the order, as in the PayPal popup. Returns the order. */
  approve(orderId: string): PayPalOrder;
  /** `PAYMENT.CAPTURE.COMPLETED` for a capture (not delivered). */
  captureEvent(captureId: string): PayPalWebhookEvent;
  /** A webhook event envelope around `resource` (not delivered). */
  event(type: string, resource: object): PayPalWebhookEvent;
  /** The `paypal-*` headers PayPal sends with `body`, signed with the test key. */
  signedHeaders(body: string, opts?: { time?: Date; webhookId?: string }): Record<string, string>;
  /** POSTs the event to `webhookUrl` with fresh headers; the receiver's status (0 if unreachable). */
  deliver(event: PayPalWebhookEvent): Promise<number>;
  /** Refunds as the PayPal dashboard would; `amount` is a PayPal value string ("5.00"), default the rest. Returns `PAYMENT.CAPTURE.REFUNDED` (not delivered). */
  refundOutsidePayPal(captureId: string, amount?: string): PayPalWebhookEvent;
  /** Denies the order's capture (creating one if the order has none); returns `PAYMENT.CAPTURE.DENIED` (not delivered). */
  deniedEvent(orderId: string): PayPalWebhookEvent;
  requests: FakeRequest[];
  deliveries: { event: PayPalWebhookEvent; status: number }[];
  orders: Map<string, PayPalOrder>;
  captures: Map<string, PayPalCapture>;
  refunds: Map<string, PayPalRefund>;
  /** The certificate PEM the webhooks verify against. */
  certificate: string;
  close(): Promise<void>;
};

export type FakePayPalOptions = { webhookId: string; webhookUrl?: string; clientId?: string; clientSecret?: string; port?: number };

export type PayPalMoney = { currency_code: string; value: string };
export type PayPalLink = { href: string; rel: string; method: string };
export type PayPalCapture = {
  id: string;
  status: 'COMPLETED' | 'DECLINED' | 'PARTIALLY_REFUNDED' | 'PENDING' | 'REFUNDED' | 'FAILED' | 'DENIED';
  amount: PayPalMoney;
  final_capture: boolean;
  disbursement_mode: 'INSTANT';
  seller_protection: { status: string; dispute_categories: string[] };
  seller_receivable_breakdown: { gross_amount: PayPalMoney; paypal_fee: PayPalMoney; net_amount: PayPalMoney };
  custom_id?: string;
  invoice_id?: string;
  create_time: string;
  update_time: string;
  links: PayPalLink[];
};
export type PayPalRefund = {
  id: string;
  status: 'COMPLETED';
  amount: PayPalMoney;
  seller_payable_breakdown: { gross_amount: PayPalMoney; paypal_fee: PayPalMoney; net_amount: PayPalMoney; total_refunded_amount: PayPalMoney };
  custom_id?: string;
  invoice_id?: string;
  note_to_payer?: string;
  create_time: string;
  update_time: string;
  links: PayPalLink[];
};
export type PayPalPurchaseUnit = {
  reference_id: string;
  amount: PayPalMoney;
  payee: { email_address: string; merchant_id: string };
  custom_id?: string;
  invoice_id?: string;
  description?: string;
  soft_descriptor?: string;
  payments?: { captures: PayPalCapture[]; refunds?: PayPalRefund[] };
};
export type PayPalOrder = {
  id: string;
  intent: 'CAPTURE' | 'AUTHORIZE';
  status: 'CREATED' | 'APPROVED' | 'COMPLETED' | 'VOIDED';
  payment_source?: { paypal: Record<string, unknown> };
  purchase_units: PayPalPurchaseUnit[];
  payer?: { name: { given_name: string; surname: string }; email_address: string; payer_id: string; address: { country_code: string } };
  create_time: string;
  update_time?: string;
  links: PayPalLink[];
};
export type PayPalWebhookEvent = {
  id: string;
  event_version: '1.0';
  create_time: string;
  resource_type: string;
  resource_version: '2.0';
  event_type: string;
  summary: string;
  resource: Record<string, unknown>;
  links: PayPalLink[];
};

const zeroDecimal = new Set(['HUF', 'JPY', 'TWD']);
const digitsOf = (currency: string) => (zeroDecimal.has(currency) ? 0 : 2);
const toMinor = (money: PayPalMoney) => Math.round(Number(money.value) * 10 ** digitsOf(money.currency_code));
const toMoney = (minor: number, currency: string): PayPalMoney => ({
  currency_code: currency,
  value: (minor / 10 ** digitsOf(currency)).toFixed(digitsOf(currency)),
});
const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const FAKE_PAYER_ID = 'FAKEPAYER1';

class PayPalError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}
const debugId = () => paypalId(13).toLowerCase();
const errorLink = (issue: string, api = 'orders') => [
  { href: `https://developer.paypal.com/docs/api/${api}/v2/#error-${issue}`, rel: 'information_link', method: 'GET' },
];
const unprocessable = (issue: string, description: string, api = 'orders') =>
  new PayPalError(422, {
    name: 'UNPROCESSABLE_ENTITY',
    details: [{ issue, description }],
    message: 'The requested action could not be performed, semantically incorrect, or failed business validation.',
    debug_id: debugId(),
    links: errorLink(issue, api),
  });
const badRequest = (issue: string, field: string, description: string, value?: unknown) =>
  new PayPalError(400, {
    name: 'INVALID_REQUEST',
    message: 'Request is not well-formed, syntactically incorrect, or violates schema.',
    debug_id: debugId(),
    details: [{ field, ...(value === undefined ? {} : { value: String(value) }), location: 'body', issue, description }],
    links: errorLink(issue),
  });
const notFound = (field: string, value: string) =>
  new PayPalError(404, {
    name: 'RESOURCE_NOT_FOUND',
    details: [
      {
        field,
        value,
        location: 'path',
        issue: 'INVALID_RESOURCE_ID',
        description: 'Specified resource ID does not exist. Please check the resource ID and try again.',
      },
    ],
    message: 'The specified resource does not exist.',
    debug_id: debugId(),
    links: errorLink('INVALID_RESOURCE_ID'),
  });

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

function moneyParam(value: unknown, field: string): PayPalMoney {
  const money = asRecord(value);
  if (!money) throw badRequest('MISSING_REQUIRED_PARAMETER', field, 'A required field / parameter is missing.');
  const currency = money.currency_code;
  const amount = money.value;
  if (typeof currency !== 'string') throw badRequest('MISSING_REQUIRED_PARAMETER', `${field}/currency_code`, 'A required field / parameter is missing.');
  if (!/^[A-Z]{3}$/.test(currency)) throw unprocessable('INVALID_CURRENCY_CODE', 'Currency code is invalid or is not currently supported.');
  if (typeof amount !== 'string') throw badRequest('MISSING_REQUIRED_PARAMETER', `${field}/value`, 'A required field / parameter is missing.');
  if (!/^\d{1,10}(\.\d+)?$/.test(amount))
    throw badRequest('INVALID_PARAMETER_SYNTAX', `${field}/value`, 'The value of a field does not conform to the expected format.', amount);
  const decimals = amount.split('.')[1]?.length ?? 0;
  if (decimals > digitsOf(currency))
    throw unprocessable('DECIMAL_PRECISION', 'If the currency supports decimals, only two decimal place precision is supported.');
  return { currency_code: currency, value: amount };
}

export async function startFakePayPal(options: FakePayPalOptions): Promise<FakePayPal> {
  const privateKey = createPrivateKey(readFileSync(new URL('./paypal/test-key.pem', import.meta.url)));
  const certificate = readFileSync(new URL('./paypal/test-cert.pem', import.meta.url), 'utf8');
  const publicKey = new X509Certificate(certificate).publicKey;
  const orders = new Map<string, PayPalOrder>();
  const captures = new Map<string, PayPalCapture>();
  const captureOrder = new Map<string, string>();
  const refunds = new Map<string, PayPalRefund>();
  const refundCapture = new Map<string, string>();
  const tokens = new Set<string>();
  const replays = new Map<string, FakeReply>();
  const deliveries: { event: PayPalWebhookEvent; status: number }[] = [];
  let base = '';

  const clone = <T>(value: T): T => structuredClone(value);
  const link = (path: string, rel: string, method = 'GET'): PayPalLink => ({ href: `${base}${path}`, rel, method });
  const found = <T>(map: Map<string, T>, id: string, field: string) => {
    const value = map.get(id);
    if (!value) throw notFound(field, id);
    return value;
  };

  // ---- webhooks ------------------------------------------------------------------------------

  function signedHeaders(body: string, opts: { time?: Date; webhookId?: string } = {}): Record<string, string> {
    const transmissionId = randomUUID();
    const transmissionTime = (opts.time ?? new Date()).toISOString();
    const message = `${transmissionId}|${transmissionTime}|${opts.webhookId ?? options.webhookId}|${crc32(Buffer.from(body, 'utf8'))}`;
    return {
      'content-type': 'application/json',
      'user-agent': 'PayPal/AUHD-214.0-58725932',
      'paypal-transmission-id': transmissionId,
      'paypal-transmission-time': transmissionTime,
      'paypal-transmission-sig': rsaSign('sha256', Buffer.from(message), privateKey).toString('base64'),
      'paypal-cert-url': `${base}/certs/test-cert.pem`,
      'paypal-auth-algo': 'SHA256withRSA',
    };
  }

  const summaries: Record<string, (resource: Record<string, unknown>) => string> = {
    'PAYMENT.CAPTURE.COMPLETED': (r) => `Payment completed for ${moneyText(r.amount)}`,
    'PAYMENT.CAPTURE.REFUNDED': (r) => `A ${moneyText(r.amount)} capture payment was refunded`,
    'PAYMENT.CAPTURE.DENIED': (r) => `A ${moneyText(r.amount)} capture payment was denied`,
    'PAYMENT.CAPTURE.PENDING': (r) => `Payment pending for ${moneyText(r.amount)}`,
    'PAYMENT.CAPTURE.REVERSED': (r) => `A ${moneyText(r.amount)} capture payment was reversed`,
    'CHECKOUT.ORDER.APPROVED': () => 'An order has been approved by buyer',
    'CHECKOUT.ORDER.COMPLETED': () => 'Checkout Order Completed',
  };
  function moneyText(value: unknown) {
    const money = asRecord(value);
    return money ? `${money.currency_code === 'USD' ? '$ ' : ''}${String(money.value)} ${String(money.currency_code)}` : 'an amount';
  }

  function event(type: string, resource: object): PayPalWebhookEvent {
    const id = `WH-${paypalId()}-${paypalId()}`;
    const record = clone(resource) as Record<string, unknown>;
    const resourceType = /^PAYMENT\.CAPTURE\.(REFUNDED|REVERSED)$/.test(type)
      ? 'refund'
      : type.startsWith('PAYMENT.CAPTURE.')
        ? 'capture'
        : type.startsWith('CHECKOUT.ORDER.')
          ? 'checkout-order'
          : (type.split('.')[1]?.toLowerCase() ?? 'unknown');
    return {
      id,
      event_version: '1.0',
      create_time: new Date().toISOString(),
      resource_type: resourceType,
      resource_version: '2.0',
      event_type: type,
      summary: summaries[type]?.(record) ?? type,
      resource: record,
      links: [link(`/v1/notifications/webhooks-events/${id}`, 'self'), link(`/v1/notifications/webhooks-events/${id}/resend`, 'resend', 'POST')],
    };
  }

  /** A capture as webhooks carry it: with the order it belongs to. */
  const captureResource = (capture: PayPalCapture) => ({
    ...clone(capture),
    supplementary_data: { related_ids: { order_id: captureOrder.get(capture.id) ?? '' } },
    payee: { email_address: 'merchant@example.com', merchant_id: 'FAKEMERCHANT1' },
  });
  const captureEvent = (captureId: string) => event('PAYMENT.CAPTURE.COMPLETED', captureResource(found(captures, captureId, 'capture_id')));
  const refundEvent = (refund: PayPalRefund) =>
    event('PAYMENT.CAPTURE.REFUNDED', { ...clone(refund), payer: { email_address: 'merchant@example.com', merchant_id: 'FAKEMERCHANT1' } });

  async function deliver(evt: PayPalWebhookEvent): Promise<number> {
    if (!options.webhookUrl) throw new Error('fake PayPal: no webhookUrl to deliver to');
    const body = JSON.stringify(evt);
    const status = await postWebhook(options.webhookUrl, signedHeaders(body), body);
    deliveries.push({ event: evt, status });
    return status;
  }
  const deliverLater = (evt: PayPalWebhookEvent) => () => (options.webhookUrl ? deliver(evt) : undefined);

  // ---- state changes -------------------------------------------------------------------------

  function createOrder(body: Record<string, unknown>): PayPalOrder {
    const intent = body.intent;
    if (intent === undefined) throw badRequest('MISSING_REQUIRED_PARAMETER', '/intent', 'A required field / parameter is missing.');
    if (intent !== 'CAPTURE' && intent !== 'AUTHORIZE') throw badRequest('INVALID_PARAMETER_VALUE', '/intent', 'The value of a field is invalid.', intent);
    const units = body.purchase_units;
    if (!Array.isArray(units) || units.length === 0)
      throw badRequest('MISSING_REQUIRED_PARAMETER', '/purchase_units', 'A required field / parameter is missing.');
    const seen = new Set<string>();
    const purchaseUnits = units.map((raw: unknown): PayPalPurchaseUnit => {
      const unit = asRecord(raw) ?? {};
      const referenceId = typeof unit.reference_id === 'string' ? unit.reference_id : 'default';
      if (seen.has(referenceId)) throw unprocessable('DUPLICATE_REFERENCE_ID', '`reference_id` must be unique if multiple `purchase_unit` are provided.');
      seen.add(referenceId);
      const optional = (key: string, max: number) => {
        const value = unit[key];
        if (value === undefined) return {};
        if (typeof value !== 'string' || value.length > max)
          throw badRequest('INVALID_STRING_MAX_LENGTH', `/purchase_units/@reference_id=='${referenceId}'/${key}`, `The value of a field is too long.`, value);
        return { [key]: value };
      };
      return {
        reference_id: referenceId,
        amount: moneyParam(unit.amount, `/purchase_units/@reference_id=='${referenceId}'/amount`),
        payee: { email_address: 'merchant@example.com', merchant_id: 'FAKEMERCHANT1' },
        ...optional('custom_id', 255),
        ...optional('invoice_id', 127),
        ...optional('description', 127),
        ...optional('soft_descriptor', 22),
      };
    });
    const id = paypalId();
    const source = asRecord(asRecord(body.payment_source)?.paypal);
    const order: PayPalOrder = {
      id,
      intent,
      status: 'CREATED',
      ...(source ? { payment_source: { paypal: clone(source) } } : {}),
      purchase_units: purchaseUnits,
      create_time: isoNow(),
      links: [
        link(`/v2/checkout/orders/${id}`, 'self'),
        link(`/checkoutnow?token=${id}`, 'approve'),
        link(`/v2/checkout/orders/${id}`, 'update', 'PATCH'),
        link(`/v2/checkout/orders/${id}/${intent === 'CAPTURE' ? 'capture' : 'authorize'}`, intent === 'CAPTURE' ? 'capture' : 'authorize', 'POST'),
      ],
    };
    // application_context is the older spelling of the experience context; keep its URLs for the hosted page.
    const context = asRecord(body.application_context);
    if (context && !order.payment_source) order.payment_source = { paypal: { experience_context: clone(context) } };
    orders.set(id, order);
    return order;
  }

  function approve(orderId: string): PayPalOrder {
    const order = orders.get(orderId);
    if (!order) throw new Error(`fake PayPal: no order ${orderId}`);
    if (order.status === 'CREATED') {
      const name = { given_name: 'Test', surname: 'Buyer' };
      order.status = 'APPROVED';
      order.payer = { name, email_address: 'buyer@example.com', payer_id: FAKE_PAYER_ID, address: { country_code: 'US' } };
      const experience = order.payment_source?.paypal.experience_context;
      order.payment_source = {
        paypal: {
          email_address: 'buyer@example.com',
          account_id: FAKE_PAYER_ID,
          account_status: 'VERIFIED',
          name,
          address: { country_code: 'US' },
          ...(experience ? { experience_context: experience } : {}),
        },
      };
      order.update_time = isoNow();
    }
    return order;
  }

  /** The order as the API shows it: the experience context is request-only. */
  function view(order: PayPalOrder): PayPalOrder {
    const out = clone(order);
    if (out.payment_source) {
      delete out.payment_source.paypal.experience_context;
      if (Object.keys(out.payment_source.paypal).length === 0) delete out.payment_source;
    }
    if (out.status === 'COMPLETED') out.links = [link(`/v2/checkout/orders/${out.id}`, 'self')];
    return out;
  }

  function capture(orderId: string): { order: PayPalOrder; capture: PayPalCapture } {
    const order = found(orders, orderId, 'order_id');
    if (order.intent !== 'CAPTURE')
      throw unprocessable(
        'ACTION_DOES_NOT_MATCH_INTENT',
        "Order was created with an intent to 'AUTHORIZE'. Please use v2/checkout/orders/order_id/authorize to complete the transaction or alternately Create an order with an intent of 'CAPTURE'.",
      );
    if (order.status === 'COMPLETED')
      throw unprocessable('ORDER_ALREADY_CAPTURED', "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed.");
    if (order.status !== 'APPROVED')
      throw unprocessable(
        'ORDER_NOT_APPROVED',
        "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.",
      );
    const unit = order.purchase_units[0]!;
    if (
      unit.invoice_id &&
      [...orders.values()].some((other) => other.id !== order.id && other.status === 'COMPLETED' && other.purchase_units[0]?.invoice_id === unit.invoice_id)
    )
      throw unprocessable(
        'DUPLICATE_INVOICE_ID',
        'Duplicate Invoice ID detected. To avoid a potential duplicate transaction your account setting requires that Invoice Id be unique for each transaction.',
      );
    const id = paypalId();
    const time = isoNow();
    const gross = toMinor(unit.amount);
    const fee = Math.min(gross, Math.round(gross * 0.0349) + (digitsOf(unit.amount.currency_code) ? 49 : 0));
    const currency = unit.amount.currency_code;
    const created: PayPalCapture = {
      id,
      status: 'COMPLETED',
      amount: clone(unit.amount),
      final_capture: true,
      disbursement_mode: 'INSTANT',
      seller_protection: { status: 'ELIGIBLE', dispute_categories: ['ITEM_NOT_RECEIVED', 'UNAUTHORIZED_TRANSACTION'] },
      seller_receivable_breakdown: { gross_amount: clone(unit.amount), paypal_fee: toMoney(fee, currency), net_amount: toMoney(gross - fee, currency) },
      ...(unit.custom_id === undefined ? {} : { custom_id: unit.custom_id }),
      ...(unit.invoice_id === undefined ? {} : { invoice_id: unit.invoice_id }),
      create_time: time,
      update_time: time,
      links: [
        link(`/v2/payments/captures/${id}`, 'self'),
        link(`/v2/payments/captures/${id}/refund`, 'refund', 'POST'),
        link(`/v2/checkout/orders/${order.id}`, 'up'),
      ],
    };
    captures.set(id, created);
    captureOrder.set(id, order.id);
    unit.payments = { captures: [created] };
    order.status = 'COMPLETED';
    order.update_time = time;
    return { order, capture: created };
  }

  function refund(captureId: string, body: Record<string, unknown>): PayPalRefund {
    const captured = found(captures, captureId, 'capture_id');
    const currency = captured.amount.currency_code;
    const refunded = [...refunds.values()].filter((r) => refundCapture.get(r.id) === captureId).reduce((sum, r) => sum + toMinor(r.amount), 0);
    const left = toMinor(captured.amount) - refunded;
    if (captured.status === 'DENIED' || captured.status === 'PENDING') throw unprocessable('CAPTURE_NOT_REFUNDABLE', 'Capture cannot be refunded.', 'payments');
    if (left <= 0) throw unprocessable('CAPTURE_FULLY_REFUNDED', 'The capture has already been fully refunded', 'payments');
    let amount = left;
    if (body.amount !== undefined) {
      const money = moneyParam(body.amount, '/amount');
      if (money.currency_code !== currency)
        throw unprocessable('REFUND_CAPTURE_CURRENCY_MISMATCH', 'Refund must be in the same currency as the capture.', 'payments');
      amount = toMinor(money);
      if (amount <= 0)
        throw unprocessable(
          'CANNOT_BE_ZERO_OR_NEGATIVE',
          'Must be greater than zero. If the currency supports decimals, only two decimal place precision is supported.',
          'payments',
        );
      if (amount > left)
        throw unprocessable(
          'REFUND_AMOUNT_EXCEEDED',
          'The refund amount must be less than or equal to the capture amount that has not yet been refunded.',
          'payments',
        );
    }
    const id = paypalId();
    const time = isoNow();
    const fee = Math.round((toMinor(captured.seller_receivable_breakdown.paypal_fee) * amount) / toMinor(captured.amount));
    const created: PayPalRefund = {
      id,
      status: 'COMPLETED',
      amount: toMoney(amount, currency),
      seller_payable_breakdown: {
        gross_amount: toMoney(amount, currency),
        paypal_fee: toMoney(fee, currency),
        net_amount: toMoney(amount - fee, currency),
        total_refunded_amount: toMoney(refunded + amount, currency),
      },
      ...(captured.custom_id === undefined ? {} : { custom_id: captured.custom_id }),
      ...(typeof body.invoice_id === 'string' ? { invoice_id: body.invoice_id } : captured.invoice_id === undefined ? {} : { invoice_id: captured.invoice_id }),
      ...(typeof body.note_to_payer === 'string' ? { note_to_payer: body.note_to_payer } : {}),
      create_time: time,
      update_time: time,
      links: [link(`/v2/payments/refunds/${id}`, 'self'), link(`/v2/payments/captures/${captureId}`, 'up')],
    };
    refunds.set(id, created);
    refundCapture.set(id, captureId);
    captured.status = refunded + amount >= toMinor(captured.amount) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    captured.update_time = time;
    const unit = orders.get(captureOrder.get(captureId) ?? '')?.purchase_units[0];
    if (unit?.payments) unit.payments.refunds = [...(unit.payments.refunds ?? []), created];
    return created;
  }

  function refundOutsidePayPal(captureId: string, amount?: string): PayPalWebhookEvent {
    const captured = captures.get(captureId);
    if (!captured) throw new Error(`fake PayPal: no capture ${captureId}`);
    try {
      return refundEvent(refund(captureId, amount === undefined ? {} : { amount: { value: amount, currency_code: captured.amount.currency_code } }));
    } catch (error) {
      if (error instanceof PayPalError) throw new Error(`fake PayPal: ${JSON.stringify(error.body)}`);
      throw error;
    }
  }

  function deniedEvent(orderId: string): PayPalWebhookEvent {
    const order = orders.get(orderId);
    if (!order) throw new Error(`fake PayPal: no order ${orderId}`);
    let denied = order.purchase_units[0]?.payments?.captures[0];
    if (!denied) {
      if (order.status === 'CREATED') approve(orderId);
      denied = capture(orderId).capture;
    }
    denied.status = 'DENIED';
    denied.update_time = isoNow();
    return event('PAYMENT.CAPTURE.DENIED', captureResource(denied));
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'content-type, authorization',
  };

  function token(request: FakeRequest): FakeReply {
    const basic = /^Basic (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    const [id = '', secret = ''] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
    const expected = options.clientId === undefined || (id === options.clientId && (options.clientSecret === undefined || secret === options.clientSecret));
    if (!basic || !id || !expected) return { status: 401, body: { error: 'invalid_client', error_description: 'Client Authentication failed' } };
    const grant = new URLSearchParams(request.body).get('grant_type');
    if (grant !== 'client_credentials')
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: grant ? `Grant Type ${grant} is not supported` : 'Grant Type is NULL' },
      };
    const accessToken = `A21AA${paypalId(40)}`;
    tokens.add(accessToken);
    return {
      status: 200,
      body: {
        scope:
          'https://uri.paypal.com/services/invoicing https://uri.paypal.com/services/payments/futurepayments https://uri.paypal.com/services/payments/realtimepayment https://uri.paypal.com/services/payments/payment/authcapture openid https://uri.paypal.com/services/payments/refund https://api-m.paypal.com/v1/payments/.* https://uri.paypal.com/services/payments/orders/client_sdk_orders_api',
        access_token: accessToken,
        token_type: 'Bearer',
        app_id: 'APP-80W284485P519543T',
        expires_in: 32400,
        nonce: `${new Date().toISOString()}${paypalId(20)}`,
      },
    };
  }

  function api(request: FakeRequest): FakeReply {
    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    if (!bearer || !tokens.has(bearer))
      return {
        status: 401,
        body: {
          name: 'AUTHENTICATION_FAILURE',
          message: 'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
          links: [{ href: 'https://developer.paypal.com/docs/api/overview/#error', rel: 'information_link' }],
        },
      };
    const requestId = String(request.headers['paypal-request-id'] ?? '');
    const replayKey = `${request.method} ${request.path} ${requestId}`;
    if (request.method === 'POST' && requestId && replays.has(replayKey)) return { ...replays.get(replayKey)!, after: undefined };
    let body: Record<string, unknown> = {};
    if (request.method === 'POST' && request.body.trim()) {
      try {
        body = asRecord(JSON.parse(request.body)) ?? {};
      } catch {
        return {
          status: 400,
          body: {
            name: 'INVALID_REQUEST',
            message: 'Request is not well-formed, syntactically incorrect, or violates schema.',
            debug_id: debugId(),
            details: [{ issue: 'MALFORMED_REQUEST_JSON', description: 'The request JSON is not well formed.', location: 'body' }],
          },
        };
      }
    }
    let reply: FakeReply;
    try {
      reply = route(request, body);
    } catch (error) {
      if (!(error instanceof PayPalError)) throw error;
      reply = { status: error.status, body: error.body };
    }
    reply.headers = { 'paypal-debug-id': debugId(), ...reply.headers };
    if (request.method === 'POST' && requestId && reply.status < 500) replays.set(replayKey, reply);
    return reply;
  }

  function route(request: FakeRequest, body: Record<string, unknown>): FakeReply {
    const { method, path } = request;
    const minimal = /return=minimal/.test(String(request.headers.prefer ?? ''));
    // `Prefer: return=minimal` (PayPal's own default) answers with the id, status and links; a
    // capture's minimal answer still carries the captures, as PayPal's does.
    const orderReply = (status: number, order: PayPalOrder, after?: () => unknown): FakeReply => {
      const isCapture = after !== undefined; // only the capture route has a webhook to send
      const full = view(order);
      const body = minimal
        ? {
            id: full.id,
            status: full.status,
            ...(isCapture
              ? {
                  payment_source: full.payment_source,
                  payer: full.payer,
                  purchase_units: full.purchase_units.map((unit) => ({ reference_id: unit.reference_id, payments: unit.payments })),
                }
              : {}),
            links: full.links,
          }
        : full;
      return { status, body, ...(after ? { after } : {}) };
    };
    let match: RegExpExecArray | null;
    if (method === 'POST' && path === '/v2/checkout/orders') return orderReply(201, createOrder(body));
    if (method === 'GET' && (match = /^\/v2\/checkout\/orders\/([^/]+)$/.exec(path)))
      return orderReply(200, found(orders, decodeURIComponent(match[1]!), 'order_id'));
    if (method === 'POST' && (match = /^\/v2\/checkout\/orders\/([^/]+)\/capture$/.exec(path))) {
      const { order, capture: captured } = capture(decodeURIComponent(match[1]!));
      return orderReply(201, order, deliverLater(captureEvent(captured.id)));
    }
    if (method === 'GET' && (match = /^\/v2\/payments\/captures\/([^/]+)$/.exec(path)))
      return { status: 200, body: found(captures, decodeURIComponent(match[1]!), 'capture_id') };
    if (method === 'POST' && (match = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(path))) {
      const created = refund(decodeURIComponent(match[1]!), body);
      return {
        status: 201,
        body: minimal ? { id: created.id, status: created.status, links: created.links } : created,
        after: deliverLater(refundEvent(created)),
      };
    }
    if (method === 'GET' && (match = /^\/v2\/payments\/refunds\/([^/]+)$/.exec(path)))
      return { status: 200, body: found(refunds, decodeURIComponent(match[1]!), 'refund_id') };
    if (method === 'POST' && path === '/v1/notifications/verify-webhook-signature')
      return { status: 200, body: { verification_status: verifySignature(body) ? 'SUCCESS' : 'FAILURE' } };
    return {
      status: 404,
      body: {
        name: 'RESOURCE_NOT_FOUND',
        message: 'The specified resource does not exist.',
        debug_id: debugId(),
        details: [{ issue: 'INVALID_RESOURCE_ID', description: `No route for ${method} ${path}` }],
      },
    };
  }

  /** PayPal's own check (`/v1/notifications/verify-webhook-signature`) over the re-serialized event. */
  function verifySignature(body: Record<string, unknown>): boolean {
    const sig = body.transmission_sig;
    if (typeof sig !== 'string' || body.webhook_id !== options.webhookId) return false;
    // Only PayPal's own certificate and algorithm verify; a chain PayPal did not issue never does.
    if (body.cert_url !== `${base}/certs/test-cert.pem` || body.auth_algo !== 'SHA256withRSA') return false;
    const raw = JSON.stringify(body.webhook_event);
    const message = `${String(body.transmission_id)}|${String(body.transmission_time)}|${options.webhookId}|${crc32(Buffer.from(raw, 'utf8'))}`;
    return rsaVerify('sha256', Buffer.from(message), publicKey, Buffer.from(sig, 'base64'));
  }

  // ---- browser pieces ------------------------------------------------------------------------

  function sdk(request: FakeRequest): FakeReply {
    const clientId = request.query.get('client-id');
    const problem = !clientId
      ? 'client-id not recognized'
      : options.clientId !== undefined && clientId !== options.clientId
        ? `client-id not recognized for the fake: ${clientId}`
        : '';
    if (problem)
      return {
        status: 400,
        contentType: 'text/javascript; charset=utf-8',
        headers: cors,
        body: `throw new Error(${JSON.stringify(`SDK Validation error: '${problem}'`)});`,
      };
    return { status: 200, contentType: 'text/javascript; charset=utf-8', headers: { ...cors, 'cache-control': 'no-store' }, body: sdkScript(base) };
  }

  function page(title: string, body: string, status = 200): FakeReply {
    return {
      status,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`,
    };
  }

  function hosted(request: FakeRequest): FakeReply {
    const orderId = request.query.get('token') ?? '';
    const order = orders.get(orderId);
    if (!order) return page('PayPal Checkout (test fake)', "<h1>Things don't appear to be working at the moment.</h1>", 404);
    const experience = asRecord(order.payment_source?.paypal.experience_context) ?? {};
    const withToken = (url: unknown, extra: Record<string, string> = {}) => {
      const target = new URL(String(url));
      target.searchParams.set('token', order.id);
      for (const [key, value] of Object.entries(extra)) target.searchParams.set(key, value);
      return target.toString();
    };
    if (request.method === 'POST' && request.path === '/checkoutnow/approve') {
      approve(order.id);
      if (typeof experience.return_url === 'string')
        return { status: 303, headers: { location: withToken(experience.return_url, { PayerID: FAKE_PAYER_ID }) }, body: '', contentType: 'text/plain' };
      return page('PayPal Checkout (test fake)', '<h1>Payment approved</h1><p>You can close this window.</p>');
    }
    if (request.method === 'GET' && request.path === '/checkoutnow/cancel' && typeof experience.cancel_url === 'string')
      return { status: 303, headers: { location: withToken(experience.cancel_url) }, body: '', contentType: 'text/plain' };
    const unit = order.purchase_units[0]!;
    return page(
      'PayPal Checkout (test fake)',
      `<h1>PayPal Checkout (test fake)</h1>
<p>Pay <strong data-testid="amount">${escapeHtml(unit.amount.value)} ${escapeHtml(unit.amount.currency_code)}</strong>${unit.description ? ` for ${escapeHtml(unit.description)}` : ''}</p>
<form method="post" action="/checkoutnow/approve?token=${encodeURIComponent(order.id)}"><button type="submit">Complete Purchase</button></form>
<p><a href="/checkoutnow/cancel?token=${encodeURIComponent(order.id)}">Cancel and return</a></p>`,
    );
  }

  const server = await startFakeServer(options.port ?? 0, (request) => {
    const { method, path } = request;
    if (method === 'OPTIONS') return { status: 204, headers: cors, body: '', contentType: 'text/plain' };
    if (method === 'POST' && path === '/v1/oauth2/token') return token(request);
    if (method === 'GET' && path === '/sdk/js') return sdk(request);
    if (method === 'GET' && path === '/certs/test-cert.pem') return { status: 200, contentType: 'application/x-pem-file', body: certificate };
    if (path.startsWith('/checkoutnow')) return hosted(request);
    const approval = /^\/v2\/checkout\/orders\/([^/]+)\/approve-by-buyer$/.exec(path);
    if (method === 'POST' && approval) {
      const order = orders.get(decodeURIComponent(approval[1]!));
      if (!order) return { status: 404, headers: cors, body: notFound('order_id', decodeURIComponent(approval[1]!)).body };
      return { status: 200, headers: cors, body: view(approve(order.id)) };
    }
    return api(request);
  });
  base = server.url;

  return {
    url: server.url,
    port: server.port,
    approve: (orderId) => view(approve(orderId)),
    captureEvent,
    event,
    signedHeaders,
    deliver,
    refundOutsidePayPal,
    deniedEvent,
    requests: server.requests,
    deliveries,
    orders,
    captures,
    refunds,
    certificate,
    close: server.close,
  };
}

/**
 * The browser SDK, enough of it: `window.paypal` (or the `data-namespace` the script tag names)
 * with `Buttons(options)` rendering one "PayPal" button. Clicking it runs the real sequence —
 * `createOrder` → buyer approval (here a POST to the fake) → `onApprove` — and reports failures
 * through `onError` as the real SDK does.
 */
function sdkScript(base: string): string {
  return `(function () {
  'use strict';
  var base = ${JSON.stringify(base)};
  var script = document.currentScript;
  var namespace = (script && script.getAttribute('data-namespace')) || 'paypal';
  var FUNDING = { PAYPAL: 'paypal', VENMO: 'venmo', PAYLATER: 'paylater', CARD: 'card' };
  function toElement(container) {
    return typeof container === 'string' ? document.querySelector(container) : container;
  }
  function Buttons(options) {
    options = options || {};
    var rendered = [];
    return {
      isEligible: function () { return true; },
      render: function (container) {
        var element = toElement(container);
        if (!element) return Promise.reject(new Error('Document is ready and element ' + container + ' does not exist'));
        var wrapper = document.createElement('div');
        wrapper.className = 'paypal-buttons paypal-buttons-fake';
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'PayPal';
        button.style.cssText = 'width:100%;min-height:40px;border:0;border-radius:4px;background:#ffc439;color:#003087;font-weight:700;cursor:pointer';
        var actions = {
          restart: function () { return Promise.resolve(); },
          redirect: function (url) { window.location.assign(url); },
          order: {
            get: function () { return Promise.reject(new Error('actions.order.get is not supported by the fake PayPal SDK; fetch the order on the server')); },
            capture: function () { return Promise.reject(new Error('actions.order.capture is not supported by the fake PayPal SDK; capture on the server')); },
          },
        };
        button.addEventListener('click', function () {
          button.disabled = true;
          Promise.resolve()
            .then(function () { return options.onClick ? options.onClick({ fundingSource: FUNDING.PAYPAL }, { resolve: function () { return Promise.resolve(); }, reject: function () { return Promise.reject(new Error('onClick rejected')); } }) : undefined; })
            .then(function (allowed) {
              if (allowed === false) return;
              if (!options.createOrder) throw new Error('Expected createOrder to be passed');
              return Promise.resolve(options.createOrder({ paymentSource: FUNDING.PAYPAL }, actions)).then(function (orderID) {
                if (typeof orderID !== 'string' || !orderID) throw new Error('Expected an order id to be passed');
                return fetch(base + '/v2/checkout/orders/' + encodeURIComponent(orderID) + '/approve-by-buyer', { method: 'POST' }).then(function (response) {
                  if (!response.ok) throw new Error('Order ' + orderID + ' could not be approved (HTTP ' + response.status + ')');
                  if (!options.onApprove) return;
                  return options.onApprove({ orderID: orderID, payerID: ${JSON.stringify(FAKE_PAYER_ID)}, paymentID: null, facilitatorAccessToken: 'A21AAFAKE', paymentSource: FUNDING.PAYPAL }, actions);
                });
              });
            })
            .catch(function (error) {
              if (options.onError) options.onError(error instanceof Error ? error : new Error(String(error)));
              else console.error(error);
            })
            .then(function () { button.disabled = false; });
        });
        wrapper.appendChild(button);
        element.appendChild(wrapper);
        rendered.push(wrapper);
        if (options.onInit) options.onInit({}, { enable: function () { return Promise.resolve(); }, disable: function () { return Promise.resolve(); } });
        return Promise.resolve();
      },
      close: function () {
        rendered.forEach(function (node) { node.remove(); });
        rendered = [];
        return Promise.resolve();
      },
      updateProps: function (props) { Object.assign(options, props); return Promise.resolve(); },
      hasReturned: function () { return false; },
      resume: function () {},
    };
  }
  window[namespace] = {
    version: '5.0.0',
    FUNDING: FUNDING,
    Buttons: Buttons,
    getFundingSources: function () { return [FUNDING.PAYPAL]; },
    isFundingEligible: function (source) { return source === FUNDING.PAYPAL; },
  };
})();
`;
}
