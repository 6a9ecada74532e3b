import { eq } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { canDelete } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { lockInvoice } from './store';

/**
 * Deletes a draft or cancelled document softly: it leaves the lists (unless asked for) and its
 * row, number and audit trail stay, so nothing that refers to it breaks and numbers stay
 * gapless. Deleting it again changes nothing.
 */
export async function deleteInvoice(ctx: ServiceContext, input: { id: string }): Promise<void> {
  requirePermission(ctx.actor, 'invoices.delete');
  await ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, ctx.actor.scope, input.id);
    if (invoice.deletedAt) return;
    if (!canDelete(invoice)) {
      throw new AppError('invalid_state', `A ${invoice.status} document cannot be deleted; only drafts and cancelled documents that took no money can`);
    }
    await tx.update(invoices).set({ deletedAt: ctx.now, updatedAt: ctx.now }).where(eq(invoices.id, invoice.id));
    await audit(tx, ctx.actor, 'invoice.deleted', { type: 'invoice', id: invoice.id }, { before: { status: invoice.status }, after: { deleted_at: ctx.now } });
  });
}
