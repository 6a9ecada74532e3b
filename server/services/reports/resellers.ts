import { sql, type SQL } from 'drizzle-orm';
import { divRound } from '@/server/billing/decimal';
import type { ResellerReportInput } from '@/server/schemas/reports';
import type { ServiceContext } from '@/server/services/context';
import { commissionRows } from '@/server/services/resellers/commissions';
import { candidates as recurringServices } from './mrr';
import { invoicedAmount, invoicedDocuments, payments } from './revenue';
import { dayStart, minorColumn, reportCurrency, requireReports } from './shared';

export type ResellerPerformanceRow = {
  /** null: the desk's direct customers (no reseller). */
  resellerId: string | null;
  resellerName: string;
  customers: number;
  newCustomers: number;
  billed: bigint;
  collected: bigint;
  /** collected ÷ billed as a percent to one decimal ("62.5"); null when nothing was billed. */
  collectionRate: string | null;
  churnedServices: number;
  commission: bigint;
};
export type ResellerPerformanceReport = { currency: string; rows: ResellerPerformanceRow[] };

/** The name the report gives the customers without a reseller. */
export const directBook = 'Direct';

/**
 * Collected as a percent of billed, to one decimal, half away from zero; null when nothing (or a
 * net of zero) was billed, since no rate means anything then. The rows and the page's total use it.
 */
export function collectionRate(collected: bigint, billed: bigint): string | null {
  if (billed === 0n) return null;
  const tenths = divRound(collected * 1000n, billed);
  const magnitude = tenths < 0n ? -tenths : tenths;
  return `${tenths < 0n ? '-' : ''}${magnitude / 10n}.${magnitude % 10n}`;
}

/**
 * Per reseller, the figures of its own book — the customers whose `reseller_id` is it (as they
 * stand now, as the commissions report attributes them) — for [from, to] in one currency:
 * - customers: its customers in that currency created by the end of `to`; new customers: those
 *   created within the range;
 * - billed: revenue's invoiced (`invoicedDocuments`) of their documents issued in the range;
 * - collected: payments on their invoices paid in the range (revenue's collected, refunds not
 *   subtracted), so the collection rate compares money in with documents out over one range;
 * - churned services: their recurring services that ended in the range, as MRR counts an ending
 *   (cancelled or terminated at `updated_at`, having run);
 * - commission: the commissions report's `commission_earned` for the same range and currency
 *   (`commissionRows`), so the two reports never disagree.
 * A sub-reseller's book is its own row; a parent's row does not include it (the tree's totals
 * would count the same customers twice in the Total row). The customers without a reseller are
 * one row, `Direct`, with no commission. Every reseller whose account existed by `to` is listed
 * (zeros included, so a quiet reseller shows); any other only when it has a figure. By billed,
 * largest first, then name.
 */
export async function resellerPerformanceReport(ctx: ServiceContext, input: ResellerReportInput): Promise<ResellerPerformanceReport> {
  requireReports(ctx.actor);
  const { from, to } = input;
  const start = dayStart(from);
  const end = dayStart(sql`${to}::date + 1`);
  // The ending's window is also handed to the services' own filter, so only those that ended in
  // the range reach the per-service look-up of their order's activation.
  const ended = (currency: SQL) =>
    sql`select c.customer_id, c.currency from (${recurringServices(sql`${currency} and s.updated_at >= ${start} and s.updated_at < ${end}`)}) c
        where c.ended_at >= ${start} and c.ended_at < ${end}`;
  const currency = await reportCurrency(
    ctx.db,
    input.currency,
    sql`select i.currency ${invoicedDocuments(from, to, sql`true`)}
        union all select p.currency ${payments(from, to, sql`true`)}
        union all select e.currency from (${ended(sql`true`)}) e
        union all select cu.currency from customers cu where cu.created_at >= ${start} and cu.created_at < ${end}`,
  );
  const report = sql`
    with billed as (
      select i.customer_id, sum(${invoicedAmount}) as amount
      ${invoicedDocuments(from, to, sql`i.currency = ${currency}`)}
      group by i.customer_id
    ),
    collected as (
      select p.customer_id, sum(p.amount) as amount ${payments(from, to, sql`p.currency = ${currency}`)} group by p.customer_id
    ),
    churned as (
      select e.customer_id, count(*) as n from (${ended(sql`s.currency = ${currency}`)}) e group by e.customer_id
    ),
    book as (
      select cu.reseller_id,
             count(*) filter (where cu.currency = ${currency} and cu.created_at < ${end}) as customers,
             count(*) filter (where cu.currency = ${currency} and cu.created_at >= ${start} and cu.created_at < ${end}) as new_customers,
             coalesce(sum(b.amount), 0) as billed,
             coalesce(sum(c.amount), 0) as collected,
             coalesce(sum(ch.n), 0) as churned
      from customers cu
      left join billed b on b.customer_id = cu.id
      left join collected c on c.customer_id = cu.id
      left join churned ch on ch.customer_id = cu.id
      group by cu.reseller_id
    )
    select coalesce(r.user_id, b.reseller_id) as reseller_id,
           case when coalesce(r.user_id, b.reseller_id) is null then ${directBook} else u.name end as reseller_name,
           coalesce(b.customers, 0)::int as customers,
           coalesce(b.new_customers, 0)::int as new_customers,
           coalesce(b.billed, 0)::bigint as billed,
           coalesce(b.collected, 0)::bigint as collected,
           coalesce(b.churned, 0)::int as churned_services
    from book b
    full join resellers r on r.user_id = b.reseller_id
    left join users u on u.id = coalesce(r.user_id, b.reseller_id)
    where (r.user_id is not null and u.created_at < ${end})
       or b.customers > 0 or b.billed <> 0 or b.collected <> 0 or b.churned > 0`;
  const [rows, commissions] = await Promise.all([
    ctx.db
      .select({
        resellerId: sql<string | null>`t.reseller_id`,
        resellerName: sql<string>`t.reseller_name`,
        customers: sql<number>`t.customers`,
        newCustomers: sql<number>`t.new_customers`,
        billed: minorColumn('billed'),
        collected: minorColumn('collected'),
        churnedServices: sql<number>`t.churned_services`,
      })
      .from(sql`(${report}) as t`)
      .orderBy(sql`t.billed desc, t.reseller_id is null, t.reseller_name, t.reseller_id`),
    commissionRows(ctx.db, { from, to }, { currency }),
  ]);
  const earned = new Map(commissions.map((c) => [c.resellerId, c.commissionEarned]));
  return {
    currency,
    rows: rows.map((r) => ({
      ...r,
      collectionRate: collectionRate(r.collected, r.billed),
      commission: (r.resellerId ? earned.get(r.resellerId) : undefined) ?? 0n,
    })),
  };
}
