import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { invoiceLines, invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { parseMilli } from '@/server/billing/decimal';
import { invoiceTransition } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import type { InvoiceEditItemInput, InvoiceItemInput, UpdateInvoiceInput } from '@/server/schemas/invoices';
import type { BillingSettings } from '@/server/schemas/settings';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { customerDefaultRate } from '@/server/services/customers/tax-rate';
import { writeOrPreview } from '@/server/services/preview';
import { readBillingSettings } from '@/server/services/settings/read';
import { addresseeOf } from './snapshot';
import { linePeriod, loadInvoice, lockInvoice, moneyOf, priceItems, type InvoiceLineRow, type InvoiceRow, type InvoiceView, type LineDraft } from './store';

/**
 * Edits a draft freely, or a finalized invoice while nothing is paid (its number stays; its
 * addressee, frozen at numbering, may be corrected). Paid and partly paid invoices are locked:
 * they are corrected with credit or debit notes. Lines the edit keeps (items naming their id)
 * are updated in place, so the services and periods they bill are still extended when it is paid.
 * A preview answers with the invoice as the edit would leave it and writes nothing.
 */
export async function updateInvoice(ctx: ServiceContext, input: UpdateInvoiceInput & { id: string }): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.edit');
  return editInvoice(ctx, input).catch((error: unknown) => {
    // A kept line moved onto a period of its service that another invoice already bills.
    if (isUniqueViolation(error, 'invoice_lines_service_period_uq')) {
      throw new AppError('conflict', 'That period of the service is already invoiced', {
        items: 'move a line that bills a service onto a period no other invoice bills',
      });
    }
    throw error;
  });
}

function editInvoice(ctx: ServiceContext, input: UpdateInvoiceInput & { id: string }): Promise<InvoiceView> {
  return writeOrPreview(ctx.db, input.preview, async (tx) => {
    const locked = await lockInvoice(tx, ctx.actor.scope, input.id);
    // Internal notes are never printed, so the desk annotates any document, paid or cancelled.
    const internalOnly = Object.entries(input).every(([key, value]) => value === undefined || ['id', 'internalNotes', 'preview'].includes(key));
    const next = invoiceTransition(moneyOf(locked), 'edit');
    if (!next.ok && !internalOnly) throw new AppError(next.code, next.message);
    const before = await loadInvoice(tx, { kind: 'all' }, locked.id);
    const issueDate = input.issueDate ?? locked.issueDate;
    const dueDate = input.dueDate ?? locked.dueDate;
    if (dueDate < issueDate) throw new AppError('validation', 'The due date is before the issue date', { due_date: 'must not be before the issue date' });
    if (input.currency && input.currency !== locked.currency && locked.status !== 'draft') {
      throw new AppError('invalid_state', 'The currency of a finalized invoice cannot change', { currency: 'is fixed once the invoice is finalized' });
    }
    // A draft is addressed to the customer as it is until its number freezes that.
    if (input.customerSnapshot && locked.status === 'draft') {
      throw new AppError('validation', 'A draft has no addressee of its own yet', {
        customer_snapshot: 'can be changed once the invoice is finalized; a draft shows the customer as it is',
      });
    }

    const changes: Partial<typeof invoices.$inferInsert> = {
      issueDate,
      dueDate,
      currency: input.currency ?? locked.currency,
      updatedAt: ctx.now,
    };
    if (input.notes !== undefined) changes.notes = input.notes;
    if (input.internalNotes !== undefined) changes.internalNotes = input.internalNotes;
    if (input.poNumber !== undefined) changes.poNumber = input.poNumber;
    if (input.customerSnapshot) {
      // Fields left out stay as they are; one numbered before snapshots existed starts from the customer.
      const sent = Object.entries(input.customerSnapshot).filter(([, value]) => value !== undefined);
      changes.customerSnapshot = { ...(await addresseeOf(tx, locked)), ...Object.fromEntries(sent) };
    }
    if (input.items) {
      const settings = await readBillingSettings(tx);
      const { lines, totals } = await editLines(tx, locked, input.items, settings);
      Object.assign(changes, { subtotal: totals.subtotal, taxTotal: totals.tax, total: totals.total });
      await writeLines(tx, locked.id, lines);
    }
    await tx.update(invoices).set(changes).where(eq(invoices.id, locked.id));
    const after = await loadInvoice(tx, { kind: 'all' }, locked.id);
    await audit(tx, ctx.actor, 'invoice.updated', { type: 'invoice', id: locked.id }, { before, after });
    return after;
  });
}

