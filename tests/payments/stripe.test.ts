import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { GET as cardLink } from '@/app/pay/[id]/stripe/route';
import { auditLog, creditLedger, emailOutbox, gatewayEvents, invoices, payments, refunds } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { adjustCredit } from '@/server/services/credit/adjust';
import { creditBalance } from '@/server/services/credit/balance';
import { sendInvoice } from '@/server/services/invoices/send';
import { confirmStripeReturn } from '@/server/services/payments/confirm';
import { refundPayment } from '@/server/services/payments/refund';
import { startStripeCheckout } from '@/server/services/payments/start-checkout';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { withFakeStripe } from '../support/stripe-env';

const { db } = withTestDatabase();
const secret = 'whsec_test_cashdesk_secret';
const stripe = withFakeStripe(secret);

/** Delivers a payload to our webhook route as Stripe would, signed unless told otherwise. */
function deliver(payload: string, signature = stripe().sign(payload)) {
  return stripeWebhook(
    new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      body: payload,
      headers: { 'stripe-signature': signature, 'content-type': 'application/json' },
    }),
  );
}

async function givenClientInvoice(total = 4200n) {
  const customer = await givenCustomer(db());
  const invoice = await givenInvoice(db(), { customerId: customer.id, total });
  const client = await givenUser(db(), 'client', { customerId: customer.id });
  return { customer, invoice, client };
}

async function checkout(total = 4200n) {
  const given = await givenClientInvoice(total);
  const url = await startStripeCheckout(ctxOf(db(), given.client.actor), {
    invoiceId: given.invoice.id,
    access: { kind: 'session' },
    origin: 'http://shop.test',
  });
  const sessionId = url.split('/').pop()!;
  return { ...given, url, sessionId };
}

const paymentsOf = (invoiceId: string) => db().select().from(payments).where(eq(payments.invoiceId, invoiceId));
const invoiceRow = async (id: string) => (await db().select().from(invoices).where(eq(invoices.id, id)))[0]!;

