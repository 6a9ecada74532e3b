import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { auditLog, creditLedger, invoiceNotifications, invoices, payments } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { addDays } from '@/server/billing/periods';
import { runDunning } from '@/server/services/billing-runs/run-dunning';
import { applyCredit } from '@/server/services/credit/apply';
import { creditBalance } from '@/server/services/credit/balance';
import { startTopUp } from '@/server/services/credit/top-up';
import { consolidateInvoices } from '@/server/services/invoices/consolidate';
import { createInvoice } from '@/server/services/invoices/create';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { startStripeCheckout } from '@/server/services/payments/start-checkout';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';
import { withFakeStripe } from '../support/stripe-env';

const { db } = withTestDatabase();
const secret = 'whsec_test_cashdesk_secret';
const stripe = withFakeStripe(secret);

const deliver = (event: unknown) => {
  const payload = JSON.stringify(event);
  return stripeWebhook(
    new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      body: payload,
      headers: { 'stripe-signature': stripe().sign(payload), 'content-type': 'application/json' },
    }),
  );
};

async function givenClient(currency = 'USD') {
  const customer = await givenCustomer(db(), { currency });
  const client = await givenUser(db(), 'client', { customerId: customer.id });
  return { customer, ctx: ctxOf(db(), client.actor, testNow) };
}

describe('topping up credit', () => {
  it('issues a pending top-up invoice that a card pays; the webhook delivered twice credits once', async () => {
    const { customer, ctx } = await givenClient();
    const invoice = await startTopUp(ctx, { customerId: customer.id, amount: 5000n });
    expect(invoice).toMatchObject({ status: 'pending', purpose: 'top_up', total: 5000n, taxTotal: 0n, dueDate: invoice.issueDate });
    expect(invoice.lines.map((line) => line.description)).toEqual(['Account credit top-up']);
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(0n);

    const url = await startStripeCheckout(ctx, { invoiceId: invoice.id, access: { kind: 'session' }, origin: 'http://shop.test' });
    const { events } = await stripe().completeSession(url.split('/').pop()!, { deliver: false });
    for (const event of [...events, ...events]) expect((await deliver(event)).status).toBe(200);

    expect(await creditBalance(db(), customer.id, 'USD')).toBe(5000n);
    const entries = await db().select().from(creditLedger).where(eq(creditLedger.customerId, customer.id));
    expect(entries).toMatchObject([{ kind: 'top_up', amount: 5000n, invoiceId: invoice.id, reason: 'Account credit top-up' }]);
    expect(await db().select().from(payments).where(eq(payments.invoiceId, invoice.id))).toMatchObject([{ method: 'stripe', amount: 5000n }]);
    expect((await db().select().from(invoices).where(eq(invoices.id, invoice.id)))[0]!.status).toBe('paid');
    const audited = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, customer.id));
    expect(audited.filter((row) => row.action === 'customer.credit_topped_up')).toHaveLength(1);
  });

  it('keeps a top-up between 5 and 10,000 of the customer’s currency', async () => {
    const { customer, ctx } = await givenClient('JPY');
    await expect(startTopUp(ctx, { customerId: customer.id, amount: 4n })).rejects.toMatchObject({
      code: 'validation',
      fields: { amount: 'must be 5–10000 JPY' },
    });
    await expect(startTopUp(ctx, { customerId: customer.id, amount: 10_001n })).rejects.toMatchObject({ code: 'validation' });
    expect((await startTopUp(ctx, { customerId: customer.id, amount: 10_000n })).total).toBe(10_000n);
  });

  it('gives a top-up back only as money and only while its credit is unspent, taking that credit back', async () => {
    const { customer, ctx } = await givenClient();
    const desk = ctxOf(db(), systemActor(), testNow);
    const topUp = await startTopUp(ctx, { customerId: customer.id, amount: 5000n });
    await recordPayment(desk, { invoiceId: topUp.id, amount: 5000n, method: 'bank_transfer' });
    // 30.00 of the credit pays an invoice.
    const spent = await createInvoice(desk, {
      customerId: customer.id,
      status: 'pending',
      items: [{ description: 'Hosting', quantity: 1000n, unitPrice: 3000n, taxRate: 0n }],
    });
    await applyCredit(desk, { id: spent.id });
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(2000n);

    await expect(refundPayment(desk, { invoiceId: topUp.id, amount: 5000n, toCredit: false })).rejects.toMatchObject({
      code: 'invalid_state',
      fields: { amount: 'must be at most the unspent credit, $20.00' },
    });
    await expect(refundPayment(desk, { invoiceId: topUp.id, amount: 1000n, toCredit: true })).rejects.toMatchObject({ code: 'invalid_state' });
    await refundPayment(desk, { invoiceId: topUp.id, amount: 2000n, toCredit: false });
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(0n);
    const payout = await db().select().from(creditLedger).where(eq(creditLedger.invoiceId, topUp.id));
    expect(payout.map((e) => [e.kind, e.amount])).toEqual([
      ['top_up', 5000n],
      ['payout', -2000n],
    ]);
  });

  it('is never folded into a consolidated invoice', async () => {
    const { customer, ctx } = await givenClient();
    const desk = ctxOf(db(), systemActor(), testNow);
    await startTopUp(ctx, { customerId: customer.id, amount: 1000n });
    const open = () =>
      createInvoice(desk, { customerId: customer.id, status: 'pending', items: [{ description: 'Hosting', quantity: 1000n, unitPrice: 700n, taxRate: 0n }] });
    await open();
    await expect(consolidateInvoices(desk, { customerId: customer.id })).rejects.toMatchObject({ code: 'invalid_state' });
    await open();
    expect((await consolidateInvoices(desk, { customerId: customer.id })).total).toBe(1400n);
  });

  it('is not chased by dunning when left unpaid, as an invoice due the same day is', async () => {
    const { customer, ctx } = await givenClient();
    const desk = ctxOf(db(), systemActor(), testNow);
    const topUp = await startTopUp(ctx, { customerId: customer.id, amount: 1000n });
    const owed = await createInvoice(desk, {
      customerId: customer.id,
      status: 'pending',
      issueDate: topUp.issueDate,
      dueDate: topUp.dueDate,
      items: [{ description: 'Hosting', quantity: 1000n, unitPrice: 700n, taxRate: 0n }],
    });
    const day = addDays(topUp.dueDate, 1);
    await runDunning(ctxOf(db(), systemActor(), new Date(`${day}T12:00:00Z`)), { date: day, origin: 'https://billing.example.test' });
    const told = (invoiceId: string) =>
      db().select({ channel: invoiceNotifications.channel }).from(invoiceNotifications).where(eq(invoiceNotifications.invoiceId, invoiceId));
    expect(await told(owed.id)).toEqual([{ channel: 'email' }]);
    expect(await told(topUp.id)).toEqual([]);
  });

  it('never pays a top-up from the credit it would buy', async () => {
    const { customer, ctx } = await givenClient();
    const invoice = await startTopUp(ctx, { customerId: customer.id, amount: 1000n });
    await expect(recordPayment(ctxOf(db(), systemActor(), testNow), { invoiceId: invoice.id, amount: 1000n, method: 'credit' })).rejects.toMatchObject({
      code: 'invalid_state',
      message: 'A top-up buys credit; it cannot be paid from credit',
    });
  });

  it('tops up only the client’s own account', async () => {
    const mine = await givenClient();
    const theirs = await givenClient();
    await expect(startTopUp(mine.ctx, { customerId: theirs.customer.id, amount: 1000n })).rejects.toMatchObject({ code: 'not_found' });
  });
});
