import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { customers, invoiceLines, invoiceNotifications, invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { balanceOf } from '@/server/billing/invoice-status';
import { isUuid } from '@/server/schemas/common';
import type { ListInvoicesInput } from '@/server/schemas/invoices';
import type { ServiceContext } from '@/server/services/context';
import { afterCursor, containsPattern, decodeCursor, toPage } from '@/server/services/pagination';
import { asSeenByCustomer, invoiceReadScope, invoiceScope } from './scope';
import { moneyOf, type InvoiceView } from './store';

/** `customerResellerId`: the reseller whose book the customer is in now (the desk's Reseller column; null for anyone else). */
export type InvoiceListItem = InvoiceView & { customerName: string; customerEmail: string; customerResellerId: string | null };

/** Every filter of GET /api/v1/invoices, as one WHERE clause within the actor's scope. */
export function invoiceFilters(ctx: ServiceContext, input: Omit<ListInvoicesInput, 'limit' | 'cursor' | 'format'>): SQL | undefined {
  const dateColumn = input.dateField === 'due' ? invoices.dueDate : invoices.issueDate;
  let customerFilter: SQL | undefined;
  if (input.customer) {
    if (isUuid(input.customer)) customerFilter = eq(invoices.customerId, input.customer);
    else {
      const pattern = containsPattern(input.customer);
      customerFilter = sql`${invoices.customerId} in (select ${customers.id} from ${customers} where ${or(ilike(customers.name, pattern), ilike(customers.email, pattern))})`;
    }
  }
  return and(
    invoiceScope(invoiceReadScope(ctx.actor)),
    input.includeDeleted ? undefined : isNull(invoices.deletedAt),
    input.status ? inArray(invoices.status, input.status) : undefined,
    input.kind ? eq(invoices.kind, input.kind) : undefined,
    customerFilter,
    input.from ? gte(dateColumn, input.from) : undefined,
    input.to ? lte(dateColumn, input.to) : undefined,
    input.currency ? eq(invoices.currency, input.currency) : undefined,
    input.orderId ? eq(invoices.orderId, input.orderId) : undefined,
    input.ids ? inArray(invoices.id, input.ids) : undefined,
    input.minTotal !== undefined ? gte(invoices.total, BigInt(input.minTotal)) : undefined,
    input.maxTotal !== undefined ? lte(invoices.total, BigInt(input.maxTotal)) : undefined,
    input.resellerId
      ? sql`${invoices.customerId} in (select ${customers.id} from ${customers} where ${customers.resellerId} = ${input.resellerId})`
      : undefined,
  );
}

// Which reseller holds a customer is the desk's to read: a reseller or client gets null.
const deskOnly = (ctx: ServiceContext, resellerId: string | null) => (ctx.actor.scope.kind === 'all' ? resellerId : null);

const listColumns = { invoice: invoices, customerName: customers.name, customerEmail: customers.email, customerResellerId: customers.resellerId };

/** One page of invoices, newest first, with their lines and notification log. */
export async function listInvoices(ctx: ServiceContext, input: ListInvoicesInput): Promise<{ items: InvoiceListItem[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'invoices.view');
  const rows = await ctx.db
    .select(listColumns)
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(and(invoiceFilters(ctx, input), input.cursor ? afterCursor(invoices, decodeCursor(input.cursor)) : undefined))
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(input.limit + 1);
  const page = toPage(
    rows.map((r) => ({ ...r.invoice, customerName: r.customerName, customerEmail: r.customerEmail, customerResellerId: deskOnly(ctx, r.customerResellerId) })),
    input.limit,
  );
  const ids = page.items.map((i) => i.id);
  const [lines, notifications] = ids.length
    ? await Promise.all([
        ctx.db.select().from(invoiceLines).where(inArray(invoiceLines.invoiceId, ids)).orderBy(asc(invoiceLines.position)),
        // The notification log (provider answers, who sent it) is the desk's, not a client's.
        ctx.actor.scope.kind === 'customer'
          ? Promise.resolve([])
          : ctx.db.select().from(invoiceNotifications).where(inArray(invoiceNotifications.invoiceId, ids)).orderBy(asc(invoiceNotifications.at)),
      ])
    : [[], []];
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((invoice) =>
      asSeenByCustomer(ctx.actor.scope, {
        ...invoice,
        balance: balanceOf(moneyOf(invoice)),
        lines: lines.filter((l) => l.invoiceId === invoice.id),
        notifications: notifications.filter((n) => n.invoiceId === invoice.id),
      }),
    ),
  };
}

/** Every invoice matching the filters, newest first, streamed in keyset batches (for CSV). */
export async function* eachInvoice(ctx: ServiceContext, input: ListInvoicesInput) {
  requirePermission(ctx.actor, 'invoices.view');
  let cursor: string | undefined;
  do {
    const rows = await ctx.db
      .select(listColumns)
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(and(invoiceFilters(ctx, input), cursor ? afterCursor(invoices, decodeCursor(cursor)) : undefined))
      .orderBy(desc(invoices.createdAt), desc(invoices.id))
      .limit(1001);
    const page = toPage(
      rows.map((r) => ({
        ...r.invoice,
        customerName: r.customerName,
        customerEmail: r.customerEmail,
        customerResellerId: deskOnly(ctx, r.customerResellerId),
      })),
      1000,
    );
    for (const invoice of page.items) yield { ...invoice, balance: balanceOf(moneyOf(invoice)) };
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
