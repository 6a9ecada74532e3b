import Stripe from 'stripe';
import { escapeHtml, postWebhook, startFakeServer, stripeId, type FakeReply, type FakeRequest } from './fake-server';

/**
 * A stateful stand-in for the parts of Stripe's API Cashdesk uses — Checkout Sessions with a hosted
 * page, PaymentIntents, Charges, Refunds, Disputes and signed webhook Events — answering in the real
 * object shapes (the SDK's own types check them), so the official `stripe` SDK runs against it
 * unchanged: `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })`.
 */
export type FakeStripe = {
  /** Base URL, e.g. `http://127.0.0.1:54321`; the hosted page lives at `<url>/checkout/<session id>`. */
  url: string;
  port: number;
  /** Pays an open session as the hosted page's Pay button does; a different amount or currency simulates a mismatch. */
  completeSession(
    sessionId: string,
    opts?: { amount?: number; currency?: string; deliver?: boolean },
  ): Promise<{ paymentIntentId: string; chargeId: string; events: Stripe.Event[] }>;
  /** A full Event object around `object` (not delivered). */
  event(type: string, object: object): Stripe.Event;
  /** A `Stripe-Signature` header for `payload`, made by the real SDK with the webhook secret. */
  sign(payload: string, timestamp?: number): string;
  /** POSTs the event to `webhookUrl` with a fresh signature; the receiver's status (0 if unreachable). */
  deliver(event: Stripe.Event): Promise<number>;
  /** Opens a dispute on the payment's charge; returns `charge.dispute.created` (not delivered). */
  createDispute(paymentIntentId: string): Stripe.Event;
  /** Refunds as the Stripe dashboard would; returns `charge.refunded` (not delivered). */
  refundOutsideCashdesk(paymentIntentId: string, amount?: number): Stripe.Event;
  requests: FakeRequest[];
  /** Every webhook the fake POSTed, with the receiver's status. */
  deliveries: { event: Stripe.Event; status: number }[];
  sessions: Map<string, Stripe.Checkout.Session>;
  paymentIntents: Map<string, Stripe.PaymentIntent>;
  charges: Map<string, Stripe.Charge>;
  refunds: Map<string, Stripe.Refund>;
  disputes: Map<string, Stripe.Dispute>;
  close(): Promise<void>;
};

export type FakeStripeOptions = { webhookSecret: string; webhookUrl?: string; port?: number };

// ---------------------------------------------------------------------------------------------
// Form bodies as the SDK sends them: `a[b][c]=x`, `line_items[0][quantity]=1`, `expand[]=x`.

type FormValue = string | FormValue[] | { [key: string]: FormValue };
type Form = { [key: string]: FormValue };

export function parseStripeForm(text: string): Form {
  const root: Form = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    const keys = match ? [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)] : [rawKey];
    let node: FormValue = root;
    keys.forEach((key, index) => {
      if (typeof node === 'string') return; // `a=1&a[b]=2`: the scalar wins, as it would have to anyway
      const container = node as Record<string, FormValue> & FormValue[];
      const slot = key === '' && Array.isArray(node) ? node.length : key;
      if (index === keys.length - 1) {
        container[slot as never] = value as never;
        return;
      }
      const next = keys[index + 1]!;
      container[slot as never] ??= (next === '' || /^\d+$/.test(next) ? [] : {}) as never;
      node = container[slot as never] as FormValue;
    });
  }
  return root;
}

function at(value: FormValue | undefined, ...path: (string | number)[]): FormValue | undefined {
  let node: FormValue | undefined = value;
  for (const key of path) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = (node as Record<string | number, FormValue>)[key];
  }
  return node;
}
const text = (value: FormValue | undefined, ...path: (string | number)[]) => {
  const found = at(value, ...path);
  return typeof found === 'string' ? found : undefined;
};
const list = (value: FormValue | undefined) => (Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : []);
const metadataOf = (value: FormValue | undefined): Stripe.Metadata => {
  const out: Stripe.Metadata = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string' && entry !== '') out[key] = entry;
  }
  return out;
};

// ---------------------------------------------------------------------------------------------

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; code?: string; param?: string; message: string },
  ) {
    super(body.message);
  }
}
const invalid = (message: string, code?: string, param?: string) =>
  new StripeError(400, { type: 'invalid_request_error', message, ...(code ? { code } : {}), ...(param ? { param } : {}) });