type EditedLine = LineDraft & { id?: string };

/**
 * Prices the edit's items against the invoice's lines. An item naming a line keeps its service,
 * and its period, code and rate unless it sends them; a new item's missing rate is the customer's.
 * A line billing a service's period cannot be dropped: the billing schedule has moved past that
 * period and never bills it again, so the period would go unpaid and the service never extend.
 */
async function editLines(tx: Database, invoice: InvoiceRow, items: readonly InvoiceEditItemInput[], settings: BillingSettings) {
  const current = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(asc(invoiceLines.position));
  const byId = new Map(current.map((line) => [line.id, line]));
  const kept = new Map<string, number>();
  const prepared = items.map(({ id, ...item }, index): { id?: string; item: InvoiceItemInput } => {
    if (id === undefined) return { item };
    const line = byId.get(id);
    if (!line) throw new AppError('validation', 'Unknown invoice line', { [`items.${index}.id`]: 'is not a line of this invoice' });
    const earlier = kept.get(id);
    if (earlier !== undefined) {
      throw new AppError('validation', 'An invoice line is named twice', { [`items.${index}.id`]: `is the same line as items.${earlier}.id` });
    }
    kept.set(id, index);
    return { id, item: keptItem(line, item, index) };
  });
  const dropped = current.find((line) => line.serviceId !== null && !kept.has(line.id));
  if (dropped) {
    throw new AppError(
      'conflict',
      `“${dropped.description}” bills a service's period and stays on the invoice; set its price to 0, add a discount line, or cancel the invoice`,
      { items: `must keep the line “${dropped.description}” (send its id): it bills a service's period` },
    );
  }
  const { lines, totals } = priceItems(
    prepared.map((p) => p.item),
    invoice.taxMode,
    await customerDefaultRate(tx, invoice.customerId, settings),
  );
  return { lines: lines.map((line, index): EditedLine => ({ ...line, id: prepared[index]!.id })), totals };
}

/** A kept line's item: what the edit leaves out stays as the line has it. */
function keptItem(line: InvoiceLineRow, item: Omit<InvoiceEditItemInput, 'id'>, index: number): InvoiceItemInput {
  const period = linePeriod(line);
  if (line.serviceId !== null && period && item.periodStart === null) {
    throw new AppError('validation', 'A line billing a service keeps a period', {
      [`items.${index}.period_start`]: 'is required on a line that bills a service',
    });
  }
  const sentPeriod = item.periodStart !== undefined || item.periodEnd !== undefined;
  return {
    ...item,
    taxRate: item.taxRate ?? parseMilli(line.taxRate)!,
    periodStart: sentPeriod ? item.periodStart : (period?.start ?? null),
    periodEnd: sentPeriod ? item.periodEnd : (period?.end ?? null),
    code: item.code === undefined ? line.code : item.code,
  };
}

/** Kept lines are updated where they are (their ids, services and periods stay), the rest replaced. */
async function writeLines(tx: Database, invoiceId: string, lines: readonly EditedLine[]) {
  const keptIds = lines.flatMap((line) => (line.id ? [line.id] : []));
  await tx.delete(invoiceLines).where(and(eq(invoiceLines.invoiceId, invoiceId), keptIds.length > 0 ? notInArray(invoiceLines.id, keptIds) : undefined));
  for (const [position, { id, ...line }] of lines.entries()) {
    if (id)
      await tx
        .update(invoiceLines)
        .set({ ...line, position })
        .where(eq(invoiceLines.id, id));
  }
  const added = lines.flatMap(({ id, ...line }, position) => (id ? [] : [{ line, position }]));
  if (added.length > 0) await tx.insert(invoiceLines).values(added.map(({ line, position }) => ({ ...line, invoiceId, position })));
}
