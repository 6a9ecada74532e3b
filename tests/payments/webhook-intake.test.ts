import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as paypalWebhook } from '@/app/api/webhooks/paypal/route';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { POST as payByPayPal } from '@/app/pay/[id]/paypal/route';
import { POST as payByCard } from '@/app/pay/[id]/stripe/route';
import { gatewayEvents, invoices, paymentAttempts, payments, refunds } from '@/db/schema';
import { anonymousActor, systemActor } from '@/server/auth/actor';
import { publicToken } from '@/server/services/invoices/public-link';
import { confirmPayPalReturn } from '@/server/services/payments/confirm';
import { startPayPalOrder, startStripeCheckout } from '@/server/services/payments/start-checkout';
import { withTestDatabase } from '../support/database';
import { startFakePayPal, type FakePayPal } from '../support/fake-paypal';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const webhookId = 'WH-CASHDESK-INTAKE-0001';
const stripeSecret = 'whsec_test_cashdesk_intake';
const env = {
  PAYPAL_CLIENT_ID: 'cashdesk-client',
  PAYPAL_CLIENT_SECRET: 'cashdesk-secret',
  PAYPAL_WEBHOOK_ID: webhookId,
  STRIPE_SECRET_KEY: 'sk_test_cashdesk',
  STRIPE_WEBHOOK_SECRET: stripeSecret,
};
let paypal: FakePayPal;
let stripe: FakeStripe;

