import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoiceLines, invoices } from '@/db/schema';
import { MILLI } from '@/server/billing/decimal';
import { awaitingPayment, returnableOf } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import type { BillingSettings } from '@/server/schemas/settings';
import { issueDocument } from '@/server/services/invoices/issue-document';
import { moneyOf, type InvoiceRow } from '@/server/services/invoices/store';

// What a plan change and a seat change share (DESIGN.md §4 proration): the guard against
// crediting an unpaid change, the cap on a credit, and the documents that bill or credit it.

/**
 * The invoice that paid for a service's period: the one whose line billed it, or the invoice
 * that one was merged into. Locked, as money is about to be credited against it.
 */
async function periodInvoice(tx: Database, serviceId: string, periodStart: string): Promise<InvoiceRow | null> {
  const [line] = await tx
    .select({ invoiceId: invoiceLines.invoiceId, mergedInto: invoices.consolidatedIntoId })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoiceLines.serviceId, serviceId), eq(invoices.kind, 'invoice'), eq(invoiceLines.periodStart, periodStart)));
  if (!line) return null;
  const [payer] = await tx
    .select()
    .from(invoices)
    .where(eq(invoices.id, line.mergedInto ?? line.invoiceId))
    .for('update');
  return payer ?? null;
}

/**
 * What a credit of `amount` for the rest of a period may give back: no more than the invoice
 * that billed the period took in and has not returned — a period paid by nothing (unpaid, a
 * credit note, an approval before payment) or already refunded credits nothing.
 */
export async function periodCredit(
  tx: Database,
  serviceId: string,
  periodStart: string,
  amount: bigint,
): Promise<{ payer: InvoiceRow | null; credit: bigint }> {
  const payer = await periodInvoice(tx, serviceId, periodStart);
  const paidFor = payer ? returnableOf(moneyOf(payer)) : 0n;
  return { payer, credit: amount < paidFor ? amount : paidFor };
}

/**
 * A credit for the rest of the period may only give back what was paid for it: with an earlier
 * change's proration invoice still unpaid, the current price was never paid, and crediting
 * against it would credit an increase the customer never paid for.
 */
export async function refuseUnpaidProration(tx: Database, orderId: string): Promise<void> {
  const [unpaid] = await tx
    .select({ number: invoices.number })
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), eq(invoices.purpose, 'proration'), eq(invoices.kind, 'invoice'), inArray(invoices.status, [...awaitingPayment])));
  if (unpaid) throw new AppError('invalid_state', `The earlier change (${unpaid.number}) is not paid yet; it must be paid or cancelled first`);
}

/**
 * The items of the document a proration issues: one line, the charge (an invoice) or the credit
 * (a credit note); none when it nets to nothing. The same items price a preview and the document.
 */
export const prorationItems = (description: string, amount: bigint) => (amount > 0n ? [{ description, quantity: MILLI, unitPrice: amount }] : []);

/**
 * Bills a positive proration (a pending proration invoice, numbered now) or credits a capped one
 * (a credit note on the credit balance, counted against the invoice that paid the period).
 */
export async function issueProration(
  tx: Database,
  input: {
    service: { customerId: string; currency: string; orderId: string };
    description: string;
    charge: bigint;
    credit: bigint;
    payer: InvoiceRow | null;
    today: string;
    now: Date;
    settings: BillingSettings;
  },
): Promise<{ invoiceId: string | null; creditNoteId: string | null }> {
  const common = {
    customerId: input.service.customerId,
    currency: input.service.currency,
    orderId: input.service.orderId,
    purpose: 'proration' as const,
    today: input.today,
    now: input.now,
    settings: input.settings,
  };
  if (input.charge > 0n) {
    const invoice = await issueDocument(tx, { ...common, kind: 'invoice', items: prorationItems(input.description, input.charge) });
    return { invoiceId: invoice.id, creditNoteId: null };
  }
  if (input.credit > 0n && input.payer) {
    const note = await issueDocument(tx, {
      ...common,
      kind: 'credit_note',
      correctsInvoiceId: input.payer.id,
      items: prorationItems(input.description, input.credit),
      credit: true,
    });
    await tx
      .update(invoices)
      .set({ amountCredited: input.payer.amountCredited + input.credit, updatedAt: input.now })
      .where(eq(invoices.id, input.payer.id));
    return { invoiceId: null, creditNoteId: note.id };
  }
  return { invoiceId: null, creditNoteId: null };
}
