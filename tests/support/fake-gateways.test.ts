import { verify, X509Certificate } from 'node:crypto';
import { crc32 } from 'node:zlib';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakePayPal, startFakeStripe, type FakePayPal, type FakeStripe, type PayPalOrder, type PayPalRefund } from './fake-gateways';
import { fakeHttp } from './fake-http';

// The fakes stand in for the providers in every payments test, so this file holds them to the real
// APIs' behaviour as our code sees it: the official stripe SDK and plain fetch for PayPal.

type Receiver = Awaited<ReturnType<typeof fakeHttp>>;
const webhooksOf = (receiver: Receiver, type: string, field: 'type' | 'event_type') =>
  receiver.requests.filter((request) => (JSON.parse(request.body) as Record<string, unknown>)[field] === type);

describe('fake Stripe', () => {
  const secret = 'whsec_fake_gateways_test';
  let receiver: Receiver;
  let fake: FakeStripe;
  let stripe: Stripe;

  beforeAll(async () => {
    receiver = await fakeHttp(() => ({ status: 200, body: { received: true } }));
    fake = await startFakeStripe({ webhookSecret: secret, webhookUrl: `${receiver.url}/api/webhooks/stripe` });
    stripe = new Stripe('sk_test_x', { host: '127.0.0.1', port: fake.port, protocol: 'http' });
  });
  afterAll(async () => {
    await fake.close();
    await receiver.close();
  });

  const createSession = (invoiceId: string, idempotencyKey: string, unitAmount = 12_50) =>
    stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [{ price_data: { currency: 'EUR', unit_amount: unitAmount, product_data: { name: `Invoice ${invoiceId}` } }, quantity: 2 }],
        client_reference_id: invoiceId,
        metadata: { invoice_id: invoiceId },
        payment_intent_data: { metadata: { invoice_id: invoiceId } },
        customer_email: 'client@example.com',
        success_url: 'http://127.0.0.1:3100/pay/done?session_id={CHECKOUT_SESSION_ID}',
        cancel_url: 'http://127.0.0.1:3100/pay/cancelled',
      },
      { idempotencyKey },
    );

  it('creates a Checkout Session once per idempotency key, shaped as Stripe shapes it', async () => {
    const first = await createSession('inv_1', 'checkout-inv_1');
    const again = await createSession('inv_1', 'checkout-inv_1');
    expect(again.id).toBe(first.id);
    expect(first.id).toMatch(/^cs_test_[A-Za-z0-9]{58}$/);
    expect(first).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 25_00,
      currency: 'eur',
      client_reference_id: 'inv_1',
      metadata: { invoice_id: 'inv_1' },
      customer_email: 'client@example.com',
      payment_intent: null,
      url: `${fake.url}/checkout/${first.id}`,
    });
    expect(fake.sessions.size).toBe(1);

    // A reused key with other parameters is refused, as Stripe refuses it.
    await expect(createSession('inv_2', 'checkout-inv_1')).rejects.toMatchObject({ type: 'StripeIdempotencyError' });
    const other = await createSession('inv_2', 'checkout-inv_2');
    expect(other.id).not.toBe(first.id);
  });

  it('rejects what Stripe rejects: unknown parameters, missing auth, unknown ids', async () => {
    await expect(
      stripe.checkout.sessions.create({ mode: 'payment', line_items: [], typo: 'x' } as unknown as Stripe.Checkout.SessionCreateParams),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'parameter_unknown', param: 'typo' });
    await expect(stripe.checkout.sessions.retrieve('cs_test_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const anonymous = await fetch(`${fake.url}/v1/checkout/sessions/cs_test_missing`);
    expect(anonymous.status).toBe(401);
  });

  it('completes a session: paid, with a succeeded PaymentIntent and its charge, and signed webhooks', async () => {
    const session = await createSession('inv_3', 'checkout-inv_3');
    const { paymentIntentId, events } = await fake.completeSession(session.id);
    expect(events.map((event) => event.type)).toEqual(['checkout.session.completed', 'payment_intent.succeeded']);

    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid', amount_total: 25_00, currency: 'eur' });
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({
      id: paymentIntentId,
      object: 'payment_intent',
      status: 'succeeded',
      amount_received: 25_00,
      metadata: { invoice_id: 'inv_3' },
    });
    expect(intent.id).toMatch(/^pi_/);
    const charge = await stripe.charges.retrieve(String(intent.latest_charge));
    expect(charge).toMatchObject({ object: 'charge', payment_intent: intent.id, paid: true, amount: 25_00, amount_refunded: 0 });
    expect(charge.id).toMatch(/^ch_/);
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');

    const [delivered] = webhooksOf(receiver, 'checkout.session.completed', 'type');
    expect(delivered?.headers['content-type']).toMatch(/^application\/json/);
    const verified = Stripe.webhooks.constructEvent(delivered!.body, String(delivered!.headers['stripe-signature']), secret, 300);
    expect(verified).toMatchObject({ object: 'event', type: 'checkout.session.completed', livemode: false, api_version: Stripe.API_VERSION });
    expect(verified.id).toMatch(/^evt_/);
    expect((verified.data.object as Stripe.Checkout.Session).payment_intent).toBe(intent.id);
    expect(() => Stripe.webhooks.constructEvent(delivered!.body, String(delivered!.headers['stripe-signature']), 'whsec_other', 300)).toThrow();
    const succeeded = webhooksOf(receiver, 'payment_intent.succeeded', 'type').at(-1)!;
    expect(Stripe.webhooks.constructEvent(succeeded.body, String(succeeded.headers['stripe-signature']), secret, 300).data.object).toMatchObject({
      id: intent.id,
    });
  });

  it('simulates a payment for another amount or currency than the session asked', async () => {
    const session = await createSession('inv_4', 'checkout-inv_4');
    const { paymentIntentId } = await fake.completeSession(session.id, { amount: 1_00, currency: 'usd', deliver: false });
    expect(await stripe.paymentIntents.retrieve(paymentIntentId)).toMatchObject({ amount_received: 1_00, currency: 'usd' });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ amount_total: 1_00, currency: 'usd' });
  });

  it('refunds up to what was paid, lists refunds, and tells the webhook', async () => {
    const session = await createSession('inv_5', 'checkout-inv_5');
    const { paymentIntentId } = await fake.completeSession(session.id, { deliver: false });

    const part = await stripe.refunds.create({ payment_intent: paymentIntentId, amount: 5_00 }, { idempotencyKey: 'refund-1' });
    expect(part).toMatchObject({ object: 'refund', status: 'succeeded', amount: 5_00, currency: 'eur', payment_intent: paymentIntentId });
    expect(part.id).toMatch(/^re_/);
    expect((await stripe.refunds.create({ payment_intent: paymentIntentId, amount: 5_00 }, { idempotencyKey: 'refund-1' })).id).toBe(part.id);
    await expect(stripe.refunds.create({ payment_intent: paymentIntentId, amount: 20_01 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'amount_too_large',
    });

    const rest = await stripe.refunds.create({ payment_intent: paymentIntentId });
    expect(rest.amount).toBe(20_00);
    await expect(stripe.refunds.create({ payment_intent: paymentIntentId })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'charge_already_refunded',
    });

    const listed = await stripe.refunds.list({ payment_intent: paymentIntentId });
    expect(listed).toMatchObject({ object: 'list', has_more: false, url: '/v1/refunds' });
    expect(listed.data.map((refund) => refund.id).sort()).toEqual([part.id, rest.id].sort());

    await vi.waitFor(() => expect(webhooksOf(receiver, 'charge.refunded', 'type')).toHaveLength(2));
    const last = webhooksOf(receiver, 'charge.refunded', 'type').at(-1)!;
    const event = Stripe.webhooks.constructEvent(last.body, String(last.headers['stripe-signature']), secret, 300);
    expect(event.data.object).toMatchObject({ object: 'charge', payment_intent: paymentIntentId, amount_refunded: 25_00, refunded: true });
  });

  it('serves a hosted checkout page whose Pay button pays and redirects to success_url', async () => {
    const session = await createSession('inv_6', 'checkout-inv_6');
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain('<title>Stripe Checkout (test fake)</title>');
    expect(html).toContain('€25.00');
    expect(html).toMatch(/<button type="submit">Pay<\/button>/);

    const cancel = await fetch(`${fake.url}/checkout/${session.id}/cancel`, { redirect: 'manual' });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get('location')).toBe('http://127.0.0.1:3100/pay/cancelled');

    const paid = await fetch(`${fake.url}/checkout/${session.id}/pay`, {
      method: 'POST',
      body: new URLSearchParams({ card: '4242 4242 4242 4242' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://127.0.0.1:3100/pay/done?session_id=${session.id}`);
    expect(fake.sessions.get(session.id)).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(webhooksOf(receiver, 'checkout.session.completed', 'type').some((r) => r.body.includes(session.id))).toBe(true);
  });

  it('builds dashboard-side events: disputes and refunds made outside Cashdesk', async () => {
    const session = await createSession('inv_7', 'checkout-inv_7');
    const { paymentIntentId } = await fake.completeSession(session.id, { deliver: false });

    const dispute = fake.createDispute(paymentIntentId);
    expect(dispute).toMatchObject({ object: 'event', type: 'charge.dispute.created', pending_webhooks: 1, request: { id: null, idempotency_key: null } });
    expect(dispute.data.object).toMatchObject({
      object: 'dispute',
      payment_intent: paymentIntentId,
      amount: 25_00,
      reason: 'fraudulent',
      status: 'needs_response',
    });
    expect((dispute.data.object as Stripe.Dispute).id).toMatch(/^du_/);

    const refunded = fake.refundOutsideCashdesk(paymentIntentId, 10_00);
    expect(refunded.type).toBe('charge.refunded');
    expect(refunded.data.object).toMatchObject({ object: 'charge', payment_intent: paymentIntentId, amount_refunded: 10_00, refunded: false });
    expect(await fake.deliver(refunded)).toBe(200);

    const payload = JSON.stringify(fake.event('payment_intent.succeeded', { id: paymentIntentId, object: 'payment_intent' }));
    const old = Math.floor(Date.now() / 1000) - 3600;
    expect(() => Stripe.webhooks.constructEvent(payload, fake.sign(payload, old), secret, 300)).toThrow(/timestamp/i);
    expect(Stripe.webhooks.constructEvent(payload, fake.sign(payload), secret, 300).type).toBe('payment_intent.succeeded');
  });
});

describe('fake PayPal', () => {
  const webhookId = 'WH-FAKE-GATEWAYS-TEST';
  const clientId = 'client-id-test';
  const clientSecret = 'client-secret-test';
  let receiver: Receiver;
  let fake: FakePayPal;
  let token: string;

  beforeAll(async () => {
    receiver = await fakeHttp(() => ({ status: 200, body: {} }));
    fake = await startFakePayPal({ webhookId, webhookUrl: `${receiver.url}/api/webhooks/paypal`, clientId, clientSecret });
  });
  afterAll(async () => {
    await fake.close();
    await receiver.close();
  });

  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${fake.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  type PayPalError = { name: string; details: { issue: string }[]; debug_id: string };
  const createOrder = (invoiceId: string, requestId: string, value = '20.00') =>
    call<PayPalOrder>(
      'POST',
      '/v2/checkout/orders',
      {
        intent: 'CAPTURE',
        purchase_units: [
          {
            reference_id: invoiceId,
            custom_id: invoiceId,
            invoice_id: invoiceId,
            description: `Invoice ${invoiceId}`,
            amount: { currency_code: 'EUR', value },
          },
        ],
      },
      { 'PayPal-Request-Id': requestId },
    );

  it('issues client-credentials tokens only to the right client', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const wrong = await fetch(`${fake.url}/v1/oauth2/token`, {
      method: 'POST',
      headers: { ...form, authorization: basic(clientId, 'nope') },
      body: 'grant_type=client_credentials',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'invalid_client', error_description: 'Client Authentication failed' });

    const right = await fetch(`${fake.url}/v1/oauth2/token`, {
      method: 'POST',
      headers: { ...form, authorization: basic(clientId, clientSecret) },
      body: 'grant_type=client_credentials',
    });
    expect(right.status).toBe(200);
    const issued = (await right.json()) as { access_token: string; token_type: string; expires_in: number; app_id: string; scope: string; nonce: string };
    expect(issued).toMatchObject({ token_type: 'Bearer', expires_in: 32400 });
    token = issued.access_token;

    const unauthenticated = await fetch(`${fake.url}/v2/checkout/orders/X`, { headers: { authorization: 'Bearer nope' } });
    expect(unauthenticated.status).toBe(401);
  });

  it('creates orders once per PayPal-Request-Id with the approve link on the fake', async () => {
    const first = await createOrder('INV-1', 'req-inv-1');
    const again = await createOrder('INV-1', 'req-inv-1');
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body.id).toMatch(/^[A-Z0-9]{17}$/);
    expect(first.body).toMatchObject({
      status: 'CREATED',
      intent: 'CAPTURE',
      purchase_units: [{ invoice_id: 'INV-1', custom_id: 'INV-1', amount: { currency_code: 'EUR', value: '20.00' } }],
    });
    expect(first.body.links.find((l) => l.rel === 'approve')?.href).toBe(`${fake.url}/checkoutnow?token=${first.body.id}`);
    expect(first.body.links.map((l) => l.rel)).toEqual(['self', 'approve', 'update', 'capture']);

    const minimal = await call<PayPalOrder>(
      'POST',
      '/v2/checkout/orders',
      { intent: 'CAPTURE', purchase_units: [{ amount: { currency_code: 'EUR', value: '1.00' } }] },
      { Prefer: 'return=minimal' },
    );
    expect(Object.keys(minimal.body)).toEqual(['id', 'status', 'links']);
    fake.approve(minimal.body.id);
    const minimalCapture = await call<PayPalOrder>('POST', `/v2/checkout/orders/${minimal.body.id}/capture`, undefined, { Prefer: 'return=minimal' });
    expect(minimalCapture.body.purchase_units[0]?.payments?.captures[0]?.status).toBe('COMPLETED');

    const bad = await call<PayPalError>('POST', '/v2/checkout/orders', {
      intent: 'CAPTURE',
      purchase_units: [{ amount: { currency_code: 'EUR', value: '1.234' } }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.details[0]?.issue).toBe('DECIMAL_PRECISION');
  });

  it('captures only approved orders, once, replaying a repeated request id, and sends a signed webhook', async () => {
    const { body: order } = await createOrder('INV-2', 'req-inv-2');
    const early = await call<PayPalError>('POST', `/v2/checkout/orders/${order.id}/capture`, undefined, { 'PayPal-Request-Id': 'cap-early' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_NOT_APPROVED' }] });

    expect(fake.approve(order.id)).toMatchObject({ status: 'APPROVED', payer: { payer_id: 'FAKEPAYER1' } });
    const captured = await call<PayPalOrder>('POST', `/v2/checkout/orders/${order.id}/capture`, undefined, { 'PayPal-Request-Id': 'cap-1' });
    expect(captured.status).toBe(201);
    expect(captured.body.status).toBe('COMPLETED');
    const capture = captured.body.purchase_units[0]!.payments!.captures[0]!;
    expect(capture).toMatchObject({
      status: 'COMPLETED',
      final_capture: true,
      amount: { currency_code: 'EUR', value: '20.00' },
      custom_id: 'INV-2',
      invoice_id: 'INV-2',
    });
    expect(capture.links.find((l) => l.rel === 'up')?.href).toBe(`${fake.url}/v2/checkout/orders/${order.id}`);

    const replay = await call<PayPalOrder>('POST', `/v2/checkout/orders/${order.id}/capture`, undefined, { 'PayPal-Request-Id': 'cap-1' });
    expect(replay).toEqual(captured);
    const twice = await call<PayPalError>('POST', `/v2/checkout/orders/${order.id}/capture`, undefined, { 'PayPal-Request-Id': 'cap-2' });
    expect(twice.status).toBe(422);
    expect(twice.body.details[0]?.issue).toBe('ORDER_ALREADY_CAPTURED');
    expect((await call<PayPalOrder>('GET', `/v2/checkout/orders/${order.id}`)).body.purchase_units[0]?.payments?.captures[0]?.id).toBe(capture.id);

    const completedFor = () => webhooksOf(receiver, 'PAYMENT.CAPTURE.COMPLETED', 'event_type').filter((r) => r.body.includes(capture.id));
    await vi.waitFor(() => expect(completedFor()).toHaveLength(1));
    const [delivered] = completedFor();
    const headers = delivered!.headers;
    expect(headers['paypal-auth-algo']).toBe('SHA256withRSA');
    const pem = await (await fetch(String(headers['paypal-cert-url']))).text();
    const message = `${String(headers['paypal-transmission-id'])}|${String(headers['paypal-transmission-time'])}|${webhookId}|${crc32(Buffer.from(delivered!.body))}`;
    const signature = Buffer.from(String(headers['paypal-transmission-sig']), 'base64');
    expect(verify('sha256', Buffer.from(message), new X509Certificate(pem).publicKey, signature)).toBe(true);
    expect(verify('sha256', Buffer.from(message.replace(webhookId, 'WH-OTHER')), new X509Certificate(pem).publicKey, signature)).toBe(false);
    const event = JSON.parse(delivered!.body) as { id: string; event_version: string; resource_type: string; resource: Record<string, unknown> };
    expect(event).toMatchObject({
      event_version: '1.0',
      resource_type: 'capture',
      resource: { id: capture.id, custom_id: 'INV-2', supplementary_data: { related_ids: { order_id: order.id } } },
    });
    expect(event.id).toMatch(/^WH-/);

    const verdict = await call<{ verification_status: string }>('POST', '/v1/notifications/verify-webhook-signature', {
      auth_algo: headers['paypal-auth-algo'],
      cert_url: headers['paypal-cert-url'],
      transmission_id: headers['paypal-transmission-id'],
      transmission_sig: headers['paypal-transmission-sig'],
      transmission_time: headers['paypal-transmission-time'],
      webhook_id: webhookId,
      webhook_event: JSON.parse(delivered!.body),
    });
    expect(verdict.body.verification_status).toBe('SUCCESS');
  });

  it('refunds a capture up to its amount and sends PAYMENT.CAPTURE.REFUNDED', async () => {
    const { body: order } = await createOrder('INV-3', 'req-inv-3');
    fake.approve(order.id);
    const captured = await call<PayPalOrder>('POST', `/v2/checkout/orders/${order.id}/capture`);
    const captureId = captured.body.purchase_units[0]!.payments!.captures[0]!.id;

    const part = await call<PayPalRefund>(
      'POST',
      `/v2/payments/captures/${captureId}/refund`,
      { amount: { value: '5.00', currency_code: 'EUR' } },
      { 'PayPal-Request-Id': 'ref-1' },
    );
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ status: 'COMPLETED', amount: { value: '5.00', currency_code: 'EUR' } });
    expect(part.body.links.find((l) => l.rel === 'up')?.href).toBe(`${fake.url}/v2/payments/captures/${captureId}`);
    expect(
      (
        await call<PayPalRefund>(
          'POST',
          `/v2/payments/captures/${captureId}/refund`,
          { amount: { value: '5.00', currency_code: 'EUR' } },
          { 'PayPal-Request-Id': 'ref-1' },
        )
      ).body.id,
    ).toBe(part.body.id);

    const tooMuch = await call<PayPalError>('POST', `/v2/payments/captures/${captureId}/refund`, { amount: { value: '15.01', currency_code: 'EUR' } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.details[0]?.issue).toBe('REFUND_AMOUNT_EXCEEDED');
    const rest = await call<PayPalRefund>('POST', `/v2/payments/captures/${captureId}/refund`, {});
    expect(rest.body.amount.value).toBe('15.00');
    expect((await call<PayPalError>('POST', `/v2/payments/captures/${captureId}/refund`, {})).body.details[0]?.issue).toBe('CAPTURE_FULLY_REFUNDED');

    await vi.waitFor(() => expect(webhooksOf(receiver, 'PAYMENT.CAPTURE.REFUNDED', 'event_type')).toHaveLength(2));
    const refunded = JSON.parse(webhooksOf(receiver, 'PAYMENT.CAPTURE.REFUNDED', 'event_type')[0]!.body) as { resource_type: string; resource: PayPalRefund };
    expect(refunded.resource_type).toBe('refund');
    expect(refunded.resource).toMatchObject({ id: part.body.id, custom_id: 'INV-3', invoice_id: 'INV-3', amount: { value: '5.00' } });
    expect(refunded.resource.links.find((l) => l.rel === 'up')?.href).toBe(`${fake.url}/v2/payments/captures/${captureId}`);
  });

  it('builds dashboard-side events and serves the browser SDK', async () => {
    const { body: order } = await createOrder('INV-4', 'req-inv-4');
    fake.approve(order.id);
    const captured = await call<PayPalOrder>('POST', `/v2/checkout/orders/${order.id}/capture`);
    const captureId = captured.body.purchase_units[0]!.payments!.captures[0]!.id;

    const refunded = fake.refundOutsidePayPal(captureId, '2.50');
    expect(refunded).toMatchObject({
      event_type: 'PAYMENT.CAPTURE.REFUNDED',
      resource: { amount: { value: '2.50', currency_code: 'EUR' }, invoice_id: 'INV-4' },
    });
    expect(await fake.deliver(refunded)).toBe(200);
    expect(fake.captureEvent(captureId)).toMatchObject({ event_type: 'PAYMENT.CAPTURE.COMPLETED', resource: { id: captureId } });

    const { body: other } = await createOrder('INV-5', 'req-inv-5');
    expect(fake.deniedEvent(other.id)).toMatchObject({
      event_type: 'PAYMENT.CAPTURE.DENIED',
      resource: { status: 'DENIED', supplementary_data: { related_ids: { order_id: other.id } } },
    });

    const sdk = await fetch(`${fake.url}/sdk/js?client-id=${clientId}&currency=EUR&intent=capture`);
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get('access-control-allow-origin')).toBe('*');
    expect(await sdk.text()).toContain('Buttons');
    expect((await fetch(`${fake.url}/sdk/js?client-id=someone-else`)).status).toBe(400);
    expect((await fetch(`${fake.url}/health`)).status).toBe(200);
  });
});
