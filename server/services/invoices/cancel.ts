import { eq, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { invoiceTransition } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { voidCredits } from '@/server/services/wallet/void';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';
import { loadInvoice, lockInvoice, moneyOf, type InvoiceRow, type InvoiceView } from './store';

/** Cancels an invoice no money was received for; its number stays used (numbers are never reused). */
export async function cancelInvoice(ctx: ServiceContext, input: { id: string }): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.edit');
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, ctx.actor.scope, input.id);
    await cancelLocked(tx, ctx, invoice);
    return loadInvoice(tx, { kind: 'all' }, invoice.id);
  });
}

/**
 * Cancels the invoice locked in `tx`: Cancel invoice, and Change status to cancelled (which
 * gives a reason, kept in the audit row).
 */
export async function cancelLocked(tx: Database, ctx: ServiceContext, invoice: InvoiceRow, reason?: string): Promise<void> {
  const next = invoiceTransition(moneyOf(invoice), 'cancel');
  if (!next.ok) throw new AppError(next.code, next.message);
  await tx.update(invoices).set({ status: next.value, updatedAt: ctx.now }).where(eq(invoices.id, invoice.id));
  // Credits it granted were never paid for: taken back, with those of invoices consolidated into it.
  const covered = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(or(eq(invoices.id, invoice.id), eq(invoices.consolidatedIntoId, invoice.id)));
  await voidCredits(
    tx,
    covered.map((i) => i.id),
    ctx.now,
  );
  await audit(
    tx,
    ctx.actor,
    'invoice.cancelled',
    { type: 'invoice', id: invoice.id },
    {
      before: { status: invoice.status },
      after: reason === undefined ? { status: next.value } : { status: next.value, reason },
    },
  );
  await publishWebhookEvents(tx, 'invoice.cancelled', 'invoice', [invoice.id], ctx.now);
}
