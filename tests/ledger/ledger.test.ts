import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { ledgerTransactions, payments, refunds } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { adjustCredit } from '@/server/services/credit/adjust';
import { listTransactions } from '@/server/services/ledger/list-transactions';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { startStripeCheckout } from '@/server/services/payments/start-checkout';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { withFakeStripe } from '../support/stripe-env';

const { db } = withTestDatabase();
const secret = 'whsec_test_cashdesk_ledger';
const stripe = withFakeStripe(secret);

const ledgerOf = (invoiceId: string) =>
  db()
    .select()
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.invoiceId, invoiceId))
    .orderBy(asc(ledgerTransactions.createdAt), asc(ledgerTransactions.type));

/** A pending invoice of a customer in a reseller's book, and the admin who takes its money. */
async function givenResellerInvoice(total = 5000n) {
  const reseller = await givenUser(db(), 'reseller');
  const admin = await givenUser(db(), 'admin');
  const customer = await givenCustomer(db(), {}, { actor: reseller.actor });
  const invoice = await givenInvoice(db(), { customerId: customer.id, total });
  return { reseller, admin, customer, invoice };
}

describe('the ledger row of a money movement', () => {
  it('writes one income row for a manual payment, in the book of the customer’s reseller, named after who recorded it', async () => {
    const { reseller, admin, customer, invoice } = await givenResellerInvoice();
    const { payment } = await recordPayment(ctxOf(db(), admin.actor, testNow), {
      invoiceId: invoice.id,
      amount: 2000n,
      method: 'bank_transfer',
      reference: 'WIRE-77',
    });
    expect(await ledgerOf(invoice.id)).toEqual([
      expect.objectContaining({
        type: 'income',
        amount: 2000n,
        currency: 'USD',
        invoiceId: invoice.id,
        paymentId: payment.id,
        refundId: null,
        customerId: customer.id,
        resellerId: reseller.id,
        reference: 'WIRE-77',
        actor: admin.actor.label,
        createdAt: testNow,
      }),
    ]);
  });

  it('writes one refund row for a refund, beside the payment’s income row', async () => {
    const { admin, invoice } = await givenResellerInvoice();
    const { payment } = await recordPayment(ctxOf(db(), admin.actor, testNow), { invoiceId: invoice.id, amount: 5000n, method: 'cash' });
    const { refund } = await refundPayment(ctxOf(db(), admin.actor, new Date(testNow.getTime() + 60_000)), {
      invoiceId: invoice.id,
      amount: 1500n,
      toCredit: false,
      reason: 'Goodwill',
    });
    const rows = await ledgerOf(invoice.id);
    expect(rows.map((r) => [r.type, r.amount, r.paymentId, r.refundId, r.reference])).toEqual([
      ['income', 5000n, payment.id, null, null],
      ['refund', 1500n, payment.id, refund.id, 'Goodwill'],
    ]);
  });

  it('leaves no row when the movement it records is rolled back, and none without a movement', async () => {
    const { admin, invoice } = await givenResellerInvoice();
    const ctx = ctxOf(db(), admin.actor, testNow);
    await expect(
      db().transaction(async (tx) => {
        await recordPayment({ ...ctx, db: tx }, { invoiceId: invoice.id, amount: 5000n, method: 'cash' });
        throw new Error('the request failed after the payment');
      }),
    ).rejects.toThrow('the request failed after the payment');
    expect(await db().select().from(payments).where(eq(payments.invoiceId, invoice.id))).toEqual([]);
    expect(await ledgerOf(invoice.id)).toEqual([]);

    await recordPayment(ctx, { invoiceId: invoice.id, amount: 5000n, method: 'cash' });
    await expect(
      db().transaction(async (tx) => {
        await refundPayment({ ...ctx, db: tx }, { invoiceId: invoice.id, amount: 1000n, toCredit: false });
        throw new Error('the request failed after the refund');
      }),
    ).rejects.toThrow('the request failed after the refund');
    expect(await db().select().from(refunds).where(eq(refunds.invoiceId, invoice.id))).toEqual([]);
    expect((await ledgerOf(invoice.id)).map((r) => r.type)).toEqual(['income']);

    // A refused payment (more than the balance) moves nothing and writes nothing.
    await expect(recordPayment(ctx, { invoiceId: invoice.id, amount: 1n, method: 'cash' })).rejects.toMatchObject({ code: 'invalid_state' });
    expect((await ledgerOf(invoice.id)).map((r) => r.type)).toEqual(['income']);
  });

  it('writes a credit row for credit granted by hand, and none for a debit', async () => {
    const { reseller, admin, customer } = await givenResellerInvoice();
    const ctx = ctxOf(db(), admin.actor, testNow);
    await adjustCredit(ctx, { customerId: customer.id, amount: 700n, reason: 'Outage apology' });
    await adjustCredit(ctx, { customerId: customer.id, amount: -200n, reason: 'Correction' });
    const rows = await db().select().from(ledgerTransactions).where(eq(ledgerTransactions.customerId, customer.id));
    expect(rows).toEqual([
      expect.objectContaining({
        type: 'credit',
        amount: 700n,
        currency: 'USD',
        invoiceId: null,
        resellerId: reseller.id,
        reference: 'Outage apology',
        actor: admin.actor.label,
      }),
    ]);
  });
});

describe('a Stripe payment', () => {
  function deliver(payload: string) {
    return stripeWebhook(
      new Request('http://localhost/api/webhooks/stripe', {
        method: 'POST',
        body: payload,
        headers: { 'stripe-signature': stripe().sign(payload), 'content-type': 'application/json' },
      }),
    );
  }

  it('writes one income row as stripe, even when the webhook is delivered twice at once', async () => {
    const { customer, invoice, reseller } = await givenResellerInvoice(4200n);
    const client = await givenUser(db(), 'client', { customerId: customer.id });
    const url = await startStripeCheckout(ctxOf(db(), client.actor), { invoiceId: invoice.id, access: { kind: 'session' }, origin: 'http://shop.test' });
    const { events } = await stripe().completeSession(url.split('/').pop()!, { deliver: false });
    const completed = JSON.stringify(events.find((e) => e.type === 'checkout.session.completed'));
    const answers = await Promise.all([deliver(completed), deliver(completed)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const [payment] = await db().select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(await ledgerOf(invoice.id)).toEqual([
      expect.objectContaining({ type: 'income', amount: 4200n, paymentId: payment!.id, customerId: customer.id, resellerId: reseller.id, actor: 'stripe' }),
    ]);
  });
});

describe('reading the ledger', () => {
  it('is refused to a client and to staff without reports.view', async () => {
    const { customer } = await givenResellerInvoice();
    const client = await givenUser(db(), 'client', { customerId: customer.id });
    const staff = await givenUser(db(), 'staff', { permissions: ['invoices.view'] });
    for (const actor of [client.actor, staff.actor]) {
      await expect(listTransactions(ctxOf(db(), actor, testNow), { limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
    }
    const reporter = await givenUser(db(), 'staff', { permissions: ['reports.view'] });
    await expect(listTransactions(ctxOf(db(), reporter.actor, testNow), { limit: 10 })).resolves.toMatchObject({ items: expect.any(Array) });
    await expect(listTransactions(ctxOf(db(), systemActor(), testNow), { limit: 10 })).resolves.toMatchObject({ items: expect.any(Array) });
  });
});
