import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { auditLog, creditLedger, invoices, payments } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { creditBalance } from '@/server/services/credit/balance';
import { startTopUp } from '@/server/services/credit/top-up';
import { recordPayment } from '@/server/services/payments/record';
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
