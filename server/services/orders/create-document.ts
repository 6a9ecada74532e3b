import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { parseMilli } from '@/server/billing/decimal';
import { invoiceTransition, replaceableByProforma } from '@/server/billing/invoice-status';
import { toPlainDate } from '@/server/billing/periods';
import { AppError } from '@/server/errors';
import { emitEvents } from '@/server/jobs/runtime';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { copyLinesWithoutServices } from '@/server/services/invoices/convert-proforma';
import { createInvoice } from '@/server/services/invoices/create';
import { customerSnapshot } from '@/server/services/invoices/snapshot';
import { loadInvoice, moneyOf, nextNumber, type InvoiceView } from '@/server/services/invoices/store';
import { lockCustomer } from '@/server/services/locks';
import { readBillingSettings } from '@/server/services/settings/read';
import { publishIssuedDocuments } from '@/server/services/webhooks/publish';
import { loadOrder, type OrderView } from './store';

/**
 * "Create invoice" / "Create proforma" on the order page (docs/documents.md, "Documents from the
 * order page"). An order still waiting for its first payment gets a proforma that replaces its
 * unpaid first invoice (replaceFirstInvoice). Otherwise the clerk gets a draft of that kind for
 * the order's lines (each at its unit price and quantity, the customer's tax rate), to edit and
 * issue from the invoice page: as an invoice editor starts, nothing reaches the customer before
 * the clerk issues it. Such a draft bills the lines once: its lines are not tied to the services'
 * periods, so paying it extends no service (renewals stay the billing run's) and leaves the
 * order's own first document as it is.
 */
export async function createOrderDocument(ctx: ServiceContext, input: { id: string; kind: 'invoice' | 'proforma' }): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.create');
  const order = await loadOrder(ctx.db, ctx.actor.scope, input.id);
  if (input.kind === 'proforma') {
    const replacing = await ctx.db.transaction((tx) => replaceFirstInvoice(tx, ctx, order));
    if (replacing) return replacing;
  }
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

/**
 * A customer who asks for a proforma before paying an order (Billia) must not be asked to pay
 * twice: while the order's first invoice is unpaid (nothing received on it), the proforma takes
 * its place as a consolidation does (DESIGN.md §4) — issued now with the invoice's lines and
 * amounts, the invoice cancelled and pointing at it — so paying the proforma activates the order
 * and pays the services' first periods through the invoice it consolidates, then becomes the
 * numbered invoice as any proforma. It is e-mailed when the order's e-mails are on. Null: no
 * such invoice, the order has nothing to replace.
 */
async function replaceFirstInvoice(tx: Database, ctx: ServiceContext, order: OrderView): Promise<InvoiceView | null> {
  await lockCustomer(tx, order.customerId);
  const [first] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.orderId, order.id), eq(invoices.purpose, 'first'), isNull(invoices.deletedAt)))
    .for('update');
  if (!first || !replaceableByProforma(first)) return null;
  const next = invoiceTransition(moneyOf(first), 'consolidate');
  if (!next.ok) throw new AppError(next.code, next.message);

  const today = toPlainDate(ctx.now);
  const [proforma] = await tx
    .insert(invoices)
    .values({
      kind: 'proforma',
      status: 'pending',
      number: await nextNumber(tx, 'proforma', today, await readBillingSettings(tx)),
      customerSnapshot: customerSnapshot(first.customerId),
      customerId: first.customerId,
      orderId: order.id,
      orderName: first.orderName,
      poNumber: first.poNumber,
      currency: first.currency,
      taxMode: first.taxMode,
      issueDate: today,
      // Replacing the document must not postpone what was already due.
      dueDate: first.dueDate,
      subtotal: first.subtotal,
      taxTotal: first.taxTotal,
      total: first.total,
      purpose: 'consolidated',
      notes: `Replaces invoice ${first.number}`,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: invoices.id });
  // The service periods stay billed by the invoice's lines, which settlement reads through it.
  await copyLinesWithoutServices(tx, first.id, proforma!.id);
  await tx.update(invoices).set({ status: next.value, consolidatedIntoId: proforma!.id, updatedAt: ctx.now }).where(eq(invoices.id, first.id));

  const view = await loadInvoice(tx, { kind: 'all' }, proforma!.id);
  await audit(tx, ctx.actor, 'invoice.created', { type: 'invoice', id: proforma!.id }, { after: view });
  await publishIssuedDocuments(tx, [proforma!.id], ctx.now);
  await audit(
    tx,
    ctx.actor,
    'invoice.replaced_by_proforma',
    { type: 'invoice', id: first.id },
    { before: { status: first.status }, after: { status: next.value, consolidatedIntoId: proforma!.id, number: view.number } },
  );
  if (order.autoEmail !== 'off') {
    await emitEvents(tx, [{ name: 'invoice/created', id: `invoice-created:${proforma!.id}`, data: { invoiceId: proforma!.id } }]);
  }
  return view;
}
