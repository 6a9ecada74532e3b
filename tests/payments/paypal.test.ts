import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as paypalWebhook } from '@/app/api/webhooks/paypal/route';
import { auditLog, gatewayEvents, invoices, payments, refunds } from '@/db/schema';
import { anonymousActor, systemActor } from '@/server/auth/actor';
import { publicToken } from '@/server/services/invoices/public-link';
import { confirmPayPalReturn } from '@/server/services/payments/confirm';
import { refundPayment } from '@/server/services/payments/refund';
import { startPayPalOrder } from '@/server/services/payments/start-checkout';
import { withTestDatabase } from '../support/database';
import { startFakePayPal, type FakePayPal } from '../support/fake-paypal';
import { ctxOf, givenCustomer, givenInvoice } from '../support/fixtures';

const { db } = withTestDatabase();
const webhookId = 'WH-CASHDESK-TEST-0001';
let paypal: FakePayPal;

beforeAll(async () => {
  paypal = await startFakePayPal({ webhookId, clientId: 'cashdesk-client', clientSecret: 'cashdesk-secret' });
  Object.assign(process.env, {
    PAYPAL_CLIENT_ID: 'cashdesk-client',
    PAYPAL_CLIENT_SECRET: 'cashdesk-secret',
    PAYPAL_WEBHOOK_ID: webhookId,
    PAYPAL_API_URL: paypal.url,
  });
});
afterAll(async () => {
  for (const name of ['PAYPAL_CLIENT_ID', 'PAYPAL_CLIENT_SECRET', 'PAYPAL_WEBHOOK_ID', 'PAYPAL_API_URL']) delete process.env[name];
  await paypal.close();
});

function deliver(body: string, headers: Record<string, string> = paypal.signedHeaders(body)) {
  return paypalWebhook(
    new Request('http://localhost/api/webhooks/paypal', { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } }),
  );
}

/** An invoice paid through the public link with PayPal: order, buyer approval, return page. */
async function givenOrder(total = 2500n) {
  const customer = await givenCustomer(db());
  const invoice = await givenInvoice(db(), { customerId: customer.id, total });
  const visitor = ctxOf(db(), anonymousActor('10.0.0.1'));
  const { orderId } = await startPayPalOrder(visitor, {
    invoiceId: invoice.id,
    access: { kind: 'token', token: publicToken(invoice.id, invoice.tokenVersion) },
  });
  return { customer, invoice, orderId };
}

const paymentsOf = (invoiceId: string) => db().select().from(payments).where(eq(payments.invoiceId, invoiceId));
const invoiceRow = async (id: string) => (await db().select().from(invoices).where(eq(invoices.id, id)))[0]!;