const missing = (param: string) => invalid(`Missing required param: ${param}.`, 'parameter_missing', param);
const noSuch = (kind: string, id: string, param = 'id') =>
  new StripeError(404, { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id}'` });

const sessionParams = new Set(
  (
    'adaptive_pricing after_expiration allow_promotion_codes allowed_payment_method_types automatic_tax billing_address_collection ' +
    'branding_settings cancel_url client_reference_id consent_collection currency custom_fields custom_text customer customer_account ' +
    'customer_creation customer_email customer_update discounts excluded_payment_method_types expand expires_at integration_identifier ' +
    'invoice_creation line_items locale managed_payments metadata mode name_collection optional_items origin_context payment_intent_data ' +
    'payment_method_collection payment_method_configuration payment_method_data payment_method_options payment_method_types permissions ' +
    'phone_number_collection redirect_on_completion return_url saved_payment_method_options setup_intent_data shipping_address_collection ' +
    'shipping_options submit_type subscription_data success_url tax_id_collection ui_mode wallet_options'
  ).split(' '),
);
const refundParams = new Set(
  'amount charge currency customer expand instructions_email metadata origin payment_intent reason refund_application_fee reverse_transfer'.split(' '),
);

function rejectUnknown(form: Form, known: Set<string>) {
  for (const key of Object.keys(form)) if (!known.has(key)) throw invalid(`Received unknown parameter: ${key}`, 'parameter_unknown', key);
}

function integerParam(form: Form, param: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw invalid(`Invalid integer: ${value}`, 'parameter_invalid_integer', param);
  return Number(value);
}

function currencyParam(param: string, value: string | undefined): string {
  if (value === undefined) throw missing(param);
  if (!/^[a-zA-Z]{3}$/.test(value)) throw invalid(`Invalid currency: ${value.toLowerCase()}.`, 'parameter_invalid_string', param);
  return value.toLowerCase();
}

const now = () => Math.floor(Date.now() / 1000);

function formatMoney(amount: number, currency: string) {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() });
    return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${amount} ${currency.toUpperCase()}`;
  }
}

type SessionExtras = { lineItems: Stripe.LineItem[]; paymentIntentMetadata: Stripe.Metadata; paymentIntentDescription: string | null };

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const sessions = new Map<string, Stripe.Checkout.Session>();
  const extras = new Map<string, SessionExtras>();
  const paymentIntents = new Map<string, Stripe.PaymentIntent>();
  const charges = new Map<string, Stripe.Charge>();
  const refunds = new Map<string, Stripe.Refund>();
  const disputes = new Map<string, Stripe.Dispute>();
  const idempotent = new Map<string, { fingerprint: string; reply: FakeReply }>();
  const deliveries: { event: Stripe.Event; status: number }[] = [];
  let base = '';

  const byId = (id: string): object | undefined => sessions.get(id) ?? paymentIntents.get(id) ?? charges.get(id) ?? refunds.get(id) ?? disputes.get(id);
  const clone = <T>(value: T): T => structuredClone(value);

  /** `expand[]=payment_intent.latest_charge`: replaces ids with their objects along each path. */
  function expand<T extends object>(object: T, paths: string[]): T {
    const out = clone(object) as Record<string, unknown>;
    for (const path of paths) {
      const [head, ...rest] = path.split('.');
      if (!head) continue;
      if (head === 'line_items' && (out as { object?: string }).object === 'checkout.session') {
        const items = extras.get(String(out.id))?.lineItems ?? [];
        out.line_items = { object: 'list', data: items, has_more: false, url: `/v1/checkout/sessions/${String(out.id)}/line_items` };
        continue;
      }
      if (!(head in out)) throw invalid(`This property cannot be expanded (${head}).`, undefined, 'expand');
      const current = out[head];
      const target = typeof current === 'string' ? byId(current) : current;
      if (target && typeof target === 'object') out[head] = rest.length ? expand(target, [rest.join('.')]) : clone(target);
    }
    return out as T;
  }
  const expansions = (request: FakeRequest, form: Form) => [
    ...request.query.getAll('expand[]'),
    ...[...request.query.entries()].filter(([key]) => /^expand\[\d+\]$/.test(key)).map(([, value]) => value),
    ...list(form.expand).filter((value): value is string => typeof value === 'string'),
  ];

  function event(type: string, object: object, request: { id: string | null; idempotency_key: string | null } = { id: null, idempotency_key: null }) {
    return {
      id: stripeId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: now(),
      data: { object: clone(object) },
      livemode: false,
      pending_webhooks: options.webhookUrl ? 1 : 0,
      request,
      type,
    } as unknown as Stripe.Event;
  }

  const sign = (payload: string, timestamp?: number) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret, ...(timestamp === undefined ? {} : { timestamp }) });

  async function deliver(evt: Stripe.Event): Promise<number> {
    if (!options.webhookUrl) throw new Error('fake Stripe: no webhookUrl to deliver to');
    const payload = JSON.stringify(evt);
    const status = await postWebhook(
      options.webhookUrl,
      {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'stripe-signature': sign(payload),
      },
      payload,
    );
    deliveries.push({ event: evt, status });
    return status;
  }

  // ---- objects -------------------------------------------------------------------------------

  function createSession(form: Form): Stripe.Checkout.Session {
    rejectUnknown(form, sessionParams);
    const mode = text(form, 'mode');
    if (!mode) throw missing('mode');
    if (mode !== 'payment') throw invalid(`The fake only supports mode=payment, not '${mode}'.`, 'parameter_invalid_string', 'mode');
    const rawItems = list(form.line_items);
    if (rawItems.length === 0) throw invalid('You must provide at least one line item.', 'parameter_missing', 'line_items');
    const created = now();
    let currency: string | undefined;
    const lineItems = rawItems.map((item, index): Stripe.LineItem => {
      const param = `line_items[${index}]`;
      if (text(item, 'price')) throw invalid('The fake only supports price_data line items.', 'parameter_invalid_string', `${param}[price]`);
      const itemCurrency = currencyParam(`${param}[price_data][currency]`, text(item, 'price_data', 'currency'));
      if (currency && currency !== itemCurrency)
        throw invalid('All line items must use the same currency.', 'parameter_invalid_string', `${param}[price_data][currency]`);
      currency = itemCurrency;
      const unitAmount = integerParam(form, `${param}[price_data][unit_amount]`, text(item, 'price_data', 'unit_amount'));
      if (unitAmount === undefined) throw missing(`${param}[price_data][unit_amount]`);
      if (unitAmount < 0) throw invalid('This value must be greater than or equal to 0.', 'parameter_invalid_integer', `${param}[price_data][unit_amount]`);
      const name = text(item, 'price_data', 'product_data', 'name');
      if (!name) throw missing(`${param}[price_data][product_data][name]`);
      const quantity = integerParam(form, `${param}[quantity]`, text(item, 'quantity'));
      if (quantity === undefined) throw missing(`${param}[quantity]`);
      const amount = unitAmount * quantity;
      checkTens(amount, itemCurrency, `${param}[price_data][unit_amount]`);
      const productId = stripeId('prod', 14);
      return {
        id: stripeId('li'),
        object: 'item',
        adjustable_quantity: null,
        amount_discount: 0,
        amount_subtotal: amount,
        amount_tax: 0,
        amount_total: amount,
        currency: itemCurrency,
        description: name,
        metadata: {},
        price: {
          id: stripeId('price'),
          object: 'price',
          active: false,
          billing_scheme: 'per_unit',
          created,
          currency: itemCurrency,
          custom_unit_amount: null,
          livemode: false,
          lookup_key: null,
          metadata: {},
          nickname: null,
          product: productId,
          recurring: null,
          tax_behavior: 'unspecified',
          tiers_mode: null,
          transform_quantity: null,
          type: 'one_time',
          unit_amount: unitAmount,
          // On the wire a decimal string; the SDK's type is its parsed Decimal.
          unit_amount_decimal: String(unitAmount) as unknown as Stripe.Price['unit_amount_decimal'],
        },
        quantity,
      };
    });
    const total = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
    const expiresAt = integerParam(form, 'expires_at', text(form, 'expires_at')) ?? created + 24 * 3600;
    if (expiresAt < created + 30 * 60 - 5 || expiresAt > created + 24 * 3600 + 5)
      throw invalid(
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
        'parameter_invalid_integer',
        'expires_at',
      );
    const successUrl = text(form, 'success_url') ?? null;
    for (const param of ['success_url', 'cancel_url'] as const) {
      const value = text(form, param);
      if (value !== undefined && !/^https?:\/\//.test(value)) throw invalid(`Not a valid URL`, 'url_invalid', param);
    }
    const id = stripeId('cs_test', 58);
    const session: Stripe.Checkout.Session = {
      id,
      object: 'checkout.session',
      adaptive_pricing: { enabled: false },
      after_expiration: null,
      allow_promotion_codes: null,
      allowed_payment_method_types: null,
      amount_subtotal: total,
      amount_total: total,
      automatic_tax: { enabled: false, liability: null, provider: null, status: null },
      billing_address_collection: null,
      cancel_url: text(form, 'cancel_url') ?? null,
      client_reference_id: text(form, 'client_reference_id') ?? null,
      client_secret: null,
      collected_information: null,
      consent: null,
      consent_collection: null,
      created,
      currency: currency ?? null,
      currency_conversion: null,
      custom_fields: [],
      custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
      customer: text(form, 'customer') ?? null,
      customer_account: null,
      customer_creation: 'if_required',
      customer_details: null,
      customer_email: text(form, 'customer_email') ?? null,
      discounts: [],
      expires_at: expiresAt,
      integration_identifier: null,
      invoice: null,
      invoice_creation: null,
      livemode: false,
      locale: null,
      managed_payments: null,
      metadata: metadataOf(form.metadata),
      mode: 'payment',
      origin_context: null,
      payment_intent: null,
      payment_link: null,
      payment_method_collection: 'if_required',
      payment_method_configuration_details: null,
      payment_method_options: { card: { request_three_d_secure: 'automatic' } } as Stripe.Checkout.Session.PaymentMethodOptions,
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      permissions: null,
      recovered_from: null,
      saved_payment_method_options: null,
      setup_intent: null,
      shipping_address_collection: null,
      shipping_cost: null,
      shipping_options: [],
      status: 'open',
      submit_type: null,
      subscription: null,
      success_url: successUrl,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: 'hosted',
      url: `${base}/checkout/${id}`,
      wallet_options: null,
    };
    sessions.set(id, session);
    extras.set(id, {
      lineItems,
      paymentIntentMetadata: metadataOf(at(form, 'payment_intent_data', 'metadata')),
      paymentIntentDescription: text(form, 'payment_intent_data', 'description') ?? null,
    });
    return session;
  }

  function pay(sessionId: string, opts: { amount?: number; currency?: string } = {}) {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`fake Stripe: no session ${sessionId}`);
    if (session.status !== 'open') throw new Error(`fake Stripe: session ${sessionId} is ${session.status}, not open`);
    const extra = extras.get(sessionId)!;
    const amount = opts.amount ?? session.amount_total ?? 0;
    const currency = (opts.currency ?? session.currency ?? 'usd').toLowerCase();
    const created = now();
    const paymentIntentId = stripeId('pi');
    const chargeId = stripeId('ch');
    const paymentMethodId = stripeId('pm');
    const email = session.customer_email;
    const paymentIntent: Stripe.PaymentIntent = {
      id: paymentIntentId,
      object: 'payment_intent',
      allowed_payment_method_types: null,
      amount,
      amount_capturable: 0,
      amount_details: { tip: {} } as Stripe.PaymentIntent.AmountDetails,
      amount_received: amount,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: `${paymentIntentId}_${stripeId('secret', 25)}`,
      confirmation_method: 'automatic',
      created,
      currency,
      customer: session.customer as string | null,
      customer_account: null,
      description: extra.paymentIntentDescription,
      excluded_payment_method_types: null,
      last_payment_error: null,
      latest_charge: chargeId,
      livemode: false,
      managed_payments: null,
      metadata: { ...extra.paymentIntentMetadata },
      next_action: null,
      on_behalf_of: null,
      payment_method: paymentMethodId,
      payment_method_configuration_details: null,
      payment_method_options: {
        card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
      } as Stripe.PaymentIntent.PaymentMethodOptions,
      payment_method_types: ['card'],
      payment_record: null,
      processing: null,
      receipt_email: null,
      review: null,
      setup_future_usage: null,
      shipping: null,
      source: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status: 'succeeded',
      transfer_data: null,
      transfer_group: null,
    };
    const charge: Stripe.Charge = {
      id: chargeId,
      object: 'charge',
      amount,
      amount_captured: amount,
      amount_refunded: 0,
      application: null,
      application_fee: null,
      application_fee_amount: null,
      balance_transaction: stripeId('txn'),
      billing_details: { address: null, email, name: null, phone: null, tax_id: null },
      calculated_statement_descriptor: 'CASHDESK',
      captured: true,
      created,
      currency,
      customer: session.customer as string | null,
      description: extra.paymentIntentDescription,
      disputed: false,
      failure_balance_transaction: null,
      failure_code: null,
      failure_message: null,
      fraud_details: {},
      livemode: false,
      metadata: { ...extra.paymentIntentMetadata },
      on_behalf_of: null,
      outcome: {
        advice_code: null,
        network_advice_code: null,
        network_decline_code: null,
        network_status: 'approved_by_network',
        reason: null,
        risk_level: 'normal',
        risk_score: 12,
        seller_message: 'Payment complete.',
        type: 'authorized',
      },
      paid: true,
      payment_intent: paymentIntentId,
      payment_method: paymentMethodId,
      payment_method_details: {
        type: 'card',
        card: { brand: 'visa', country: 'US', exp_month: 12, exp_year: 2034, funding: 'credit', last4: '4242', network: 'visa' },
      } as Stripe.Charge.PaymentMethodDetails,
      receipt_email: null,
      receipt_number: null,
      receipt_url: `${base}/receipts/${chargeId}`,
      refunded: false,
      review: null,
      shipping: null,
      source: null,
      source_transfer: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status: 'succeeded',
      transfer_data: null,
      transfer_group: null,
    };
    paymentIntents.set(paymentIntentId, paymentIntent);
    charges.set(chargeId, charge);
    Object.assign(session, {
      status: 'complete',
      payment_status: 'paid',
      payment_intent: paymentIntentId,
      amount_subtotal: amount,
      amount_total: amount,
      currency,
      url: null,
      customer_details: {
        address: null,
        business_name: null,
        email,
        individual_name: null,
        name: null,
        phone: null,
        tax_exempt: 'none',
        tax_ids: [],
      } as Stripe.Checkout.Session.CustomerDetails,
    } satisfies Partial<Stripe.Checkout.Session>);
    const events = [event('checkout.session.completed', session), event('payment_intent.succeeded', paymentIntent)];
    return { paymentIntentId, chargeId, events };
  }

  async function completeSession(sessionId: string, opts: { amount?: number; currency?: string; deliver?: boolean } = {}) {
    const result = pay(sessionId, opts);
    if ((opts.deliver ?? true) && options.webhookUrl) for (const evt of result.events) await deliver(evt);
    return result;
  }

  function chargeOf(paymentIntentId: string): Stripe.Charge {
    const paymentIntent = paymentIntents.get(paymentIntentId);
    if (!paymentIntent) throw noSuch('payment_intent', paymentIntentId, 'payment_intent');
    const charge = charges.get(String(paymentIntent.latest_charge));
    if (!charge)
      throw invalid(`This PaymentIntent (${paymentIntentId}) does not have a successful charge to refund.`, 'charge_not_refundable', 'payment_intent');
    return charge;
  }

  // As Stripe does: the three-decimal currencies only in multiples of 10 of their minor unit.
  function checkTens(amount: number, currency: string, param: string) {
    if (['bhd', 'jod', 'kwd', 'omr', 'tnd'].includes(currency) && amount % 10 !== 0)
      throw invalid(`Amounts in ${currency.toUpperCase()} must be a multiple of 10 (the last decimal must be 0).`, 'amount_invalid', param);
  }

  function refund(input: { paymentIntentId?: string; chargeId?: string; amount?: number; reason?: string; metadata?: Stripe.Metadata }) {
    const charge = input.chargeId ? charges.get(input.chargeId) : chargeOf(input.paymentIntentId!);
    if (!charge) throw noSuch('charge', input.chargeId!, 'charge');
    if (input.chargeId && input.paymentIntentId && charge.payment_intent !== input.paymentIntentId)
      throw invalid('The charge and payment_intent do not match.', 'parameter_invalid_string', 'charge');
    const left = charge.amount - charge.amount_refunded;
    if (left <= 0) throw invalid(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded', 'charge');
    const amount = input.amount ?? left;
    if (amount <= 0) throw invalid('Refund amount must be greater than 0.', 'parameter_invalid_integer', 'amount');
    checkTens(amount, charge.currency, 'amount');
    if (amount > left)
      throw invalid(
        `Refund amount (${formatMoney(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMoney(left, charge.currency)})`,
        'amount_too_large',
        'amount',
      );
    const id = stripeId('re');
    const created: Stripe.Refund = {
      id,
      object: 'refund',
      amount,
      balance_transaction: stripeId('txn'),
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      customer: null,
      customer_account: null,
      destination_details: {
        card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
        type: 'card',
      } as Stripe.Refund.DestinationDetails,
      metadata: input.metadata ?? {},
      payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
      payment_method: charge.payment_method,
      reason: (input.reason as Stripe.Refund.Reason | undefined) ?? null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
    };
    refunds.set(id, created);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    return { refund: created, charge };
  }

  function createDispute(paymentIntentId: string): Stripe.Event {
    const charge = chargeOf(paymentIntentId);
    const id = stripeId('du');
    const dispute = {
      id,
      object: 'dispute',
      amount: charge.amount,
      balance_transactions: [],
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      enhanced_eligibility_types: [],
      evidence: {
        access_activity_log: null,
        billing_address: null,
        cancellation_policy: null,
        cancellation_policy_disclosure: null,
        cancellation_rebuttal: null,
        customer_communication: null,
        customer_email_address: null,
        customer_name: null,
        customer_purchase_ip: null,
        customer_signature: null,
        duplicate_charge_documentation: null,
        duplicate_charge_explanation: null,
        duplicate_charge_id: null,
        enhanced_evidence: {},
        product_description: null,
        receipt: null,
        refund_policy: null,
        refund_policy_disclosure: null,
        refund_refusal_explanation: null,
        service_date: null,
        service_documentation: null,
        shipping_address: null,
        shipping_carrier: null,
        shipping_date: null,
        shipping_documentation: null,
        shipping_tracking_number: null,
        uncategorized_file: null,
        uncategorized_text: null,
      },
      evidence_details: {
        due_by: now() + 7 * 86400,
        enhanced_eligibility: {},
        has_evidence: false,
        past_due: false,
        submission_count: 0,
        submission_method: null,
      },
      intended_submission_method: null,
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      payment_intent: paymentIntentId,
      payment_method_details: { card: { brand: 'visa', case_type: 'chargeback', network_reason_code: '10.4' }, type: 'card' },
      reason: 'fraudulent',
      status: 'needs_response',
    } as unknown as Stripe.Dispute;
    disputes.set(id, dispute);
    charge.disputed = true;
    return event('charge.dispute.created', dispute);
  }

  function refundOutsideCashdesk(paymentIntentId: string, amount?: number): Stripe.Event {
    try {
      const { charge } = refund({ paymentIntentId, ...(amount === undefined ? {} : { amount }) });
      return event('charge.refunded', charge);
    } catch (error) {
      if (error instanceof StripeError) throw new Error(`fake Stripe: ${error.message}`);
      throw error;
    }
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  const ok = (body: unknown): FakeReply => ({ status: 200, body });
  const found = <T>(map: Map<string, T>, id: string, kind: string) => {
    const value = map.get(id);
    if (!value) throw noSuch(kind, id);
    return value;
  };

  function api(request: FakeRequest, form: Form): FakeReply {
    const { method, path } = request;
    // `/v1/<collection>/<id>/<action>`, with Checkout's collection two segments deep.
    const match = /^\/v1\/((?:checkout\/)?[a-z_]+)(?:\/([^/]+))?(?:\/([a-z_]+))?$/.exec(path);
    const id = match?.[2] ? decodeURIComponent(match[2]) : '';
    const route = match ? `${method} /v1/${match[1]}${match[2] ? '/:id' : ''}${match[3] ? `/${match[3]}` : ''}` : `${method} ${path}`;
    const expandAll = expansions(request, form);
    switch (route) {
      case 'POST /v1/checkout/sessions':
        return ok(expand(createSession(form), expandAll));
      case 'GET /v1/checkout/sessions':
        return ok(
          listOf(
            [...sessions.values()].filter((s) => !request.query.get('payment_intent') || s.payment_intent === request.query.get('payment_intent')),
            request,
            '/v1/checkout/sessions',
          ),
        );
      case 'GET /v1/checkout/sessions/:id':
        return ok(expand(found(sessions, id, 'checkout.session'), expandAll));
      case 'GET /v1/checkout/sessions/:id/line_items':
        found(sessions, id, 'checkout.session');
        return ok(listOf(extras.get(id)!.lineItems, request, `/v1/checkout/sessions/${id}/line_items`));
      case 'POST /v1/checkout/sessions/:id/expire': {
        const session = found(sessions, id, 'checkout.session');
        if (session.status !== 'open')
          throw invalid(
            `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
            'checkout_session_not_open',
          );
        Object.assign(session, { status: 'expired', url: null } satisfies Partial<Stripe.Checkout.Session>);
        const expired = event('checkout.session.expired', session);
        return { ...ok(clone(session)), after: () => options.webhookUrl && deliver(expired) };
      }
      case 'GET /v1/payment_intents/:id':
        return ok(expand(found(paymentIntents, id, 'payment_intent'), expandAll));
      case 'GET /v1/charges/:id':
        return ok(expand(found(charges, id, 'charge'), expandAll));
      case 'GET /v1/disputes/:id':
        return ok(expand(found(disputes, id, 'dispute'), expandAll));
      case 'GET /v1/refunds/:id':
        return ok(expand(found(refunds, id, 'refund'), expandAll));
      case 'GET /v1/refunds': {
        const paymentIntent = request.query.get('payment_intent');
        const charge = request.query.get('charge');
        const matching = [...refunds.values()]
          .filter((r) => (!paymentIntent || r.payment_intent === paymentIntent) && (!charge || r.charge === charge))
          .reverse();
        return ok(listOf(matching, request, '/v1/refunds'));
      }
      case 'POST /v1/refunds': {
        rejectUnknown(form, refundParams);
        const paymentIntentId = text(form, 'payment_intent');
        const chargeId = text(form, 'charge');
        if (!paymentIntentId && !chargeId)
          throw invalid('One of the following params should be provided for this request: payment_intent or charge.', 'parameter_missing');
        const amount = integerParam(form, 'amount', text(form, 'amount'));
        const result = refund({
          ...(paymentIntentId ? { paymentIntentId } : {}),
          ...(chargeId ? { chargeId } : {}),
          ...(amount === undefined ? {} : { amount }),
          ...(text(form, 'reason') ? { reason: text(form, 'reason')! } : {}),
          metadata: metadataOf(form.metadata),
        });
        const refunded = event('charge.refunded', result.charge, {
          id: stripeId('req', 14),
          idempotency_key: String(request.headers['idempotency-key'] ?? '') || null,
        });
        return { ...ok(expand(result.refund, expandAll)), after: () => options.webhookUrl && deliver(refunded) };
      }
      default:
        throw new StripeError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        });
    }
  }

  function listOf<T>(items: T[], request: FakeRequest, url: string) {
    const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? 10) || 10));
    return { object: 'list', data: items.slice(0, limit), has_more: items.length > limit, url };
  }

  function apiWithIdempotency(request: FakeRequest): FakeReply {
    const auth = String(request.headers.authorization ?? '');
    if (!auth)
      return stripeErrorReply(
        new StripeError(401, {
          type: 'invalid_request_error',
          message:
            "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        }),
      );
    const key = /^Bearer ((?:sk|rk)_\S+)$/.exec(auth)?.[1];
    if (!key)
      return stripeErrorReply(
        new StripeError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${auth.replace(/^Bearer\s+/, '').slice(0, 8)}****` }),
      );

    const idempotencyKey = request.method === 'POST' ? String(request.headers['idempotency-key'] ?? '') : '';
    const fingerprint = `${request.method} ${request.path} ${request.body}`;
    if (idempotencyKey) {
      const stored = idempotent.get(idempotencyKey);
      if (stored && stored.fingerprint !== fingerprint)
        return stripeErrorReply(
          new StripeError(400, {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          }),
        );
      if (stored) return { ...stored.reply, after: undefined, headers: { ...stored.reply.headers, 'idempotent-replayed': 'true' } };
    }
    let reply: FakeReply;
    try {
      reply = api(request, request.method === 'POST' ? parseStripeForm(request.body) : {});
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      reply = stripeErrorReply(error);
    }
    reply.headers = {
      'request-id': stripeId('req', 14),
      'stripe-version': String(request.headers['stripe-version'] ?? Stripe.API_VERSION),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      ...reply.headers,
    };
    // Stripe keeps the result of every request that started executing, errors included, but not of
    // ones rejected before that: failed parameter validation, unknown routes and ids.
    const code = (reply.body as { error?: { code?: string } }).error?.code ?? '';
    const rejectedEarly = reply.status === 404 || reply.status >= 500 || code.startsWith('parameter_') || code === 'url_invalid';
    if (idempotencyKey && !rejectedEarly) idempotent.set(idempotencyKey, { fingerprint, reply });
    return reply;
  }

  function stripeErrorReply(error: StripeError): FakeReply {
    const doc = error.body.code ? { doc_url: `https://stripe.com/docs/error-codes/${error.body.code.replace(/_/g, '-')}` } : {};
    return { status: error.status, body: { error: { ...error.body, ...doc, request_log_url: `${base}/logs` } } };
  }

  // ---- hosted checkout page ------------------------------------------------------------------

  function page(title: string, body: string, status = 200): FakeReply {
    return {
      status,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.75rem 0}input{display:block;width:100%;padding:.4rem}button{margin-top:1rem;padding:.6rem 2rem}</style>
</head><body><main>${body}</main></body></html>`,
    };
  }

  async function hosted(request: FakeRequest): Promise<FakeReply> {
    const [, , sessionId = '', action] = request.path.split('/').map(decodeURIComponent);
    const session = sessions.get(sessionId);
    if (!session) return page('Stripe Checkout (test fake)', '<h1>Something went wrong</h1><p>The page you were looking for could not be found.</p>', 404);
    const redirect = (location: string): FakeReply => ({ status: 303, headers: { location }, body: '', contentType: 'text/plain' });
    const success = () => redirect((session.success_url ?? `${base}/checkout/${session.id}`).replaceAll('{CHECKOUT_SESSION_ID}', session.id));
    if (request.method === 'GET' && action === 'cancel')
      return session.cancel_url ? redirect(session.cancel_url) : page('Stripe Checkout (test fake)', '<p>Cancelled.</p>');
    if (request.method === 'POST' && action === 'pay') {
      if (session.status === 'complete') return success();
      if (session.status !== 'open') return page('Stripe Checkout (test fake)', '<h1>This Checkout Session is no longer active.</h1>', 410);
      const card = (new URLSearchParams(request.body).get('card') ?? '').replace(/\s/g, '');
      if (card === '4000000000000002') return checkoutPage(session, 'Your card was declined.', 402);
      await completeSession(session.id);
      return success();
    }
    if (request.method === 'GET' && action === undefined) {
      if (session.status !== 'open')
        return page('Stripe Checkout (test fake)', '<h1>This Checkout Session is no longer active.</h1>', session.status === 'complete' ? 200 : 410);
      return checkoutPage(session);
    }
    return page('Stripe Checkout (test fake)', '<p>Not found.</p>', 404);
  }

  function checkoutPage(session: Stripe.Checkout.Session, error?: string, status = 200): FakeReply {
    const currency = (session.currency ?? '').toUpperCase();
    const items = extras.get(session.id)?.lineItems ?? [];
    return page(
      'Stripe Checkout (test fake)',
      `<h1>Stripe Checkout (test fake)</h1>
<ul>${items.map((item) => `<li>${escapeHtml(item.description ?? '')} × ${item.quantity ?? 1}</li>`).join('')}</ul>
<p>Pay <strong data-testid="amount">${escapeHtml(formatMoney(session.amount_total ?? 0, currency))}</strong> <span data-testid="currency">${escapeHtml(currency)}</span></p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/checkout/${encodeURIComponent(session.id)}/pay">
<label>Email <input name="email" type="email" value="${escapeHtml(session.customer_email ?? '')}"></label>
<label>Card number <input name="card" inputmode="numeric" value="4242 4242 4242 4242"></label>
<label>Expiry <input name="expiry" value="12 / 34"></label>
<label>CVC <input name="cvc" value="123"></label>
<button type="submit">Pay</button>
</form>
<p><a href="/checkout/${encodeURIComponent(session.id)}/cancel">Cancel</a></p>`,
      status,
    );
  }

  const server = await startFakeServer(options.port ?? 0, (request) =>
    request.path.startsWith('/v1/')
      ? apiWithIdempotency(request)
      : request.path.startsWith('/checkout/')
        ? hosted(request)
        : { status: 404, body: { error: { type: 'invalid_request_error', message: 'Not found' } } },
  );
  base = server.url;

  return {
    url: server.url,
    port: server.port,
    completeSession,
    event: (type, object) => event(type, object),
    sign,
    deliver,
    createDispute,
    refundOutsideCashdesk,
    requests: server.requests,
    deliveries,
    sessions,
    paymentIntents,
    charges,
    refunds,
    disputes,
    close: server.close,
  };
}
