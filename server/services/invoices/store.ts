import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoiceLines, invoiceNotifications, invoices, numberCounters } from '@/db/schema';
import type { Scope } from '@/server/auth/actor';
import { formatMilli } from '@/server/billing/decimal';
import { balanceOf, type InvoiceMoney } from '@/server/billing/invoice-status';
import { counterYear, formatNumber } from '@/server/billing/numbering';
import { addDays } from '@/server/billing/periods';
import { documentTotals, lineAmounts, type TaxMode } from '@/server/billing/totals';
import { AppError, notFound } from '@/server/errors';
import type { InvoiceItemInput } from '@/server/schemas/invoices';
import type { BillingSettings } from '@/server/schemas/settings';
import { lockCustomer } from '@/server/services/locks';
import { invoiceScope } from './scope';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type NotificationRow = typeof invoiceNotifications.$inferSelect;
export type InvoiceView = InvoiceRow & { lines: InvoiceLineRow[]; notifications: NotificationRow[]; balance: bigint };
export type InvoiceKind = InvoiceRow['kind'];

export const moneyOf = (row: InvoiceRow): InvoiceMoney => ({
  status: row.status,
  currency: row.currency,
  total: row.total,
  amountPaid: row.amountPaid,
  amountRefunded: row.amountRefunded,
  amountCredited: row.amountCredited,
});

/** Locks the invoice row for the rest of the transaction; outside the scope it does not exist. */
export async function lockInvoice(tx: Database, scope: Scope, id: string): Promise<InvoiceRow> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), invoiceScope(scope)))
    .for('update');
  if (!row) throw notFound('Invoice');
  return row;
}

/**
 * The customer's advisory lock, then the invoice's row lock: always in this order, so payments,
 * refunds, corrections and billing for one customer never deadlock each other.
 */
export async function lockInvoiceAndCustomer(tx: Database, scope: Scope, id: string): Promise<InvoiceRow> {
  const [target] = await tx
    .select({ customerId: invoices.customerId })
    .from(invoices)
    .where(and(eq(invoices.id, id), invoiceScope(scope)));
  if (!target) throw notFound('Invoice');
  await lockCustomer(tx, target.customerId);
  return lockInvoice(tx, scope, id);
}

export async function loadInvoice(db: Database, scope: Scope, id: string): Promise<InvoiceView> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), invoiceScope(scope)));
  if (!row) throw notFound('Invoice');
  const [lines, notifications] = await Promise.all([
    db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id)).orderBy(asc(invoiceLines.position)),
    db.select().from(invoiceNotifications).where(eq(invoiceNotifications.invoiceId, id)).orderBy(asc(invoiceNotifications.at)),
  ]);
  return { ...row, lines, notifications, balance: balanceOf(moneyOf(row)) };
}

export type LineDraft = Omit<typeof invoiceLines.$inferInsert, 'invoiceId' | 'position'>;

/** Prices the entered items with the document's tax mode; the totals are their sums. */
export function priceItems(items: readonly InvoiceItemInput[], taxMode: TaxMode, defaultRateMilli: bigint) {
  const lines: LineDraft[] = items.map((item) => {
    const taxRateMilli = item.taxRate ?? defaultRateMilli;
    const amounts = lineAmounts({ quantityMilli: item.quantity, unitPrice: item.unitPrice, taxRateMilli }, taxMode);
    return {
      description: item.description,
      quantity: formatMilli(item.quantity),
      unitPrice: item.unitPrice,
      taxRate: formatMilli(taxRateMilli),
      ...amounts,
      periodStart: item.periodStart ?? null,
      // Stored as the day after, like the periods the billing run writes and settlement reads.
      periodEnd: item.periodEnd ? addDays(item.periodEnd, 1) : null,
      code: item.code ?? null,
    };
  });
  const totals = documentTotals(lines.map((l) => ({ subtotal: l.subtotal!, tax: l.tax!, total: l.total! })));
  if (totals.total < 0n) {
    throw new AppError('validation', 'An invoice total cannot be negative', {
      items: 'add up to less than zero; issue a credit note instead',
    });
  }
  return { lines, totals };
}

/** The period a line covers, both days included (the stored end is the day after); null when it has none. */
export function linePeriod(line: Pick<InvoiceLineRow, 'periodStart' | 'periodEnd'>): { start: string; end: string } | null {
  return line.periodStart && line.periodEnd ? { start: line.periodStart, end: addDays(line.periodEnd, -1) } : null;
}

export async function insertLines(tx: Database, invoiceId: string, lines: readonly LineDraft[]) {
  if (lines.length === 0) return;
  await tx.insert(invoiceLines).values(lines.map((line, position) => ({ ...line, invoiceId, position })));
}

export type NumberSeries = InvoiceKind | 'order';

const seriesPrefix: Record<NumberSeries, (settings: BillingSettings) => string> = {
  invoice: (s) => s.invoice_number.prefix,
  proforma: (s) => s.invoice_number.proforma_prefix,
  credit_note: () => 'CN',
  debit_note: () => 'DN',
  order: () => 'ORD',
};

/**
 * The next number of the document's series, gapless: the counter row is incremented in the
 * caller's transaction and stays locked until it commits, so a rollback gives the number back.
 */
export async function nextNumber(tx: Database, kind: NumberSeries, issueDate: string, settings: BillingSettings): Promise<string> {
  const format = {
    prefix: seriesPrefix[kind](settings),
    includeYear: settings.invoice_number.include_year,
    padding: settings.invoice_number.padding,
    reset: settings.invoice_number.reset,
  };
  const issueYear = Number(issueDate.slice(0, 4));
  const year = counterYear(format, issueYear);
  const [counter] = await tx
    .insert(numberCounters)
    .values({ series: kind, year, last: 1n })
    .onConflictDoUpdate({
      target: [numberCounters.series, numberCounters.year],
      set: { last: sql`${numberCounters.last} + 1` },
    })
    .returning({ last: numberCounters.last });
  return formatNumber(format, issueYear, counter!.last);
}