describe('PayPal orders', () => {
  it('creates an order naming the invoice by id and number, and captures it on return', async () => {
    const { invoice, orderId } = await givenOrder(2500n);
    expect(paypal.orders.get(orderId)!.purchase_units[0]).toMatchObject({
      custom_id: invoice.id,
      invoice_id: invoice.number,
      amount: { currency_code: 'USD', value: '25.00' },
    });
    paypal.approve(orderId);
    const outcome = await confirmPayPalReturn(ctxOf(db(), systemActor()), { orderId });
    expect(outcome).toMatchObject({ gateway: 'paid', invoiceStatus: 'paid' });
    const [payment] = await paymentsOf(invoice.id);
    expect(payment).toMatchObject({ method: 'paypal', provider: 'paypal', amount: 2500n });
    expect(paypal.captures.has(payment!.providerId!)).toBe(true);
  });

  it('says not paid when the buyer never approved, and records nothing', async () => {
    const { invoice, orderId } = await givenOrder();
    await expect(confirmPayPalReturn(ctxOf(db(), systemActor()), { orderId })).rejects.toMatchObject({ code: 'payment_failed' });
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
  });

  it('records one payment when the capture webhook races the return page and repeats', async () => {
    const { invoice, orderId } = await givenOrder(1234n);
    paypal.approve(orderId);
    await confirmPayPalReturn(ctxOf(db(), systemActor()), { orderId });
    const captureId = (await paymentsOf(invoice.id))[0]!.providerId!;
    const body = JSON.stringify(paypal.captureEvent(captureId));
    const answers = await Promise.all([...Array.from({ length: 50 }, () => deliver(body)), confirmPayPalReturn(ctxOf(db(), systemActor()), { orderId })]);
    expect(answers.slice(0, 50).map((a) => (a as Response).status)).toEqual(Array(50).fill(200));
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid', amountPaid: 1234n });
  });

  it('records a capture reported only by the webhook', async () => {
    const { invoice, orderId } = await givenOrder(900n);
    paypal.approve(orderId);
    // The browser never came back: the capture happened elsewhere and only the webhook tells.
    const captureId = await capturedId(orderId);
    expect((await deliver(JSON.stringify(paypal.captureEvent(captureId)))).status).toBe(200);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid', amountPaid: 900n });
  });

  it('refuses a forged signature, an old transmission and a changed body, storing nothing', async () => {
    const { invoice, orderId } = await givenOrder(700n);
    paypal.approve(orderId);
    const captureId = await capturedId(orderId);
    const event = paypal.captureEvent(captureId);
    const body = JSON.stringify(event);
    const good = paypal.signedHeaders(body);
    const answers = [
      await deliver(body, { ...good, 'paypal-transmission-sig': Buffer.from('not a signature').toString('base64') }),
      await deliver(body, paypal.signedHeaders(body, { webhookId: 'WH-SOMEONE-ELSE' })),
      await deliver(body, paypal.signedHeaders(body, { time: new Date(Date.now() - 10 * 60_000) })),
      await deliver(body.replace('"7.00"', '"0.07"'), good),
      await deliver(body, { ...good, 'paypal-cert-url': 'https://evil.example/cert.pem' }),
      await deliver(body, {}),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(await db().select().from(gatewayEvents).where(eq(gatewayEvents.eventId, event.id))).toHaveLength(0);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
  });

  it('refunds through the capture once: the refund webhook after a console refund adds nothing', async () => {
    const { invoice, orderId } = await givenOrder(5000n);
    paypal.approve(orderId);
    await confirmPayPalReturn(ctxOf(db(), systemActor()), { orderId });
    const { refund } = await refundPayment(ctxOf(db(), systemActor()), { invoiceId: invoice.id, amount: 2000n, toCredit: false });
    const made = paypal.refunds.get(refund.providerId!)!;
    expect(made.amount).toEqual({ currency_code: 'USD', value: '20.00' });
    const body = JSON.stringify(paypal.event('PAYMENT.CAPTURE.REFUNDED', made));
    expect((await deliver(body)).status).toBe(200);
    expect(await db().select().from(refunds).where(eq(refunds.invoiceId, invoice.id))).toHaveLength(1);
  });

  it('records a refund made at PayPal once, and notes a denied capture on the invoice', async () => {
    const { invoice, orderId } = await givenOrder(3000n);
    paypal.approve(orderId);
    await confirmPayPalReturn(ctxOf(db(), systemActor()), { orderId });
    const captureId = (await paymentsOf(invoice.id))[0]!.providerId!;
    const refunded = JSON.stringify(paypal.refundOutsidePayPal(captureId, '10.00'));
    await Promise.all([deliver(refunded), deliver(refunded)]);
    expect((await db().select().from(refunds).where(eq(refunds.invoiceId, invoice.id))).map((r) => r.amount)).toEqual([1000n]);

    const other = await givenOrder(800n);
    expect((await deliver(JSON.stringify(paypal.deniedEvent(other.orderId)))).status).toBe(200);
    expect(await invoiceRow(other.invoice.id)).toMatchObject({ status: 'pending', amountPaid: 0n });
    const noted = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, other.invoice.id), eq(auditLog.action, 'invoice.payment_denied')));
    expect(noted[0]).toMatchObject({ actorType: 'paypal' });
  });
});

async function token(): Promise<string> {
  const answer = await fetch(`${paypal.url}/v1/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('cashdesk-client:cashdesk-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

async function capturedId(orderId: string): Promise<string> {
  const answer = await fetch(`${paypal.url}/v2/checkout/orders/${orderId}/capture`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const order = (await answer.json()) as { purchase_units: Array<{ payments: { captures: Array<{ id: string }> } }> };
  return order.purchase_units[0]!.payments.captures[0]!.id;
}
