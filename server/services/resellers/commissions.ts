import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, invoices, ledgerTransactions, resellers, users } from '@/db/schema';
import { sumBigint } from '@/db/sql';
import { requirePermission, type Actor } from '@/server/auth/actor';
import { commissionOf } from '@/server/billing/commission';
import { toPlainDate } from '@/server/billing/periods';
import { AppError } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';

/** One row of the commissions report: a reseller's figures in one currency for a range of issue dates. */
export type CommissionRow = {
  resellerId: string;
  resellerName: string;
  currency: string;
  invoicesIssued: number;
  totalBilled: bigint;
  totalCollected: bigint;
  /** The reseller's commission in thousandths of a percent (12.5 % → 12500n). */
  commissionMilli: bigint;
  commissionEarned: bigint;
  paidOut: bigint;
  /** Earned less paid out; negative when more was paid out than is earned now (a refund after a payout). */
  outstanding: bigint;
};

export type CommissionRange = { from: string; to: string };

/** The calendar month (UTC) around `now`: the report's default range. */
export function monthOf(now: Date): CommissionRange {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  return { from: toPlainDate(first), to: toPlainDate(last) };
}

/**
 * Whose rows an actor reads: the desk (admins, staff with `reports.view`) every reseller's; a
 * reseller only its own — not its sub-resellers', whose commission is theirs; anyone else none.
 * Returns the one reseller to narrow to, or undefined for all.
 */
function reportScope(actor: Actor): string | undefined {
  if (actor.scope.kind === 'reseller') return actor.scope.resellerId;
  if (actor.scope.kind !== 'all') throw new AppError('forbidden', 'The commissions report is not available to this account');
  requirePermission(actor, 'reports.view');
  return undefined;
}

/**
 * The report's rows for `range` (issue dates, inclusive), optionally one reseller's and one
 * currency's; the figures as the report defines them (see `commissionsReport`). Unscoped: the
 * callers check who asks. Reads in whatever transaction `db` is, so a payout recomputes it under
 * its lock.
 */
export async function commissionRows(db: Database, range: CommissionRange, only: { resellerId?: string; currency?: string } = {}): Promise<CommissionRow[]> {
  const rows = await db
    .select({
      resellerId: resellers.userId,
      resellerName: users.name,
      currency: invoices.currency,
      invoicesIssued: count(),
      totalBilled: sumBigint(invoices.total),
      totalCollected: sumBigint(sql`${invoices.amountPaid} - ${invoices.amountRefunded}`),
      commissionMilli: resellers.commissionMilli,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .innerJoin(resellers, eq(resellers.userId, customers.resellerId))
    .innerJoin(users, eq(users.id, resellers.userId))
    .where(
      and(
        // Numbered invoices only: drafts have no number, proformas are no tax document (their
        // paid conversion is the invoice), credit and debit notes correct an invoice counted here.
        eq(invoices.kind, 'invoice'),
        isNotNull(invoices.number),
        ne(invoices.status, 'cancelled'),
        // Only drafts and cancelled documents can be deleted; said again so no deleted one ever counts.
        isNull(invoices.deletedAt),
        gte(invoices.issueDate, range.from),
        lte(invoices.issueDate, range.to),
        only.resellerId ? eq(customers.resellerId, only.resellerId) : undefined,
        only.currency ? eq(invoices.currency, only.currency) : undefined,
      ),
    )
    .groupBy(resellers.userId, users.name, resellers.commissionMilli, invoices.currency)
    .orderBy(asc(users.name), asc(resellers.userId), asc(invoices.currency));
  if (rows.length === 0) return [];

  const paid = await db
    .select({ resellerId: ledgerTransactions.resellerId, currency: ledgerTransactions.currency, amount: sumBigint(ledgerTransactions.amount) })
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.type, 'commission_payout'),
        inArray(ledgerTransactions.resellerId, [...new Set(rows.map((r) => r.resellerId))]),
        payoutWithin(range),
        only.currency ? eq(ledgerTransactions.currency, only.currency) : undefined,
      ),
    )
    .groupBy(ledgerTransactions.resellerId, ledgerTransactions.currency);
  const paidOf = new Map(paid.map((p) => [`${p.resellerId}/${p.currency}`, p.amount]));

  return rows.map((row) => {
    const commissionEarned = commissionOf(row.totalCollected, row.commissionMilli);
    const paidOut = paidOf.get(`${row.resellerId}/${row.currency}`) ?? 0n;
    return { ...row, invoicesIssued: Number(row.invoicesIssued), commissionEarned, paidOut, outstanding: commissionEarned - paidOut };
  });
}

/** A payout counts in a range when the period it settled lies wholly inside it. */
const payoutWithin = (range: CommissionRange): SQL | undefined =>
  and(gte(ledgerTransactions.periodFrom, range.from), lte(ledgerTransactions.periodTo, range.to));

/**
 * The commissions report (API.md, "Resellers, permissions and commissions"): one row per
 * reseller and currency with invoices issued in [from, to] (inclusive, on the issue date).
 *
 * - invoices issued: numbered documents of kind `invoice` of the reseller's customers, cancelled
 *   ones left out (drafts have no number; proformas, credit and debit notes are other kinds);
 * - total billed: Σ total; total collected: Σ (amount paid − amount refunded) on those invoices,
 *   as they stand now (a refund made after the range still lowers it);
 * - earned: total collected × the reseller's commission percent / 100, rounded half away from
 *   zero once per row (`commissionOf`), at the percent the reseller has now;
 * - paid out: Σ `commission_payout` ledger rows of that reseller and currency whose period
 *   (period_from … period_to) lies wholly within [from, to]. Mark paid records the row's own
 *   range, so it counts in that report, in any wider one, and in no report of a range that
 *   only overlaps it — a payout is never counted in two disjoint ranges;
 * - outstanding: earned − paid out.
 *
 * Invoices are attributed to the customer's CURRENT reseller. An invoice records no reseller of
 * its own; the ledger does (`reseller_id` as written), but only on money movements: billed
 * figures and unpaid invoices have no ledger row to read one from, and mixing the two would split
 * one invoice's billed and collected amounts between two resellers once a customer moves. Moving
 * a customer therefore moves its invoices' commission, past ranges included, which is what an
 * admin reassigning a book expects; payouts stay with the reseller they were paid to.
 *
 * An admin or staff with `reports.view` reads every row; a reseller only its own rows.
 */
export async function commissionsReport(ctx: ServiceContext, input: CommissionRange): Promise<CommissionRow[]> {
  const resellerId = reportScope(ctx.actor);
  return commissionRows(ctx.db, input, { resellerId });
}
