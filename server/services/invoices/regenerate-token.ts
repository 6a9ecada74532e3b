import { eq } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { isIssued } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { loadInvoice, lockInvoice, type InvoiceView } from './store';

/** A new public token: every link sent before stops working. */
export async function regenerateInvoiceToken(ctx: ServiceContext, input: { id: string }): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.edit');
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, ctx.actor.scope, input.id);
    if (!isIssued(invoice.status)) throw new AppError('invalid_state', 'A draft has no public link yet; finalize it first');
    const tokenVersion = invoice.tokenVersion + 1;
    await tx.update(invoices).set({ tokenVersion, updatedAt: ctx.now }).where(eq(invoices.id, invoice.id));
    await audit(
      tx,
      ctx.actor,
      'invoice.token_regenerated',
      { type: 'invoice', id: invoice.id },
      {
        before: { tokenVersion: invoice.tokenVersion },
        after: { tokenVersion },
      },
    );
    return loadInvoice(tx, { kind: 'all' }, invoice.id);
  });
}
