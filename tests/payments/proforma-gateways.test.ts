import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { creditLedger, invoices, payments } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { createInvoice } from '@/server/services/invoices/create';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { confirmStripeReturn } from '@/server/services/payments/confirm';
import { startStripeCheckout } from '@/server/services/payments/start-checkout';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';
import { withFakeStripe } from '../support/stripe-env';

// A proforma paid by card: the gateway's paths (webhook redeliveries, the return page) race, and
// the proforma still becomes one invoice holding one payment (docs/documents.md).

const { db } = withTestDatabase();
const secret = 'whsec_test_cashdesk_proforma';
const stripe = withFakeStripe(secret);

const deliver = (payload: string) =>
  stripeWebhook(
    new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      body: payload,
      headers: { 'stripe-signature': stripe().sign(payload), 'content-type': 'application/json' },
    }),
  );

/** A customer's pending proforma of one line, its client on Stripe Checkout for it. */
async function givenProformaAtCheckout(description: string, unitPrice: bigint) {
  const customer = await givenCustomer(db(), { currency: 'USD' });
  const client = await givenUser(db(), 'client', { customerId: customer.id });
  const proforma = await createInvoice(ctxOf(db(), systemActor()), {
    customerId: customer.id,
    kind: 'proforma',
    status: 'pending',
    items: [{ description, quantity: 1000n, unitPrice, taxRate: 0n }],
  });
  const url = await startStripeCheckout(ctxOf(db(), client.actor), { invoiceId: proforma.id, access: { kind: 'session' }, origin: 'http://shop.test' });
  return { customer, proforma, sessionId: url.split('/').pop()! };
}

describe('a proforma paid through Stripe', () => {
  it('converts once, holding the one payment, when webhooks and the return page race', async () => {
    for (let round = 0; round < 3; round++) {
      const { customer, proforma, sessionId } = await givenProformaAtCheckout('Annual licence', 7_500n);
      const { events } = await stripe().completeSession(sessionId, { deliver: false });
      const answers = await Promise.all([
        confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId }),
        ...events.flatMap((event) => Array.from({ length: 5 }, () => deliver(JSON.stringify(event)))),
        confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId }),
      ]);
      expect(answers.filter((a) => a instanceof Response && a.status !== 200)).toEqual([]);

      const converted = await db().select().from(invoices).where(eq(invoices.proformaId, proforma.id));
      expect(converted).toHaveLength(1);
      expect(converted[0]).toMatchObject({ kind: 'invoice', status: 'paid', amountPaid: 7_500n });
      const [after] = await db().select().from(invoices).where(eq(invoices.id, proforma.id));
      expect(after).toMatchObject({ status: 'paid', convertedInvoiceId: converted[0]!.id });
      const received = await db().select().from(payments).where(eq(payments.customerId, customer.id));
      expect(received).toMatchObject([{ invoiceId: converted[0]!.id, amount: 7_500n, method: 'stripe' }]);
    }
  });

  it('records a card payment arriving after the desk marked it paid on the invoice it became, the money to credit', async () => {
    const { customer, proforma, sessionId } = await givenProformaAtCheckout('Setup', 3_000n);
    await markInvoicePaid(ctxOf(db(), systemActor()), { id: proforma.id, method: 'bank_transfer' });
    const { events } = await stripe().completeSession(sessionId, { deliver: false });
    for (const event of events) expect((await deliver(JSON.stringify(event))).status).toBe(200);

    const [converted] = await db().select().from(invoices).where(eq(invoices.proformaId, proforma.id));
    const received = await db().select({ invoiceId: payments.invoiceId, method: payments.method }).from(payments).where(eq(payments.customerId, customer.id));
    expect(received.sort((a, b) => a.method.localeCompare(b.method))).toEqual([
      { invoiceId: converted!.id, method: 'bank_transfer' },
      { invoiceId: converted!.id, method: 'stripe' },
    ]);
    const credited = await db()
      .select({ kind: creditLedger.kind, amount: creditLedger.amount })
      .from(creditLedger)
      .where(eq(creditLedger.customerId, customer.id));
    expect(credited).toEqual([{ kind: 'overpayment', amount: 3_000n }]);
  });
});
