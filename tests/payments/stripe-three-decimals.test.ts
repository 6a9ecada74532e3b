import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { auditLog, creditLedger, invoices, payments, refunds } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { creditBalance } from '@/server/services/credit/balance';
import { refundPayment } from '@/server/services/payments/refund';
import { startStripeCheckout } from '@/server/services/payments/start-checkout';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { withFakeStripe } from '../support/stripe-env';

// Stripe takes KWD, BHD, JOD, OMR and TND only in multiples of 10 minor units; the fake refuses
// others as Stripe does, so these payments go through the same HTTP boundary as production.
const { db } = withTestDatabase();
const stripe = withFakeStripe('whsec_test_three_decimals');

function deliver(event: Stripe.Event) {
  const payload = JSON.stringify(event);
  return stripeWebhook(
    new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      body: payload,
      headers: { 'stripe-signature': stripe().sign(payload), 'content-type': 'application/json' },
    }),
  );
}

/** A customer billing in `currency` pays an invoice of `total` minor units by card. */
async function payByCard(currency: string, total: bigint) {
  const customer = await givenCustomer(db(), { currency });
  const invoice = await givenInvoice(db(), { customerId: customer.id, total, currency });
  const client = await givenUser(db(), 'client', { customerId: customer.id });
  const url = await startStripeCheckout(ctxOf(db(), client.actor), { invoiceId: invoice.id, access: { kind: 'session' }, origin: 'http://shop.test' });
  const sessionId = url.split('/').pop()!;
  const session = stripe().sessions.get(sessionId)!;
  const { events } = await stripe().completeSession(sessionId, { deliver: false });
  for (const event of events) expect((await deliver(event)).status).toBe(200);
  const [row] = await db().select().from(invoices).where(eq(invoices.id, invoice.id));
  const paid = await db().select().from(payments).where(eq(payments.invoiceId, invoice.id));
  return { customer, invoice: row!, session, paid };
}

const auditsOf = (invoiceId: string, action: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, invoiceId), eq(auditLog.action, action)));

describe('Stripe Checkout in three-decimal currencies', () => {
  it('is refused by Stripe for an amount that is not a multiple of 10 (the fake as the boundary)', async () => {
    const client = new Stripe('sk_test_cashdesk', { host: new URL(stripe().url).hostname, port: new URL(stripe().url).port, protocol: 'http' });
    await expect(
      client.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ quantity: 1, price_data: { currency: 'kwd', unit_amount: 12_345, product_data: { name: 'Invoice' } } }],
        success_url: 'http://shop.test/ok',
      }),
    ).rejects.toMatchObject({ code: 'amount_invalid' });
  });

  it.each([
    ['KWD', 12_345n, 12_350n],
    ['BHD', 1_001n, 1_010n],
    ['JOD', 99_999n, 100_000n],
    ['OMR', 7_777n, 7_780n],
    ['TND', 42_004n, 42_010n],
  ])('charges %s %s as %s, pays the invoice exactly and credits the difference', async (currency, total, charged) => {
    const { customer, invoice, session, paid } = await payByCard(currency, total);
    expect(session).toMatchObject({ amount_total: Number(charged), currency: currency.toLowerCase() });
    expect(invoice).toMatchObject({ status: 'paid', total, amountPaid: total });
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ amount: charged, currency, provider: 'stripe' });
    expect(await creditBalance(db(), customer.id, currency)).toBe(charged - total);
    const [credit] = await db().select().from(creditLedger).where(eq(creditLedger.customerId, customer.id));
    expect(credit).toMatchObject({ kind: 'overpayment', amount: charged - total });
    expect(credit!.reason).toContain(`Stripe charges ${currency} in multiples of 10 minor units`);
    expect(await auditsOf(invoice.id, 'invoice.payment_rounded')).toHaveLength(1);
    expect(await auditsOf(invoice.id, 'invoice.payment_mismatch')).toHaveLength(0);
  });

  it('charges an amount already in tens as it is, and other currencies to the minor unit', async () => {
    for (const [currency, total] of [
      ['KWD', 12_340n],
      ['USD', 12_345n],
    ] as const) {
      const { customer, invoice, session } = await payByCard(currency, total);
      expect(session.amount_total).toBe(Number(total));
      expect(invoice).toMatchObject({ status: 'paid', amountPaid: total });
      expect(await creditBalance(db(), customer.id, currency)).toBe(0n);
      expect(await auditsOf(invoice.id, 'invoice.payment_rounded')).toHaveLength(0);
    }
  });

  it('refunds to the card only in tens, refusing other amounts with a field error before asking Stripe', async () => {
    const { invoice } = await payByCard('KWD', 20_000n);
    const ctx = ctxOf(db(), systemActor());
    const asked = stripe().requests.filter((r) => r.path === '/v1/refunds').length;
    await expect(refundPayment(ctx, { invoiceId: invoice.id, amount: 1_005n, toCredit: false })).rejects.toMatchObject({
      code: 'validation',
      fields: { amount: 'must be a multiple of 10 minor units for a card refund in KWD; refund the rest to credit' },
    });
    expect(stripe().requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(asked);
    expect(await db().select().from(refunds).where(eq(refunds.invoiceId, invoice.id))).toHaveLength(0);

    await refundPayment(ctx, { invoiceId: invoice.id, amount: 1_000n, toCredit: false });
    const [refund] = [...stripe().refunds.values()].filter((r) => r.currency === 'kwd');
    expect(refund).toMatchObject({ amount: 1_000 });
  });
});
