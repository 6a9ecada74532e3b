import { invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { addDays, toPlainDate } from '@/server/billing/periods';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { readBillingSettings } from '@/server/services/settings/read';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';
import { copyLinesWithoutServices } from './convert-proforma';
import { loadInvoice, type InvoiceView } from './store';

/**
 * Duplicate: a new draft for the same customer with the same lines, currency, tax mode and
 * notes, issued today and due after the usual payment terms. Its number, payments, order and
 * desk notes stay with the original, and its lines bill no service (the original's periods stay
 * billed by it).
 */
export async function duplicateInvoice(ctx: ServiceContext, input: { id: string }): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.create');
  return ctx.db.transaction(async (tx) => {
    const source = await loadInvoice(tx, ctx.actor.scope, input.id);
    if (source.kind === 'credit_note' || source.kind === 'debit_note') {
      throw new AppError('invalid_state', 'A credit or debit note corrects its invoice; issue a new correction there instead');
    }
    if (source.purpose === 'top_up') throw new AppError('invalid_state', 'A credit top-up is bought by the customer; it cannot be duplicated');
    const settings = await readBillingSettings(tx);
    const issueDate = toPlainDate(ctx.now);
    const [row] = await tx
      .insert(invoices)
      .values({
        kind: source.kind,
        status: 'draft',
        customerId: source.customerId,
        currency: source.currency,
        taxMode: source.taxMode,
        issueDate,
        dueDate: addDays(issueDate, settings.payment_due_days),
        subtotal: source.subtotal,
        taxTotal: source.taxTotal,
        total: source.total,
        notes: source.notes,
        purpose: 'manual',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: invoices.id });
    await copyLinesWithoutServices(tx, source.id, row!.id);
    const copy = await loadInvoice(tx, { kind: 'all' }, row!.id);
    await audit(tx, ctx.actor, 'invoice.duplicated', { type: 'invoice', id: copy.id }, { after: { ...copy, duplicatedFrom: source.number ?? source.id } });
    await publishWebhookEvents(tx, 'invoice.created', 'invoice', [copy.id], ctx.now);
    return copy;
  });
}
