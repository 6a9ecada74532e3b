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
 * The documents that count as invoiced, by issue date: numbered invoices and debit notes (plus)
 * and credit notes (minus). Drafts have no number and count nowhere; proformas are not tax
 * documents (their paid conversion is the invoice that counts) and are left out by kind; a
 * cancelled document counts nothing, except a consolidation source (cancelled, with
 * `consolidated_into_id`), whose parent re-bills only what the source had not received (the
 * parent carries a negative line for what was paid on it): the source counts that paid part, so
 * the pair counts the source's total once. Deleted documents count nowhere.
 */
export const invoicedAmount = sql`case when i.kind = 'credit_note' then -i.total when i.consolidated_into_id is not null then i.amount_paid else i.total end`;
export const invoicedDocuments = (from: string, to: string, currency: SQL) => sql`
  from invoices i
  where ${currency} and i.issue_date between ${from}::date and ${to}::date
    and i.kind in ('invoice', 'debit_note', 'credit_note') and i.status <> 'draft' and i.deleted_at is null
    and (i.status <> 'cancelled' or i.consolidated_into_id is not null)`;

// Payments on their paid date, refunds on their refund date (UTC days), every method: money that
// moved between invoices through the credit balance shows as a refund to credit and a payment
// from credit, which net out.
export const payments = (from: string, to: string, currency: SQL) =>
  sql`from payments p where ${currency} and p.paid_at >= ${dayStart(from)} and p.paid_at < ${dayStart(sql`${to}::date + 1`)}`;
const refunds = (from: string, to: string, currency: SQL) =>
  sql`from refunds r where ${currency} and r.refunded_at >= ${dayStart(from)} and r.refunded_at < ${dayStart(sql`${to}::date + 1`)}`;

/**
 * Revenue per day or month of [from, to] (API.md "Reports"): invoiced (see `invoicedDocuments`),
 * collected = Σ payments, refunded = Σ refunds, net = collected − refunded, in one currency,
 * every period of the range present (zero when nothing happened). A month only partly inside the
 * range counts only the days inside it. One SQL statement; nothing is summed here.
 */
export async function revenueReport(ctx: ServiceContext, input: RevenueReportInput): Promise<RevenueReport> {
  requireReports(ctx.actor);
  const { from, to } = input;
  const currency = await reportCurrency(
    ctx.db,
    input.currency,
    sql`select i.currency ${invoicedDocuments(from, to, sql`true`)}
        union all select p.currency ${payments(from, to, sql`true`)}
        union all select r.currency ${refunds(from, to, sql`true`)}`,
  );
  return { currency, rows: await revenueRows(ctx.db, { ...input, currency }, { kind: 'all' }) };
}

/**
 * The revenue rows of [from, to] in `currency` over the book of `scope` (the desk's reports: all;
 * the dashboard: the caller's book): documents, payments and refunds of the customers it reaches.
 */
export async function revenueRows(
  db: Database,
  { from, to, interval, currency }: { from: string; to: string; interval: ReportInterval; currency: string },
  scope: Scope,
): Promise<RevenueRow[]> {
  const refundsInScope = scope.kind === 'all' ? sql`true` : sql`r.invoice_id in (select i.id from invoices i where ${inScope(invoices, 'i', scope)})`;
  const unit = sql.raw(interval === 'day' ? `'day'` : `'month'`);
  const step = sql.raw(interval === 'day' ? `interval '1 day'` : `interval '1 month'`);
  const label = sql.raw(interval === 'day' ? `'YYYY-MM-DD'` : `'YYYY-MM'`);
  const periodOf = (instant: SQL) => sql`date_trunc(${unit}, ${instant})::date`;
  const report = sql`
    with periods as (
      select gs::date as start from generate_series(date_trunc(${unit}, ${from}::date::timestamp), ${to}::date::timestamp, ${step}) gs
    ),
    invoiced as (
      select ${periodOf(sql`i.issue_date::timestamp`)} as start, sum(${invoicedAmount}) as amount
      ${invoicedDocuments(from, to, sql`i.currency = ${currency} and ${inScope(invoices, 'i', scope)}`)}
      group by 1
    ),
    collected as (
      select ${periodOf(sql`p.paid_at at time zone 'UTC'`)} as start, sum(p.amount) as amount
      ${payments(from, to, sql`p.currency = ${currency} and ${inScope(paymentsTable, 'p', scope)}`)}
      group by 1
    ),
    refunded as (
      select ${periodOf(sql`r.refunded_at at time zone 'UTC'`)} as start, sum(r.amount) as amount
      ${refunds(from, to, sql`r.currency = ${currency} and ${refundsInScope}`)}
      group by 1
    )
    select to_char(periods.start, ${label}) as period,
           coalesce(invoiced.amount, 0)::bigint as invoiced,
           coalesce(collected.amount, 0)::bigint as collected,
           coalesce(refunded.amount, 0)::bigint as refunded,
           (coalesce(collected.amount, 0) - coalesce(refunded.amount, 0))::bigint as net,
           periods.start
    from periods
    left join invoiced using (start)
    left join collected using (start)
    left join refunded using (start)`;
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
