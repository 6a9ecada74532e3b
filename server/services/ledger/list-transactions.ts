import { and, desc, eq, ne, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { customers, invoices, ledgerTransactions, users } from '@/db/schema';
import { can, requirePermission, type Actor } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { ListTransactionsInput } from '@/server/schemas/ledger';
import type { ServiceContext } from '@/server/services/context';
import { ownedByScope } from '@/server/services/customers/scope';
import { afterCursor, decodeCursor, everyItem, toPage, withinDays } from '@/server/services/pagination';

export type TransactionRow = typeof ledgerTransactions.$inferSelect;
export type TransactionListItem = TransactionRow & { customerName: string | null; resellerName: string | null; invoiceNumber: string | null };
type Filters = Omit<ListTransactionsInput, 'limit' | 'cursor' | 'format'>;

/**
 * Who reads which ledger rows: the desk (admins, staff with `reports.view`) every row; a reseller
 * the rows of its book — its customers' and those written to it — or, granted
 * `transactions.view_all`, every customer's money but still only its own payouts; a client none.
 */
function ledgerScope(actor: Actor): SQL | undefined {
  const { scope } = actor;
  if (scope.kind === 'reseller') {
    const customersMoney = can(actor, 'transactions.view_all')
      ? ne(ledgerTransactions.type, 'commission_payout')
      : ownedByScope(ledgerTransactions.customerId, scope);
    return or(eq(ledgerTransactions.resellerId, scope.resellerId), customersMoney);
  }
  if (scope.kind !== 'all') throw new AppError('forbidden', 'The ledger is not available to this account');
  requirePermission(actor, 'reports.view');
  return undefined;
}

function transactionFilters(actor: Actor, input: Filters): SQL | undefined {
  return and(
    ledgerScope(actor),
    input.type ? eq(ledgerTransactions.type, input.type) : undefined,
    withinDays(ledgerTransactions.createdAt, input.from, input.to),
    input.customerId ? eq(ledgerTransactions.customerId, input.customerId) : undefined,
    input.resellerId ? eq(ledgerTransactions.resellerId, input.resellerId) : undefined,
    input.currency ? eq(ledgerTransactions.currency, input.currency) : undefined,
  );
}

const resellers = alias(users, 'ledger_reseller');

async function fetchPage(ctx: ServiceContext, input: Filters, cursor: string | undefined, limit: number) {
  const rows = await ctx.db
    .select({ row: ledgerTransactions, customerName: customers.name, resellerName: resellers.name, invoiceNumber: invoices.number })
    .from(ledgerTransactions)
    .leftJoin(customers, eq(customers.id, ledgerTransactions.customerId))
    .leftJoin(resellers, eq(resellers.id, ledgerTransactions.resellerId))
    .leftJoin(invoices, eq(invoices.id, ledgerTransactions.invoiceId))
    .where(and(transactionFilters(ctx.actor, input), cursor ? afterCursor(ledgerTransactions, decodeCursor(cursor)) : undefined))
    .orderBy(desc(ledgerTransactions.createdAt), desc(ledgerTransactions.id))
    .limit(limit + 1);
  return toPage(
    rows.map((r) => ({ ...r.row, customerName: r.customerName, resellerName: r.resellerName, invoiceNumber: r.invoiceNumber })),
    limit,
  );
}

/** One page of the money ledger, newest first, within the actor's reach. */
export async function listTransactions(
  ctx: ServiceContext,
  input: Omit<ListTransactionsInput, 'format'>,
): Promise<{ items: TransactionListItem[]; nextCursor: string | null }> {
  return fetchPage(ctx, input, input.cursor, input.limit);
}

/** Every ledger row matching the filters, newest first, in keyset batches (for CSV). */
export const eachTransaction = (ctx: ServiceContext, input: Filters): AsyncGenerator<TransactionListItem> =>
  everyItem((cursor, limit) => fetchPage(ctx, input, cursor, limit));
