import { and, eq } from 'drizzle-orm';
import { invoiceLines, invoices, orderLines, orders, services } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { divRound, MILLI, parseMilli } from '@/server/billing/decimal';
import { invoiceTransition } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import type { EditOrderPriceInput } from '@/server/schemas/orders';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { correctInvoice } from '@/server/services/invoices/correct';
import { lockInvoiceAndCustomer, moneyOf, priceItems } from '@/server/services/invoices/store';
import { writeOrPreview } from '@/server/services/preview';
import { readBillingSettings } from '@/server/services/settings/read';
import { planLineLabel } from './place';
import { loadOrder, lockOrder, type OrderView } from './store';

export type PriceEdit = {
  order: OrderView;
  invoiceId: string;
  document: 'invoice_edited' | 'credit_note' | 'debit_note';
  /** The edited invoice's or the note's number and total (tax included). */
  number: string | null;
  total: bigint;
  /** What the current period's documents bill more (positive) or less (negative) than before. */
  totalChange: bigint;
};

/**
 * A new price for one line of an order, per unit and cycle, from now on: its service renews at
 * it. The current period follows too, by the document the first invoice's state calls for:
 * while nothing is paid the invoice itself is edited (same number, same lines); once money came
 * in, a debit note bills the rise or a credit note returns the cut. A preview answers with that
 * document and the change as they would be, and writes nothing.
 */
export async function editOrderPrice(ctx: ServiceContext, input: EditOrderPriceInput): Promise<PriceEdit> {
  requirePermission(ctx.actor, 'orders.edit');
  return writeOrPreview(ctx.db, input.preview, async (tx) => {
    const order = await lockOrder(tx, ctx.actor.scope, input.id);
    const [line] = await tx
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.id, input.lineId), eq(orderLines.orderId, order.id)));
    if (!line) throw new AppError('validation', 'Unknown order line', { line_id: 'is not a line of this order' });
    if (line.unitPrice === input.unitPrice) throw new AppError('validation', 'The price is unchanged', { unit_price: 'is already the price' });
    const [first] = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.orderId, order.id), eq(invoices.purpose, 'first')));
    if (!first) throw new AppError('invalid_state', 'The order has no invoice to follow the price');
    const invoice = await lockInvoiceAndCustomer(tx, { kind: 'all' }, first.id);
    // Quantities are decimals (numeric(15,3)): 1.5 units stay exact in milli, never a float.
    const quantity = parseMilli(line.quantity)!;
    const [service] = await tx.select({ id: services.id }).from(services).where(eq(services.orderLineId, line.id));

    let outcome: PriceEdit['document'];
    let totalChange: bigint;
    let documentId = invoice.id;
    let number = invoice.number;
    let total: bigint;
    if (invoiceTransition(moneyOf(invoice), 'edit').ok) {
      const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(invoiceLines.position);
      const planLabel = planLineLabel(line.description, line.cycle);
      const target = lines.find((l) => (service ? l.serviceId === service.id : l.serviceId === null && l.description.startsWith(planLabel)));
      if (!target) throw new AppError('invalid_state', 'The invoice no longer has this line; edit the invoice instead');
      const settings = await readBillingSettings(tx);
      const { lines: priced, totals } = priceItems(
        lines.map((l) => ({
          description: l.description,
          quantity: parseMilli(l.quantity)!,
          unitPrice: l.id === target.id ? input.unitPrice : l.unitPrice,
          taxRate: parseMilli(l.taxRate)!,
        })),
        invoice.taxMode,
        parseMilli(settings.tax_rate)!,
      );
      const repriced = priced[lines.indexOf(target)]!;
      await tx
        .update(invoiceLines)
        .set({ unitPrice: input.unitPrice, subtotal: repriced.subtotal!, tax: repriced.tax!, total: repriced.total! })
        .where(eq(invoiceLines.id, target.id));
      await tx
        .update(invoices)
        .set({ subtotal: totals.subtotal, taxTotal: totals.tax, total: totals.total, updatedAt: ctx.now })
        .where(eq(invoices.id, invoice.id));
      totalChange = totals.total - invoice.total;
      total = totals.total;
      outcome = 'invoice_edited';
    } else {
      const rise = input.unitPrice > line.unitPrice;
      const [plan] = await tx
        .select({ taxRate: invoiceLines.taxRate })
        .from(invoiceLines)
        .where(and(eq(invoiceLines.invoiceId, invoice.id), service ? eq(invoiceLines.serviceId, service.id) : undefined))
        .limit(1);
      outcome = rise ? 'debit_note' : 'credit_note';
      const document = await correctInvoice(
        { ...ctx, db: tx },
        {
          invoiceId: invoice.id,
          kind: outcome,
          reason: input.reason,
          items: [
            {
              description: `Price change: ${line.description}`,
              quantity,
              unitPrice: rise ? input.unitPrice - line.unitPrice : line.unitPrice - input.unitPrice,
              taxRate: plan ? parseMilli(plan.taxRate)! : undefined,
            },
          ],
        },
      );
      totalChange = rise ? document.total : -document.total;
      documentId = document.id;
      number = document.number;
      total = document.total;
    }

    await tx.update(orderLines).set({ unitPrice: input.unitPrice }).where(eq(orderLines.id, line.id));
    if (service)
      await tx
        .update(services)
        .set({ price: divRound(input.unitPrice * quantity, MILLI), updatedAt: ctx.now })
        .where(eq(services.id, service.id));
    await tx
      .update(orders)
      .set({ total: order.total + totalChange, updatedAt: ctx.now })
      .where(eq(orders.id, order.id));
    await audit(
      tx,
      ctx.actor,
      'order.price_edited',
      { type: 'order', id: order.id },
      {
        before: { line: line.id, unitPrice: line.unitPrice },
        after: { line: line.id, unitPrice: input.unitPrice, document: outcome, documentId, reason: input.reason },
      },
    );
    return { order: await loadOrder(tx, { kind: 'all' }, order.id), invoiceId: documentId, document: outcome, number, total, totalChange };
  });
}
