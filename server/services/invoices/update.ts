import { eq } from 'drizzle-orm';
import { invoiceLines, invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { parseMilli } from '@/server/billing/decimal';
import { invoiceTransition } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import type { UpdateInvoiceInput } from '@/server/schemas/invoices';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { readBillingSettings } from '@/server/services/settings/read';
import { addresseeOf } from './snapshot';
import { insertLines, loadInvoice, lockInvoice, moneyOf, priceItems, type InvoiceView } from './store';

/**
 * Edits a draft freely, or a finalized invoice while nothing is paid (its number stays; its
 * addressee, frozen at numbering, may be corrected). Paid and partly paid invoices are locked:
 * they are corrected with credit or debit notes.
 */
export async function updateInvoice(ctx: ServiceContext, input: UpdateInvoiceInput & { id: string }): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.edit');
  return ctx.db.transaction(async (tx) => {
    const locked = await lockInvoice(tx, ctx.actor.scope, input.id);
    const next = invoiceTransition(moneyOf(locked), 'edit');
    if (!next.ok) throw new AppError(next.code, next.message);
    const before = await loadInvoice(tx, { kind: 'all' }, locked.id);
    const issueDate = input.issueDate ?? locked.issueDate;
    const dueDate = input.dueDate ?? locked.dueDate;
    if (dueDate < issueDate) throw new AppError('validation', 'The due date is before the issue date', { due_date: 'must not be before the issue date' });
    if (input.currency && input.currency !== locked.currency && locked.status !== 'draft') {
      throw new AppError('invalid_state', 'The currency of a finalized invoice cannot change', { currency: 'is fixed once the invoice is finalized' });
    }
    // A draft is addressed to the customer as it is until its number freezes that.
    if (input.customerSnapshot && locked.status === 'draft') {
      throw new AppError('validation', 'A draft has no addressee of its own yet', {
        customer_snapshot: 'can be changed once the invoice is finalized; a draft shows the customer as it is',
      });
    }

    const changes: Partial<typeof invoices.$inferInsert> = {
      issueDate,
      dueDate,
      currency: input.currency ?? locked.currency,
      updatedAt: ctx.now,
    };
    if (input.notes !== undefined) changes.notes = input.notes;
    if (input.poNumber !== undefined) changes.poNumber = input.poNumber;
    if (input.customerSnapshot) {
      // Fields left out stay as they are; one numbered before snapshots existed starts from the customer.
      const sent = Object.entries(input.customerSnapshot).filter(([, value]) => value !== undefined);
      changes.customerSnapshot = { ...(await addresseeOf(tx, locked)), ...Object.fromEntries(sent) };
    }
    if (input.items) {
      const settings = await readBillingSettings(tx);
      const { lines, totals } = priceItems(input.items, locked.taxMode, parseMilli(settings.tax_rate)!);
      await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, locked.id));
      await insertLines(tx, locked.id, lines);
      Object.assign(changes, { subtotal: totals.subtotal, taxTotal: totals.tax, total: totals.total });
    }
    await tx.update(invoices).set(changes).where(eq(invoices.id, locked.id));
    const after = await loadInvoice(tx, { kind: 'all' }, locked.id);
    await audit(tx, ctx.actor, 'invoice.updated', { type: 'invoice', id: locked.id }, { before, after });
    return after;
  });
}