beforeAll(async () => {
  paypal = await startFakePayPal({ webhookId, clientId: env.PAYPAL_CLIENT_ID, clientSecret: env.PAYPAL_CLIENT_SECRET });
  stripe = await startFakeStripe({ webhookSecret: stripeSecret });
  Object.assign(process.env, env, { PAYPAL_API_URL: paypal.url, STRIPE_API_URL: stripe.url });
});
afterAll(async () => {
  for (const name of [...Object.keys(env), 'PAYPAL_API_URL', 'STRIPE_API_URL']) delete process.env[name];
  await Promise.all([paypal.close(), stripe.close()]);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const MB = 1024 * 1024;
const paymentsOf = (invoiceId: string) => db().select().from(payments).where(eq(payments.invoiceId, invoiceId));
const storedEvents = async () => (await db().select({ id: gatewayEvents.id }).from(gatewayEvents)).length;

function toPayPal(body: BodyInit, headers: Record<string, string>) {
  return paypalWebhook(
    new Request('http://localhost/api/webhooks/paypal', {
      method: 'POST',
      body,
      headers: { ...headers, 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit),
  );
}
function toStripe(body: BodyInit, headers: Record<string, string>) {
  return stripeWebhook(
    new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      body,
      headers: { ...headers, 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit),
  );
}
const signedToPayPal = (body: string) => toPayPal(body, paypal.signedHeaders(body));
const signedToStripe = (body: string) => toStripe(body, { 'stripe-signature': stripe.sign(body) });

/** An invoice with an approved PayPal order, not captured yet. */
async function approvedAtPayPal(total: bigint) {
  const invoice = await givenInvoice(db(), { customerId: (await givenCustomer(db())).id, total });
  const visitor = ctxOf(db(), anonymousActor('10.0.0.1'));
  const { orderId } = await startPayPalOrder(visitor, {
    invoiceId: invoice.id,
    access: { kind: 'token', token: publicToken(invoice.id, invoice.tokenVersion) },
  });
  paypal.approve(orderId);
  return { invoice, orderId };
}

/** …and captured at PayPal without Cashdesk hearing of it (the buyer never came back). */
async function capturedAtPayPal(total: bigint) {
  const { invoice, orderId } = await approvedAtPayPal(total);
  const answer = await fetch(`${paypal.url}/v2/checkout/orders/${orderId}/capture`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await paypalToken()}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const order = (await answer.json()) as { purchase_units: Array<{ payments: { captures: Array<{ id: string }> } }> };
  return { invoice, captureId: order.purchase_units[0]!.payments.captures[0]!.id };
}

/** A stream of `size` bytes sent without a Content-Length, as a chunked upload is. */
function chunked(size: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const part = Math.min(64 * 1024, size - sent);
      sent += part;
      controller.enqueue(new Uint8Array(part).fill(0x20));
    },
  });
}

describe('PayPal webhooks trust PayPal, not the event', () => {
  it('asks PayPal to verify the delivery, sending the body as received, and fetches no certificate', async () => {
    const { invoice, orderId } = await approvedAtPayPal(900n);
    await confirmPayPalReturn(ctxOf(db(), systemActor()), { orderId });
    const captureId = (await paymentsOf(invoice.id))[0]!.providerId!;
    const body = JSON.stringify(paypal.captureEvent(captureId));
    const before = paypal.requests.length;
    expect((await signedToPayPal(body)).status).toBe(200);
    const made = paypal.requests.slice(before);
    const verify = made.find((r) => r.method === 'POST' && r.path === '/v1/notifications/verify-webhook-signature');
    expect(verify?.body).toContain(`"webhook_event":${body}}`);
    expect(JSON.parse(verify!.body)).toMatchObject({ webhook_id: webhookId, auth_algo: 'SHA256withRSA', cert_url: `${paypal.url}/certs/test-cert.pem` });
    expect(made.filter((r) => r.path.startsWith('/certs/'))).toHaveLength(0);
  });

  it('records the amount of the capture PayPal holds, not the amount a signed event claims', async () => {
    const { invoice, captureId } = await capturedAtPayPal(2500n);
    const event = paypal.captureEvent(captureId);
    event.resource.amount = { currency_code: 'EUR', value: '1.00' };
    expect((await signedToPayPal(JSON.stringify(event))).status).toBe(200);
    const [payment] = await paymentsOf(invoice.id);
    expect(payment).toMatchObject({ amount: 2500n, currency: 'USD', providerId: captureId });
    expect((await db().select().from(invoices).where(eq(invoices.id, invoice.id)))[0]).toMatchObject({ status: 'paid', amountPaid: 2500n });
  });

  it('records the amount of the refund PayPal holds, not the amount a signed event claims', async () => {
    const { invoice, orderId } = await approvedAtPayPal(3000n);
    await confirmPayPalReturn(ctxOf(db(), systemActor()), { orderId });
    const captureId = (await paymentsOf(invoice.id))[0]!.providerId!;
    const event = paypal.refundOutsidePayPal(captureId, '10.00');
    event.resource.amount = { currency_code: 'USD', value: '30.00' };
    expect((await signedToPayPal(JSON.stringify(event))).status).toBe(200);
    expect((await db().select().from(refunds).where(eq(refunds.invoiceId, invoice.id))).map((r) => r.amount)).toEqual([1000n]);
  });

  it('refuses a body changed after PayPal signed it, storing nothing', async () => {
    const { invoice, captureId } = await capturedAtPayPal(700n);
    const body = JSON.stringify(paypal.captureEvent(captureId));
    const before = await storedEvents();
    expect((await toPayPal(body.replace(captureId, 'FORGED'), paypal.signedHeaders(body))).status).toBe(400);
    expect(await storedEvents()).toBe(before);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
  });
});

describe('unauthenticated bodies over 1 MB', () => {
  const big = `{"id":"evt_big","padding":"${'x'.repeat(2 * MB)}"}`;

  it.each([
    ['PayPal, declared', () => toPayPal(big, { ...paypal.signedHeaders(big), 'content-length': String(Buffer.byteLength(big)) })],
    ['PayPal, chunked', () => toPayPal(chunked(2 * MB), paypal.signedHeaders(big))],
    ['Stripe, declared', () => toStripe(big, { 'stripe-signature': stripe.sign(big), 'content-length': String(Buffer.byteLength(big)) })],
    ['Stripe, chunked', () => toStripe(chunked(2 * MB), { 'stripe-signature': stripe.sign(big) })],
  ])('webhook, %s → 413, nothing verified or stored', async (_, send) => {
    const [events, asked] = [await storedEvents(), paypal.requests.length];
    const response = await send();
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({ code: 'payload_too_large' });
    expect(await storedEvents()).toBe(events);
    expect(paypal.requests.length).toBe(asked);
  });

  /** A pay button's post from the public invoice page, as the browser sends it. */
  const payPost = (pay: typeof payByCard, invoiceId: string, body: BodyInit, headers: Record<string, string>) =>
    pay(
      new Request(`http://localhost/pay/${invoiceId}/x`, {
        method: 'POST',
        body,
        headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', ...headers },
        duplex: 'half',
      } as RequestInit),
      { params: Promise.resolve({ id: invoiceId }) },
    );

  it.each([
    ['card, form, declared', payByCard, 'application/x-www-form-urlencoded', true],
    ['card, form, chunked', payByCard, 'application/x-www-form-urlencoded', false],
    ['PayPal, JSON, declared', payByPayPal, 'application/json', true],
    ['PayPal, JSON, chunked', payByPayPal, 'application/json', false],
  ] as const)('pay button, %s → 413, no checkout opened', async (_, pay, type, declared) => {
    const invoice = await givenInvoice(db(), { customerId: (await givenCustomer(db())).id, total: 1500n });
    const token = publicToken(invoice.id, invoice.tokenVersion);
    const padded =
      type === 'application/json'
        ? JSON.stringify({ token, padding: 'x'.repeat(2 * MB) })
        : new URLSearchParams({ token, padding: 'x'.repeat(2 * MB) }).toString();
    const response = await payPost(pay, invoice.id, declared ? padded : chunked(2 * MB), {
      'content-type': type,
      ...(declared ? { 'content-length': String(padded.length) } : {}),
    });
    expect(response.status).toBe(413);
    expect(await db().select().from(paymentAttempts).where(eq(paymentAttempts.invoiceId, invoice.id))).toHaveLength(0);
    // The same button with an ordinary body still opens the checkout.
    const small = type === 'application/json' ? JSON.stringify({ token }) : new URLSearchParams({ token }).toString();
    expect((await payPost(pay, invoice.id, small, { 'content-type': type })).status).toBeLessThan(400);
    expect(await db().select().from(paymentAttempts).where(eq(paymentAttempts.invoiceId, invoice.id))).toHaveLength(1);
  });
});

describe('Stripe events that name no invoice of ours', () => {
  async function paidSession(total: bigint) {
    const customer = await givenCustomer(db());
    const invoice = await givenInvoice(db(), { customerId: customer.id, total });
    const client = await givenUser(db(), 'client', { customerId: customer.id });
    const url = await startStripeCheckout(ctxOf(db(), client.actor), { invoiceId: invoice.id, access: { kind: 'session' }, origin: 'http://shop.test' });
    const { events } = await stripe.completeSession(url.split('/').pop()!, { deliver: false });
    return { invoice, events };
  }

  /** The event with its metadata (and the session's client reference) naming `invoiceId` instead. */
  function naming(event: Stripe.Event, invoiceId: string | undefined): string {
    const copy = structuredClone(event) as Stripe.Event & { data: { object: { metadata?: Record<string, string>; client_reference_id?: string | null } } };
    const object = copy.data.object;
    if (object.metadata) {
      if (invoiceId === undefined) delete object.metadata.invoice_id;
      else object.metadata.invoice_id = invoiceId;
    }
    if ('client_reference_id' in object) object.client_reference_id = invoiceId ?? null;
    copy.id = `${copy.id}_${invoiceId ?? 'none'}`;
    return JSON.stringify(copy);
  }

  it.each([
    ['not a uuid', 'nope'],
    ['an unknown invoice', '0b5c9e51-2d1d-4c3f-8f59-7c3d9f1a2b3c'],
    ['no invoice at all', undefined],
  ])('answers 200 to events naming %s, records no payment, and keeps the event as ignored', async (_, invoiceId) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { invoice, events } = await paidSession(1200n);
    const relevant = events.filter((e) => e.type === 'checkout.session.completed' || e.type === 'payment_intent.succeeded');
    expect(relevant.map((e) => e.type)).toContain('checkout.session.completed');
    for (const event of relevant) {
      const body = naming(event, invoiceId);
      const response = await signedToStripe(body);
      expect(response.status).toBe(200);
      expect((await response.json()).outcome).toMatch(/^ignored/);
      const [stored] = await db()
        .select()
        .from(gatewayEvents)
        .where(eq(gatewayEvents.eventId, JSON.parse(body).id));
      expect(stored).toMatchObject({ outcome: expect.stringMatching(/^ignored/) });
      expect(stored!.processedAt).not.toBeNull();
    }
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    if (invoiceId === 'nope') expect(warn).toHaveBeenCalledWith(expect.stringContaining('metadata names no Cashdesk invoice'));
  });
});

async function paypalToken(): Promise<string> {
  const answer = await fetch(`${paypal.url}/v1/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${env.PAYPAL_CLIENT_ID}:${env.PAYPAL_CLIENT_SECRET}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}
