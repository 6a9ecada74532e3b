import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invoices, refunds } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { creditBalance } from '@/server/services/credit/balance';
import { consolidateInvoices } from '@/server/services/invoices/consolidate';
import { correctInvoice } from '@/server/services/invoices/correct';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice } from '../support/fixtures';

const { db } = withTestDatabase();
const now = () => ctxOf(db(), systemActor(), new Date('2027-01-31T10:00:00Z'));
const creditNote = (invoiceId: string, amount: bigint) =>
  correctInvoice(now(), {
    invoiceId,
    kind: 'credit_note',
    items: [{ description: 'Goodwill', quantity: 1000n, unitPrice: amount, taxRate: 0n }],
    reason: 'SLA',
  });

async function givenPaid(total: bigint) {
  const customer = await givenCustomer(db());
  const invoice = await givenInvoice(db(), { customerId: customer.id, total });
  await recordPayment(now(), { invoiceId: invoice.id, amount: total, method: 'card' });
  return { customer, invoice };
}

const refunded = async (invoiceId: string) =>
  (await db().select().from(refunds).where(eq(refunds.invoiceId, invoiceId))).reduce((sum, r) => sum + r.amount, 0n);

describe('an invoice never gives back more than it took', () => {
  it('refuses a refund of money a credit note already put on the balance', async () => {
    const { customer, invoice } = await givenPaid(1000n);
    await creditNote(invoice.id, 1000n);
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(1000n);
    await expect(refundPayment(now(), { invoiceId: invoice.id, toCredit: false })).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(refundPayment(now(), { invoiceId: invoice.id, amount: 1n, toCredit: false })).rejects.toMatchObject({ code: 'invalid_state' });
    expect(await refunded(invoice.id)).toBe(0n);
  });

  it('refuses to refund a credit note itself, as a state and not a bad amount', async () => {
    const { invoice } = await givenPaid(1000n);
    const note = await creditNote(invoice.id, 400n);
    await expect(refundPayment(now(), { invoiceId: note.id, toCredit: false })).rejects.toMatchObject({
      code: 'invalid_state',
      message: 'A credit note is not refunded; its amount is already the customer’s credit',
    });
    expect(await refunded(note.id)).toBe(0n);
  });

  it('refunds only what a partial credit note left, and then refuses another credit note', async () => {
    const { customer, invoice } = await givenPaid(1000n);
    await creditNote(invoice.id, 300n);
    await expect(refundPayment(now(), { invoiceId: invoice.id, amount: 701n, toCredit: false })).rejects.toMatchObject({ code: 'conflict' });
    await refundPayment(now(), { invoiceId: invoice.id, amount: 700n, toCredit: false });
    await expect(creditNote(invoice.id, 1n)).rejects.toMatchObject({ code: 'conflict' });
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(300n);
    expect(await refunded(invoice.id)).toBe(700n);
  });

  it('refuses a credit note onto the balance after the money was refunded', async () => {
    const { customer, invoice } = await givenPaid(1000n);
    await refundPayment(now(), { invoiceId: invoice.id, amount: 600n, toCredit: false });
    await expect(creditNote(invoice.id, 500n)).rejects.toMatchObject({ code: 'conflict', fields: { items: expect.any(String) } });
    await creditNote(invoice.id, 400n);
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(400n);
  });

  it('still settles an unpaid invoice with a credit note, which leaves nothing to refund', async () => {
    const customer = await givenCustomer(db());
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 1000n });
    await creditNote(invoice.id, 1000n);
    const [row] = await db().select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(row).toMatchObject({ status: 'paid', amountPaid: 1000n, amountCredited: 1000n });
    await expect(refundPayment(now(), { invoiceId: invoice.id, toCredit: false })).rejects.toMatchObject({ code: 'invalid_state' });
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(0n);
  });

  it('refunds a merged invoice only through the invoice it was merged into', async () => {
    const customer = await givenCustomer(db());
    const source = await givenInvoice(db(), { customerId: customer.id, total: 1000n });
    await givenInvoice(db(), { customerId: customer.id, total: 2000n });
    await recordPayment(now(), { invoiceId: source.id, amount: 400n, method: 'cash' });
    await consolidateInvoices(now(), { customerId: customer.id });
    await expect(refundPayment(now(), { invoiceId: source.id, toCredit: false })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('merged'),
    });
    expect(await refunded(source.id)).toBe(0n);
  });

  it('answers a refund of a payment already refunded in full with a refusal, not a crash', async () => {
    const customer = await givenCustomer(db());
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 1000n });
    const first = await recordPayment(now(), { invoiceId: invoice.id, amount: 400n, method: 'cash' });
    await recordPayment(now(), { invoiceId: invoice.id, amount: 600n, method: 'cash' });
    await refundPayment(now(), { invoiceId: invoice.id, paymentId: first.payment.id, toCredit: false });
    await expect(refundPayment(now(), { invoiceId: invoice.id, paymentId: first.payment.id, toCredit: false })).rejects.toMatchObject({
      code: 'invalid_state',
      fields: { payment_id: 'is already refunded in full' },
    });
  });

  it('is held by the database too: refunds and credits beyond what was paid violate a CHECK', async () => {
    const { invoice } = await givenPaid(1000n);
    await expect(db().update(invoices).set({ amountRefunded: 600n, amountCredited: 500n }).where(eq(invoices.id, invoice.id))).rejects.toMatchObject({
      cause: { constraint_name: 'invoices_gives_back_within_paid_ck' },
    });
  });
});