describe('Stripe Checkout', () => {
  it('opens one session per attempt, naming the invoice, and hands the same page to a double click', async () => {
    const { invoice, client, url, sessionId } = await checkout(4200n);
    expect(url).toBe(`${stripe().url}/checkout/${sessionId}`);
    const session = stripe().sessions.get(sessionId)!;
    expect(session).toMatchObject({
      client_reference_id: invoice.id,
      metadata: { invoice_id: invoice.id },
      amount_total: 4200,
      currency: 'usd',
      mode: 'payment',
    });
    expect(session.success_url).toBe('http://shop.test/pay/return?provider=stripe&session_id={CHECKOUT_SESSION_ID}');

    const again = await Promise.all(
      [1, 2, 3].map(() => startStripeCheckout(ctxOf(db(), client.actor), { invoiceId: invoice.id, access: { kind: 'session' }, origin: 'http://shop.test' })),
    );
    expect(new Set(again)).toEqual(new Set([url]));
    const creates = stripe().requests.filter(
      (r) => r.method === 'POST' && r.path === '/v1/checkout/sessions' && String(r.headers['idempotency-key']).includes(invoice.id),
    );
    expect(new Set(creates.map((r) => r.headers['idempotency-key']))).toEqual(new Set([`cashdesk-checkout-${invoice.id}-1`]));
  });

  it('never lets a customer open a checkout for someone else’s invoice or for nothing due', async () => {
    const { invoice } = await givenClientInvoice();
    const stranger = await givenClientInvoice();
    await expect(
      startStripeCheckout(ctxOf(db(), stranger.client.actor), { invoiceId: invoice.id, access: { kind: 'session' }, origin: 'http://shop.test' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      startStripeCheckout(ctxOf(db(), stranger.client.actor), {
        invoiceId: invoice.id,
        access: { kind: 'token', token: 'forged' },
        origin: 'http://shop.test',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records the payment from the return page, and the webhooks that follow add nothing', async () => {
    const { invoice, sessionId } = await checkout(4200n);
    const { events } = await stripe().completeSession(sessionId, { deliver: false });
    const outcome = await confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId });
    expect(outcome).toMatchObject({ invoiceStatus: 'paid', gateway: 'paid', balance: 0n });
    for (const event of events) expect((await deliver(JSON.stringify(event))).status).toBe(200);
    const recorded = await paymentsOf(invoice.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ amount: 4200n, method: 'stripe', provider: 'stripe' });
  });

  it('records one payment when the same event arrives 100 times at once', async () => {
    const { invoice, sessionId } = await checkout(5000n);
    const { events } = await stripe().completeSession(sessionId, { deliver: false });
    const completed = JSON.stringify(events.find((e) => e.type === 'checkout.session.completed'));
    const answers = await Promise.all(Array.from({ length: 100 }, () => deliver(completed)));
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(200));
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect((await invoiceRow(invoice.id)).status).toBe('paid');
    const stored = await db()
      .select()
      .from(gatewayEvents)
      .where(eq(gatewayEvents.eventId, JSON.parse(completed).id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.processedAt).not.toBeNull();
  });

  it('records one payment when the return page and the webhook race', async () => {
    for (let round = 0; round < 5; round++) {
      const { invoice, sessionId } = await checkout(1999n);
      const { events } = await stripe().completeSession(sessionId, { deliver: false });
      await Promise.all([
        confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId }),
        ...events.map((event) => deliver(JSON.stringify(event))),
        confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId }),
      ]);
      expect(await paymentsOf(invoice.id)).toHaveLength(1);
      expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid', amountPaid: 1999n });
    }
  });

  it('refuses a forged signature, an old timestamp and a body changed after signing, storing nothing', async () => {
    const { invoice, sessionId } = await checkout(3000n);
    const { events } = await stripe().completeSession(sessionId, { deliver: false });
    const event = events.find((e) => e.type === 'checkout.session.completed')!;
    const payload = JSON.stringify(event);
    const forged = (await import('stripe')).default.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' });
    const stale = stripe().sign(payload, Math.floor(Date.now() / 1000) - 301);
    const tampered = payload.replace('"amount_total":3000', '"amount_total":1');
    const answers = [
      await deliver(payload, forged),
      await deliver(payload, stale),
      await deliver(tampered, stripe().sign(payload)),
      await deliver(payload, ''),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    expect(await db().select().from(gatewayEvents).where(eq(gatewayEvents.eventId, event.id))).toHaveLength(0);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
  });

  it('takes an overpayment onto the credit balance and flags it; an underpayment leaves the invoice partial', async () => {
    const over = await checkout(1000n);
    await stripe().completeSession(over.sessionId, { amount: 1500, deliver: false });
    await confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId: over.sessionId });
    expect(await invoiceRow(over.invoice.id)).toMatchObject({ status: 'paid', amountPaid: 1000n });
    const credit = await db().select().from(creditLedger).where(eq(creditLedger.customerId, over.customer.id));
    expect(credit.map((c) => [c.kind, c.amount])).toEqual([['overpayment', 500n]]);
    const flags = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, over.invoice.id), eq(auditLog.action, 'invoice.payment_mismatch')));
    expect(flags).toHaveLength(1);

    const under = await checkout(1000n);
    await stripe().completeSession(under.sessionId, { amount: 400, deliver: false });
    await confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId: under.sessionId });
    expect(await invoiceRow(under.invoice.id)).toMatchObject({ status: 'partial', amountPaid: 400n });

    const foreign = await checkout(1000n);
    await stripe().completeSession(foreign.sessionId, { currency: 'eur', deliver: false });
    await confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId: foreign.sessionId });
    expect(await invoiceRow(foreign.invoice.id)).toMatchObject({ status: 'pending', amountPaid: 0n });
    const euros = await db().select().from(creditLedger).where(eq(creditLedger.customerId, foreign.customer.id));
    expect(euros.map((c) => [c.kind, c.amount, c.currency])).toEqual([['overpayment', 1000n, 'EUR']]);
  });

  it('takes the overpaid credit back first when the whole overpaid charge is refunded at Stripe', async () => {
    const over = await checkout(1000n);
    const { paymentIntentId } = await stripe().completeSession(over.sessionId, { amount: 1500, deliver: false });
    await confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId: over.sessionId });
    const event = stripe().refundOutsideCashdesk(paymentIntentId);
    expect((await deliver(JSON.stringify(event))).status).toBe(200);
    expect((await deliver(JSON.stringify(event))).status).toBe(200);
    expect(await creditBalance(db(), over.customer.id, 'USD')).toBe(0n);
    expect(await invoiceRow(over.invoice.id)).toMatchObject({ status: 'refunded', amountRefunded: 1000n });
  });

  it('flags the part of an overpaid credit already spent when the charge is refunded', async () => {
    const over = await checkout(1000n);
    const { paymentIntentId } = await stripe().completeSession(over.sessionId, { amount: 1500, deliver: false });
    await confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId: over.sessionId });
    await adjustCredit(ctxOf(db(), systemActor()), { customerId: over.customer.id, amount: -300n, reason: 'spent on another invoice' });
    expect((await deliver(JSON.stringify(stripe().refundOutsideCashdesk(paymentIntentId)))).status).toBe(200);
    expect(await creditBalance(db(), over.customer.id, 'USD')).toBe(0n);
    expect(await invoiceRow(over.invoice.id)).toMatchObject({ status: 'refunded', amountRefunded: 1000n });
    const flags = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, over.invoice.id), eq(auditLog.action, 'invoice.refund_unmatched')));
    expect(flags.map((f) => (f.after as { reason: string }).reason)).toEqual(['$3.00 of the overpaid credit was already spent']);
  });

  it('refunds through Stripe once: the refund webhook after a console refund adds nothing', async () => {
    const { invoice, sessionId } = await checkout(8000n);
    const { paymentIntentId } = await stripe().completeSession(sessionId, { deliver: false });
    await confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId });
    const { refund } = await refundPayment(ctxOf(db(), systemActor()), { invoiceId: invoice.id, amount: 3000n, toCredit: false });
    expect(refund.providerId).toMatch(/^re_/);
    expect([...stripe().refunds.values()].filter((r) => r.payment_intent === paymentIntentId).map((r) => r.amount)).toEqual([3000]);

    const charge = [...stripe().charges.values()].find((c) => c.payment_intent === paymentIntentId)!;
    const refunded = stripe().event('charge.refunded', { ...charge, amount_refunded: 3000, refunded: false });
    expect((await deliver(JSON.stringify(refunded))).status).toBe(200);
    expect(await db().select().from(refunds).where(eq(refunds.invoiceId, invoice.id))).toHaveLength(1);
    expect((await invoiceRow(invoice.id)).amountRefunded).toBe(3000n);
  });

  it('records a refund made in the Stripe dashboard once, however often it is reported', async () => {
    const { invoice, sessionId } = await checkout(6000n);
    const { paymentIntentId } = await stripe().completeSession(sessionId, { deliver: false });
    await confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId });
    const event = stripe().refundOutsideCashdesk(paymentIntentId);
    await Promise.all([deliver(JSON.stringify(event)), deliver(JSON.stringify(event))]);
    const again = stripe().event('charge.refunded', event.data.object as object);
    await deliver(JSON.stringify(again));
    expect(await db().select().from(refunds).where(eq(refunds.invoiceId, invoice.id))).toHaveLength(1);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'refunded', amountRefunded: 6000n });
  });

  it('flags the invoice when a payment is disputed', async () => {
    const { invoice, sessionId } = await checkout(2500n);
    const { paymentIntentId } = await stripe().completeSession(sessionId, { deliver: false });
    await confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId });
    expect((await deliver(JSON.stringify(stripe().createDispute(paymentIntentId)))).status).toBe(200);
    expect((await invoiceRow(invoice.id)).disputedAt).toBeInstanceOf(Date);
    const flagged = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'invoice.disputed')));
    expect(flagged[0]).toMatchObject({ actorType: 'stripe' });
  });

  it('e-mails a card payment link that opens Checkout for the balance with the invoice’s token', async () => {
    const { invoice } = await givenClientInvoice(1500n);
    await sendInvoice(ctxOf(db(), systemActor()), { id: invoice.id, channel: 'email', origin: 'http://shop.test' });
    const [mail] = await db()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.subject, `Invoice ${invoice.number} from Cashdesk`));
    const link = /href="(http:\/\/shop\.test\/pay\/[^"]+\/stripe\?token=[^"]+)"/.exec(mail?.html ?? '')?.[1];
    expect(link, mail?.html).toBeDefined();
    const answer = await cardLink(new Request(link!.replaceAll('&amp;', '&')), { params: Promise.resolve({ id: invoice.id }) });
    expect(answer.status).toBe(303);
    const session = stripe().sessions.get(answer.headers.get('location')!.split('/').pop()!);
    expect(session).toMatchObject({ client_reference_id: invoice.id, amount_total: 1500 });

    const refused = await cardLink(new Request(`http://shop.test/pay/${invoice.id}/stripe?token=wrong`), { params: Promise.resolve({ id: invoice.id }) });
    expect(refused.headers.get('location')).toContain('/pay/return?invoice=');
  });
});
