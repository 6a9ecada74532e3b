import { and, eq, inArray, sql } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import { sumBigint } from '@/db/sql';
import { requirePermission } from '@/server/auth/actor';
import { canCorrect, creditNoteSplit } from '@/server/billing/invoice-status';
import { toPlainDate } from '@/server/billing/periods';
import { AppError } from '@/server/errors';
import type { InvoiceItemInput } from '@/server/schemas/invoices';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { customerDefaultRate } from '@/server/services/customers/tax-rate';
import { recordPayment } from '@/server/services/payments/record';
import { writeOrPreview } from '@/server/services/preview';
import { readBillingSettings } from '@/server/services/settings/read';
import { issueDocument } from './issue-document';
import { loadInvoice, lockInvoiceAndCustomer, moneyOf, priceItems, type InvoiceView } from './store';

type CorrectionInput = { invoiceId: string; kind: 'credit_note' | 'debit_note'; items: InvoiceItemInput[]; reason: string; preview?: boolean | undefined };

/** The note issued, and the invoice it corrects as the note leaves it (what a credit note settled on it). */
export type Correction = { document: InvoiceView; corrected: InvoiceView };

/** The note a correction issues (see issueCorrection). */
export async function correctInvoice(ctx: ServiceContext, input: CorrectionInput): Promise<InvoiceView> {
  return (await issueCorrection(ctx, input)).document;
}

/**
 * A credit note (less) or debit note (more) against a finalized invoice, the only way to change
 * one that money was received for. A credit note's amount goes onto the credit balance and at
 * once settles what is still open on the invoice; a debit note is a new document to pay. A
 * preview answers with both as they would be and writes nothing.
 */
export async function issueCorrection(ctx: ServiceContext, input: CorrectionInput): Promise<Correction> {
  requirePermission(ctx.actor, 'invoices.edit');
  return writeOrPreview(ctx.db, input.preview, async (tx) => {
    const original = await lockInvoiceAndCustomer(tx, ctx.actor.scope, input.invoiceId);
    if (!canCorrect(original)) {
      throw new AppError('invalid_state', `A ${original.status} ${original.kind.replace('_', ' ')} cannot be corrected`);
    }
    const settings = await readBillingSettings(tx);
    let settles = 0n;
    if (input.kind === 'credit_note') {
      const [credited] = await tx
        .select({ total: sumBigint(invoices.total) })
        .from(invoices)
        .where(and(eq(invoices.correctsInvoiceId, original.id), inArray(invoices.kind, ['credit_note'])));
      // Priced as issueDocument prices the note: a line without a rate takes the customer's.
      const { totals } = priceItems(input.items, original.taxMode, await customerDefaultRate(tx, original.customerId, settings));
      if (totals.total > original.total - credited!.total) {
        throw new AppError('conflict', 'Credit notes cannot credit more than the invoice total', { items: 'add up to more than is left to credit' });
      }
      const split = creditNoteSplit(moneyOf(original), totals.total);
      if (!split.ok) throw new AppError(split.code, split.message, split.fields);
      settles = split.value.settles;
    }
    const document = await issueDocument(tx, {
      kind: input.kind,
      customerId: original.customerId,
      currency: original.currency,
      orderId: original.orderId,
      correctsInvoiceId: original.id,
      purpose: 'correction',
      items: input.items,
      notes: input.reason,
      today: toPlainDate(ctx.now),
      now: ctx.now,
      settings,
      credit: true,
    });
    if (settles > 0n) {
      await recordPayment({ ...ctx, db: tx }, { invoiceId: original.id, amount: settles, method: 'credit', reference: document.number ?? undefined });
    }
    if (input.kind === 'credit_note') {
      await tx
        .update(invoices)
        .set({ amountCredited: sql`${invoices.amountCredited} + ${document.total}`, updatedAt: ctx.now })
        .where(eq(invoices.id, original.id));
    }
    await audit(
      tx,
      ctx.actor,
      `invoice.${input.kind}_issued`,
      { type: 'invoice', id: original.id },
      {
        after: { documentId: document.id, number: document.number, total: document.total, reason: input.reason },
      },
    );
    return { document: await loadInvoice(tx, { kind: 'all' }, document.id), corrected: await loadInvoice(tx, { kind: 'all' }, original.id) };
  });
}
