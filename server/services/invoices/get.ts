import { eq } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { AppError, notFound } from '@/server/errors';
import { isUuid } from '@/server/schemas/common';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { type InvoiceView, loadInvoice, lockInvoice } from './store';
import { asSeenByCustomer } from './scope';
import { tokenMatches } from './public-link';

export async function getInvoice(ctx: ServiceContext, input: { id: string }): Promise<InvoiceView> {
  // Clients read their own invoices; everyone else needs the permission.
  if (ctx.actor.scope.kind !== 'customer') requirePermission(ctx.actor, 'invoices.view');
  const invoice = await loadInvoice(ctx.db, ctx.actor.scope, input.id);
  return asSeenByCustomer(ctx.actor.scope, invoice);
}

/** The invoice behind a public link; any wrong, missing or old token is simply not found. */
export async function readPublicInvoice(ctx: Pick<ServiceContext, 'db'>, input: { id: string; token: string }): Promise<InvoiceView> {
  if (!isUuid(input.id)) throw notFound('Invoice');
  const [row] = await ctx.db
    .select({ id: invoices.id, tokenVersion: invoices.tokenVersion, status: invoices.status })
    .from(invoices)
    .where(eq(invoices.id, input.id));
  if (!row || row.status === 'draft' || !tokenMatches(row.id, row.tokenVersion, input.token)) throw notFound('Invoice');
  return loadInvoice(ctx.db, { kind: 'all' }, row.id);
}

/** A new public token: every link sent before stops working. */
export async function regenerateInvoiceToken(ctx: ServiceContext, input: { id: string }): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.edit');
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, ctx.actor.scope, input.id);
    if (invoice.status === 'draft') throw new AppError('invalid_state', 'A draft has no public link yet; finalize it first');
    const tokenVersion = invoice.tokenVersion + 1;
    await tx.update(invoices).set({ tokenVersion, updatedAt: ctx.now }).where(eq(invoices.id, invoice.id));
    await audit(tx, ctx.actor, 'invoice.token_regenerated', { type: 'invoice', id: invoice.id }, {
      before: { tokenVersion: invoice.tokenVersion },
      after: { tokenVersion },
    });
    return loadInvoice(tx, { kind: 'all' }, invoice.id);
  });
}
