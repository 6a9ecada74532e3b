import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { customers, invoices, ledgerTransactions, payments, refunds } from '@/db/schema';
import type { PaymentMethod } from '@/server/schemas/invoices';
import type { ListPaymentsInput, PaymentEntryType } from '@/server/schemas/money-lists';
import type { ServiceContext } from '@/server/services/context';
import { customerMatching, ownedByScope, requireBookReader } from '@/server/services/customers/scope';
import { afterCursor, decodeCursor, encodeCursor, everyItem, sortedBy, statusCounts, withinDays, type Keyset } from '@/server/services/pagination';

/** One row of the Payments list: money received on an invoice, or given back. */
export type PaymentEntry = {
  id: string;
  type: PaymentEntryType;
  /** When the money moved: a payment's paid_at, a refund's refunded_at. */
  date: Date;
  amount: bigint;
  currency: string;
  method: PaymentMethod;
  /** A payment's reference; a refund's reason. */
  reference: string | null;
  provider: string | null;
  providerId: string | null;
  invoiceId: string;
  invoiceNumber: string | null;
  customerId: string;
  customerName: string;
  /** Who recorded it, as the ledger names them (a user's e-mail, an API key, stripe, system). */
  recordedBy: string | null;
};

type Filters = Omit<ListPaymentsInput, 'limit' | 'cursor' | 'format'>;
type Branch = { customerId: PgColumn; date: PgColumn; id: PgColumn; currency: PgColumn; amount: PgColumn };

const paymentBranch: Branch = { customerId: payments.customerId, date: payments.paidAt, id: payments.id, currency: payments.currency, amount: payments.amount };
const refundBranch: Branch = { customerId: invoices.customerId, date: refunds.refundedAt, id: refunds.id, currency: refunds.currency, amount: refunds.amount };

// A refund onto the credit balance went nowhere else, whatever the payment's method was.
const refundMethod = sql<PaymentMethod>`(case when ${refunds.toCredit} then 'credit'::payment_method else ${refunds.method} end)`;

/** The filters both tables share, on one table's columns. */
function shared(ctx: ServiceContext, input: Filters, branch: Branch): SQL | undefined {
  return and(
    ownedByScope(branch.customerId, ctx.actor.scope),
    withinDays(branch.date, input.from, input.to),
    customerMatching(branch.customerId, input.customer),
    input.currency ? eq(branch.currency, input.currency) : undefined,
    input.resellerId ? eq(customers.resellerId, input.resellerId) : undefined,
  );
}

/**
 * The order the list asks for, on one table's columns: newest first by the date the money moved
 * (with the cursor the list has always had) unless `sort` names the date or the amount.
 */
function orderOf(sort: Filters['sort'], branch: Branch): Keyset<PaymentEntry> {
  if (!sort)
    return {
      after: (cursor) => afterCursor({ createdAt: branch.date, id: branch.id }, decodeCursor(cursor)),
      orderBy: [desc(branch.date), desc(branch.id)],
      page(rows, limit) {
        const items = rows.slice(0, limit);
        const last = items.at(-1);
        return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.date, id: last.id }) : null };
      },
    };
  return sort.replace(/^-/, '') === 'amount'
    ? sortedBy<PaymentEntry>(sort, branch.amount, 'bigint', branch.id, (row) => row.amount)
    : sortedBy<PaymentEntry>(sort, branch.date, 'timestamptz', branch.id, (row) => row.date);
}

