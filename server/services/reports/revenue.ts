import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoices, payments as paymentsTable } from '@/db/schema';
import type { Scope } from '@/server/auth/actor';
import type { ReportInterval } from '@/server/billing/reports';
import type { RevenueReportInput } from '@/server/schemas/reports';
import type { ServiceContext } from '@/server/services/context';
import { dayStart, inScope, minorColumn, reportCurrency, requireReports, withoutJit } from './shared';

export type RevenueRow = { period: string; invoiced: bigint; collected: bigint; refunded: bigint; net: bigint };
export type RevenueReport = { currency: string; rows: RevenueRow[] };

/**
 * The documents that count as invoiced, by issue date, and what each counts: the database's
 * `report_invoiced` (migration 0017_report_rollups, docs/reports.md "Revenue"), the one
 * definition the rollups' triggers use too. Numbered invoices and debit notes (plus) and credit
 * notes (minus); drafts have no number and count nowhere; proformas are not tax documents (their
 * paid conversion is the invoice that counts); a cancelled document counts nothing, except a
 * consolidation source (cancelled, with `consolidated_into_id`), whose parent re-bills only what
 * the source had not received (the parent carries a negative line for what was paid on it): the
 * source counts that paid part, so the pair counts the source's total once. Deleted documents
 * and top-ups (deposits: the credit they buy counts when it pays an invoice) count nowhere.
 */
export const invoicedAmount = sql`report_invoiced(i.kind, i.status, i.consolidated_into_id, i.deleted_at, i.total, i.amount_paid, i.purpose)`;
export const invoicedDocuments = (from: string, to: string, currency: SQL) => sql`
  from invoices i
  where ${currency} and i.issue_date between ${from}::date and ${to}::date and ${invoicedAmount} is not null`;

// Payments on their paid date, refunds on their refund date (UTC days), every method: money that
// moved between invoices through the credit balance shows as a refund to credit and a payment
// from credit, which net out. A top-up's money is a deposit, paid in or given back: it counts when
// its credit is spent.
const notDeposit = (invoiceId: SQL) => sql`not exists (select 1 from invoices deposit where deposit.id = ${invoiceId} and deposit.purpose = 'top_up')`;
export const payments = (from: string, to: string, currency: SQL) =>
  sql`from payments p where ${currency} and p.paid_at >= ${dayStart(from)} and p.paid_at < ${dayStart(sql`${to}::date + 1`)}
      and ${notDeposit(sql`p.invoice_id`)}`;
const refunds = (from: string, to: string, currency: SQL) =>
  sql`from refunds r where ${currency} and r.refunded_at >= ${dayStart(from)} and r.refunded_at < ${dayStart(sql`${to}::date + 1`)}
      and ${notDeposit(sql`r.invoice_id`)}`;

/**
 * Revenue per day or month of [from, to] (API.md "Reports"): invoiced (see `invoicedDocuments`),
 * collected = Σ payments, refunded = Σ refunds, net = collected − refunded, in one currency,
 * every period of the range present (zero when nothing happened). A month only partly inside the
 * range counts only the days inside it. One SQL statement, over the rollups; nothing is summed here.
 */
export async function revenueReport(ctx: ServiceContext, input: RevenueReportInput): Promise<RevenueReport> {
  requireReports(ctx.actor);
  const { from, to } = input;
  const currency = await reportCurrency(
    ctx.db,
    input.currency,
    sql`select currency from revenue_rollup where day between ${from}::date and ${to}::date
        group by currency, day having sum(invoiced) <> 0 or sum(collected) <> 0 or sum(refunded) <> 0`,
  );
  return { currency, rows: await revenueRows(ctx.db, { ...input, currency }, { kind: 'all' }) };
}

/**
 * The revenue rows of [from, to] in `currency` over the book of `scope`. The desk's (scope all)
 * sum the rollups (`revenue_rollup`: per currency and UTC day, maintained by triggers in the
 * transaction of every write; docs/reports.md "Rollups"); a smaller book (the dashboard of a
 * reseller) sums its documents, payments and refunds themselves, by the same definitions.
 */
export async function revenueRows(
  db: Database,
  { from, to, interval, currency }: { from: string; to: string; interval: ReportInterval; currency: string },
  scope: Scope,
): Promise<RevenueRow[]> {
  const unit = sql.raw(interval === 'day' ? `'day'` : `'month'`);
  const step = sql.raw(interval === 'day' ? `interval '1 day'` : `interval '1 month'`);
  const label = sql.raw(interval === 'day' ? `'YYYY-MM-DD'` : `'YYYY-MM'`);
  const periodOf = (instant: SQL) => sql`date_trunc(${unit}, ${instant})::date`;
  const report = sql`
    with periods as (
      select gs::date as start from generate_series(date_trunc(${unit}, ${from}::date::timestamp), ${to}::date::timestamp, ${step}) gs
    ),
    figures as (${scope.kind === 'all' ? rolledUp(from, to, currency, periodOf) : summed(from, to, currency, periodOf, scope)})
    select to_char(periods.start, ${label}) as period,
           coalesce(figures.invoiced, 0)::bigint as invoiced,
           coalesce(figures.collected, 0)::bigint as collected,
           coalesce(figures.refunded, 0)::bigint as refunded,
           (coalesce(figures.collected, 0) - coalesce(figures.refunded, 0))::bigint as net,
           periods.start
    from periods
    left join figures using (start)`;
  return withoutJit(db, (tx) =>
    tx
      .select({
        period: sql<string>`r.period`,
        invoiced: minorColumn('invoiced'),
        collected: minorColumn('collected'),
        refunded: minorColumn('refunded'),
        net: minorColumn('net'),
      })
      .from(sql`(${report}) as r`)
      .orderBy(sql`r.start`),
  );
}

type PeriodOf = (instant: SQL) => SQL;

/** Each period's (start, invoiced, collected, refunded) from the rollups' deltas. */
const rolledUp = (from: string, to: string, currency: string, periodOf: PeriodOf) => sql`
  select ${periodOf(sql`day::timestamp`)} as start, sum(invoiced) as invoiced, sum(collected) as collected, sum(refunded) as refunded
  from revenue_rollup
  where currency = ${currency} and day between ${from}::date and ${to}::date
  group by 1`;

/** Each period's (start, invoiced, collected, refunded) summed from the rows of a scope's book. */
function summed(from: string, to: string, currency: string, periodOf: PeriodOf, scope: Scope): SQL {
  const refundsInScope = sql`r.invoice_id in (select i.id from invoices i where ${inScope(invoices, 'i', scope)})`;
  return sql`
    select start, sum(invoiced) as invoiced, sum(collected) as collected, sum(refunded) as refunded
    from (
      select ${periodOf(sql`i.issue_date::timestamp`)} as start, sum(${invoicedAmount}) as invoiced, 0 as collected, 0 as refunded
      ${invoicedDocuments(from, to, sql`i.currency = ${currency} and ${inScope(invoices, 'i', scope)}`)}
      group by 1
      union all
      select ${periodOf(sql`p.paid_at at time zone 'UTC'`)}, 0, sum(p.amount), 0
      ${payments(from, to, sql`p.currency = ${currency} and ${inScope(paymentsTable, 'p', scope)}`)}
      group by 1
      union all
      select ${periodOf(sql`r.refunded_at at time zone 'UTC'`)}, 0, 0, sum(r.amount)
      ${refunds(from, to, sql`r.currency = ${currency} and ${refundsInScope}`)}
      group by 1
    ) f
    group by start`;
}
