import { and, asc, count, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { customers, invoiceLines, invoiceNotifications, invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { balanceOf } from '@/server/billing/invoice-status';
import { isUuid } from '@/server/schemas/common';
import type { InvoiceSortKey, ListInvoicesInput } from '@/server/schemas/invoices';
import type { ServiceContext } from '@/server/services/context';
import { containsPattern, everyItem, keysetFor, statusCounts, type SortColumns } from '@/server/services/pagination';
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

type ListRow = Omit<InvoiceListItem, 'balance' | 'lines' | 'notifications'>;

const sortColumns: SortColumns<InvoiceSortKey, ListRow> = {
  // Drafts have no number yet: they sort as the empty one, first going up.
  number: [sql`coalesce(${invoices.number}, '')`, 'text', (row) => row.number ?? ''],
  customer: [customers.name, 'text', (row) => row.customerName],
  issued: [invoices.issueDate, 'date', (row) => row.issueDate],
  due: [invoices.dueDate, 'date', (row) => row.dueDate],
  total: [invoices.total, 'bigint', (row) => row.total],
  created: [invoices.createdAt, 'timestamptz', (row) => row.createdAt],
};

const listColumns = { invoice: invoices, customerName: customers.name, customerEmail: customers.email, customerResellerId: customers.resellerId };

/** One page of the invoices the filters select, in the order asked for (newest first by default). */
async function fetchPage(ctx: ServiceContext, input: ListInvoicesInput, cursor: string | undefined, limit: number) {
  const order = keysetFor(input.sort, sortColumns, invoices);
  const rows = await ctx.db
    .select(listColumns)
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(and(invoiceFilters(ctx, input), cursor ? order.after(cursor) : undefined))
    .orderBy(...order.orderBy)
    .limit(limit + 1);
  return order.page(
    rows.map((r) => ({ ...r.invoice, customerName: r.customerName, customerEmail: r.customerEmail, customerResellerId: deskOnly(ctx, r.customerResellerId) })),
    limit,
  );
}

/** One page of invoices, newest first unless sorted, with their lines and notification log. */
export async function listInvoices(ctx: ServiceContext, input: ListInvoicesInput): Promise<{ items: InvoiceListItem[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'invoices.view');
  const page = await fetchPage(ctx, input, input.cursor, input.limit);
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

/**
 * How many invoices each status holds among those the other filters select (the list's status
 * chips): the same scope and filters as the list, so a chip's count is the rows it shows.
 */
export async function countInvoicesByStatus(ctx: ServiceContext, input: Omit<ListInvoicesInput, 'limit' | 'cursor' | 'format' | 'sort'>) {
  requirePermission(ctx.actor, 'invoices.view');
  const rows = await ctx.db
    .select({ status: invoices.status, count: count() })
    .from(invoices)
    .where(invoiceFilters(ctx, { ...input, status: undefined }))
    .groupBy(invoices.status);
  return statusCounts(rows);
}

/** Every invoice matching the filters, in the list's order, streamed in keyset batches (for CSV). */
export async function* eachInvoice(ctx: ServiceContext, input: ListInvoicesInput) {
  requirePermission(ctx.actor, 'invoices.view');
  for await (const invoice of everyItem((cursor, limit) => fetchPage(ctx, input, cursor, limit))) yield { ...invoice, balance: balanceOf(moneyOf(invoice)) };
}