/** The same order in memory, to merge the two tables' pages: by the sort's value, ties by id. */
function compareFor(sort: Filters['sort']): (a: PaymentEntry, b: PaymentEntry) => number {
  const key = sort?.replace(/^-/, '') === 'amount' ? (e: PaymentEntry) => e.amount : (e: PaymentEntry) => BigInt(e.date.getTime());
  // A uuid compares as its bytes in PostgreSQL, and so as its lowercase text here.
  const sign = !sort || sort.startsWith('-') ? -1 : 1;
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    return sign * (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

async function paymentRows(ctx: ServiceContext, input: Filters, cursor: string | undefined, limit: number, only?: string): Promise<PaymentEntry[]> {
  const order = orderOf(input.sort, paymentBranch);
  const rows = await ctx.db
    .select({
      id: payments.id,
      date: payments.paidAt,
      amount: payments.amount,
      currency: payments.currency,
      method: payments.method,
      reference: payments.reference,
      provider: payments.provider,
      providerId: payments.providerId,
      invoiceId: payments.invoiceId,
      invoiceNumber: invoices.number,
      customerId: payments.customerId,
      customerName: customers.name,
      recordedBy: ledgerTransactions.actor,
    })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .leftJoin(ledgerTransactions, and(eq(ledgerTransactions.paymentId, payments.id), eq(ledgerTransactions.type, 'income')))
    .where(
      and(
        shared(ctx, input, paymentBranch),
        input.method ? eq(payments.method, input.method) : undefined,
        only ? eq(payments.id, only) : undefined,
        cursor ? order.after(cursor) : undefined,
      ),
    )
    .orderBy(...order.orderBy)
    .limit(limit);
  return rows.map((row) => ({ ...row, type: 'payment' as const }));
}

async function refundRows(ctx: ServiceContext, input: Filters, cursor: string | undefined, limit: number, only?: string): Promise<PaymentEntry[]> {
  const order = orderOf(input.sort, refundBranch);
  const rows = await ctx.db
    .select({
      id: refunds.id,
      date: refunds.refundedAt,
      amount: refunds.amount,
      currency: refunds.currency,
      method: refundMethod,
      reference: refunds.reason,
      provider: refunds.provider,
      providerId: refunds.providerId,
      invoiceId: refunds.invoiceId,
      invoiceNumber: invoices.number,
      customerId: invoices.customerId,
      customerName: customers.name,
      recordedBy: ledgerTransactions.actor,
    })
    .from(refunds)
    .innerJoin(invoices, eq(invoices.id, refunds.invoiceId))
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(ledgerTransactions, and(eq(ledgerTransactions.refundId, refunds.id), eq(ledgerTransactions.type, 'refund')))
    .where(
      and(
        shared(ctx, input, refundBranch),
        input.method ? eq(refundMethod, input.method) : undefined,
        only ? eq(refunds.id, only) : undefined,
        cursor ? order.after(cursor) : undefined,
      ),
    )
    .orderBy(...order.orderBy)
    .limit(limit);
  return rows.map((row) => ({ ...row, type: 'refund' as const }));
}

async function fetchPage(ctx: ServiceContext, input: Filters, cursor: string | undefined, limit: number) {
  requireBookReader(ctx.actor, 'invoices.view');
  // Each table answers its own first `limit + 1` rows in the list's order from its index; the
  // page is the first `limit + 1` of both, which those always contain.
  const [received, returned] = await Promise.all([
    input.type === 'refund' ? [] : paymentRows(ctx, input, cursor, limit + 1),
    input.type === 'payment' ? [] : refundRows(ctx, input, cursor, limit + 1),
  ]);
  // Either table's keyset pages alike: the cursor holds the entry's value and id, not its table.
  return orderOf(input.sort, paymentBranch).page([...received, ...returned].sort(compareFor(input.sort)), limit);
}

/**
 * How many payments and refunds the filters select, apart from the type filter (the list's
 * Payment / Refund chips): the same scope and filters as the list.
 */
export async function countPaymentsByType(ctx: ServiceContext, input: Omit<Filters, 'type'>): Promise<Partial<Record<PaymentEntryType, number>>> {
  requireBookReader(ctx.actor, 'invoices.view');
  const [[received], [returned]] = await Promise.all([
    ctx.db
      .select({ count: count() })
      .from(payments)
      .innerJoin(customers, eq(customers.id, payments.customerId))
      .where(and(shared(ctx, input, paymentBranch), input.method ? eq(payments.method, input.method) : undefined)),
    ctx.db
      .select({ count: count() })
      .from(refunds)
      .innerJoin(invoices, eq(invoices.id, refunds.invoiceId))
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(and(shared(ctx, input, refundBranch), input.method ? eq(refundMethod, input.method) : undefined)),
  ]);
  return statusCounts([
    { status: 'payment' as const, count: received?.count ?? 0 },
    { status: 'refund' as const, count: returned?.count ?? 0 },
  ]);
}

/**
 * One page of every payment and refund in the actor's reach, newest first: the desk's with
 * `invoices.view`, a reseller's book with its `invoices.view` flag; a client is refused.
 */
export async function listPayments(
  ctx: ServiceContext,
  input: Omit<ListPaymentsInput, 'format'>,
): Promise<{ items: PaymentEntry[]; nextCursor: string | null }> {
  return fetchPage(ctx, input, input.cursor, input.limit);
}

/** Every payment and refund matching the filters, newest first, in keyset batches (for CSV). */
export const eachPayment = (ctx: ServiceContext, input: Filters): AsyncGenerator<PaymentEntry> =>
  everyItem((cursor, limit) => fetchPage(ctx, input, cursor, limit));

/** One payment or refund as the Payments list shows it (a webhook's `data`), if in the actor's reach. */
export async function getPaymentEntry(ctx: ServiceContext, type: PaymentEntryType, id: string): Promise<PaymentEntry | undefined> {
  requireBookReader(ctx.actor, 'invoices.view');
  const [entry] = await (type === 'payment' ? paymentRows : refundRows)(ctx, {}, undefined, 1, id);
  return entry;
}
