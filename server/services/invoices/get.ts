import { requirePermission } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import { asSeenByCustomer, invoiceReadScope } from './scope';
import { loadInvoice, type InvoiceView } from './store';

export async function getInvoice(ctx: ServiceContext, input: { id: string }): Promise<InvoiceView> {
  // Clients read their own invoices; everyone else needs the permission.
  if (ctx.actor.scope.kind !== 'customer') requirePermission(ctx.actor, 'invoices.view');
  const invoice = await loadInvoice(ctx.db, invoiceReadScope(ctx.actor), input.id);
  return asSeenByCustomer(ctx.actor.scope, invoice);
}
