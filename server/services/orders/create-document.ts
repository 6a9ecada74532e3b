import { requirePermission } from '@/server/auth/actor';
import { parseMilli } from '@/server/billing/decimal';
import { AppError } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { createInvoice } from '@/server/services/invoices/create';
import type { InvoiceView } from '@/server/services/invoices/store';
import { loadOrder } from './store';

/**
 * "Create invoice" / "Create proforma" on the order page: a draft of that kind for the order's
 * lines (each at its unit price and quantity, the customer's tax rate), listed with the order,
 * for the clerk to edit and issue from the invoice page — as an invoice editor starts, nothing
 * reaches the customer before the clerk issues it. It bills the lines once: its lines are not
 * tied to the services' periods, so paying it extends no service (renewals stay the billing
 * run's) and leaves the order's own first document as it is.
 */
export async function createOrderDocument(ctx: ServiceContext, input: { id: string; kind: 'invoice' | 'proforma' }): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.create');
  const order = await loadOrder(ctx.db, ctx.actor.scope, input.id);
  // A usage line's price is per unit used, which only the billing run knows.
  const priced = order.lines.filter((line) => line.usageUnitPrice === null);
  if (priced.length === 0) {
    throw new AppError('invalid_state', 'This order has no fixed-price lines to bill', { id: 'has only usage lines, which the billing run bills' });
  }
  return createInvoice(
    ctx,
    {
      customerId: order.customerId,
      kind: input.kind,
      status: 'draft',
      currency: order.currency,
      items: priced.map((line) => ({ description: line.description, quantity: parseMilli(line.quantity)!, unitPrice: line.unitPrice })),
    },
    order.id,
  );
}
