import { notFound } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { getInvoice } from '@/server/services/invoices/get';
import type { InvoiceView } from '@/server/services/invoices/store';
import { needsApproval } from '@/server/services/orders/activate';
import { getOrder } from '@/server/services/orders/get';
import type { OrderView } from '@/server/services/orders/store';

export type OrderConfirmation = {
  order: OrderView;
  invoice: InvoiceView | null;
  /** Paying does not start it by itself: one of its products waits for an admin's approval. */
  reviewed: boolean;
};

/**
 * What the page after checkout shows the client who placed `id`: the order, its first invoice
 * as it stands now, and whether paying starts it or an admin approves it first. Another
 * customer's order, and anyone but a client, get not_found: this page is the buyer's own.
 */
export async function orderConfirmation(ctx: ServiceContext, input: { id: string }): Promise<OrderConfirmation> {
  if (ctx.actor.scope.kind !== 'customer') throw notFound('Order');
  const order = await getOrder(ctx, input);
  const [invoice, reviewed] = await Promise.all([order.invoiceId ? getInvoice(ctx, { id: order.invoiceId }) : null, needsApproval(ctx.db, order.id)]);
  return { order, invoice, reviewed };
}
