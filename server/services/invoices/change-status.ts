import { eq } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import { can, requirePermission } from '@/server/auth/actor';
import { manualStatusChange, manualStatusTargets, type DeskFacts, type ManualStatus } from '@/server/billing/invoice-desk';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import { scheduleToday } from '@/server/services/billing-runs/dates';
import type { ServiceContext } from '@/server/services/context';
import { cancelLocked } from './cancel';
import { getInvoice } from './get';
import { loadInvoice, lockInvoice, moneyOf, type InvoiceRow, type InvoiceView } from './store';

const deskFacts = (invoice: InvoiceRow): DeskFacts => ({
  ...moneyOf(invoice),
  kind: invoice.kind,
  consolidatedIntoId: invoice.consolidatedIntoId,
  dueDate: invoice.dueDate,
});

/**
 * Change status (Commerce's manual status change): a move the rules allow (invoice-desk.ts),
 * with the clerk's reason in the audit row. It never moves money: paid comes from a payment
 * (Mark as paid), refunded from a refund. "Today" is the schedules' clock, the overdue sweep's.
 */
export async function changeInvoiceStatus(ctx: ServiceContext, input: { id: string; status: ManualStatus; reason: string }): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.edit');
  const today = await scheduleToday(ctx.db, ctx.now);
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, ctx.actor.scope, input.id);
    const next = manualStatusChange(deskFacts(invoice), input.status, today);
    if (!next.ok) throw new AppError(next.code, next.message, { status: next.message });
    if (next.value === 'cancelled') {
      await cancelLocked(tx, ctx, invoice, input.reason);
    } else {
      await tx.update(invoices).set({ status: next.value, updatedAt: ctx.now }).where(eq(invoices.id, invoice.id));
      await audit(
        tx,
        ctx.actor,
        'invoice.status_changed',
        { type: 'invoice', id: invoice.id },
        { before: { status: invoice.status }, after: { status: next.value, reason: input.reason } },
      );
    }
    return loadInvoice(tx, { kind: 'all' }, invoice.id);
  });
}

/** The statuses Change status offers for the invoice now; none to those who may not edit it. */
export async function invoiceStatusTargets(ctx: ServiceContext, input: { id: string }): Promise<ManualStatus[]> {
  const invoice = await getInvoice(ctx, input);
  if (!can(ctx.actor, 'invoices.edit')) return [];
  return manualStatusTargets(deskFacts(invoice), await scheduleToday(ctx.db, ctx.now));
}
