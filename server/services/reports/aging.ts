import { sql } from 'drizzle-orm';
import { toPlainDate } from '@/server/billing/periods';
import { agingBucketEnds, type AgingBucketKey } from '@/server/billing/reports';
import type { AgingReportInput } from '@/server/schemas/reports';
import type { ServiceContext } from '@/server/services/context';
import { minorColumn, reportCurrency, requireReports, withoutJit } from './shared';

export type AgingFigures = Record<AgingBucketKey, bigint>;
export type AgingRow = { customerId: string; customerName: string; buckets: AgingFigures; total: bigint };
export type AgingReport = { currency: string; asOf: string; buckets: AgingFigures; total: bigint; rows: AgingRow[] };

/**
 * The open documents: invoices and debit notes awaiting payment (pending, partial, overdue),
 * issued on or before the date. Cancelled ones (consolidation sources among them) are settled
 * elsewhere or owed nowhere; paid and refunded ones owe nothing; credit notes are born paid;
 * proformas ask for no payment of their own; drafts are not issued.
 */
export const openDocuments = (asOf: string) => sql`
  from invoices i
  where i.kind in ('invoice', 'debit_note') and i.status in ('pending', 'partial', 'overdue')
    and i.deleted_at is null and i.issue_date <= ${asOf}::date`;

// One `sum(...) filter` per bucket, from the same table as agingBucket(): days past due at the
// date are `as_of − due_date`; due that day or later is current.
const bucketSums = (asOf: string) =>
  sql.join(
    agingBucketEnds.map((bucket, index) => {
      const days = sql`(${asOf}::date - i.due_date)`;
      const after = index === 0 ? sql`true` : sql`${days} > ${agingBucketEnds[index - 1]!.lastDay}`;
      const upTo = bucket.lastDay === null ? sql`true` : sql`${days} <= ${bucket.lastDay}`;
      return sql`coalesce(sum(i.total - i.amount_paid) filter (where ${after} and ${upTo}), 0)::bigint as ${sql.identifier(bucket.key)}`;
    }),
    sql`, `,
  );

/**
 * Receivables aging at `as_of` (today by default; API.md "Reports"): each customer's open
 * balances (total − amount paid, as they stand now) by days past due at that date, in one
 * currency, customers by total owed, largest first; with the bucket totals. A past `as_of`
 * leaves out documents issued after it and ages the rest at that date; it does not rebuild the
 * balances of that day (a payment made since still counts as paid).
 */
export async function agingReport(ctx: ServiceContext, input: AgingReportInput): Promise<AgingReport> {
  requireReports(ctx.actor);
  const asOf = input.asOf ?? toPlainDate(ctx.now);
  const currency = await reportCurrency(ctx.db, input.currency, sql`select i.currency ${openDocuments(asOf)}`);
  // Grouping sets: each customer's row and, with no customer, the bucket totals, in one pass,
  // hashed by customer id alone; the names are joined to the few grouped rows afterwards rather
  // than carried through a sort of every open document.
  const perCustomer = sql`
    select o.*, c.name as customer_name from (
      select i.customer_id, ${bucketSums(asOf)}, coalesce(sum(i.total - i.amount_paid), 0)::bigint as total
      ${openDocuments(asOf)} and i.currency = ${currency}
      group by grouping sets ((i.customer_id), ())
    ) o left join customers c on c.id = o.customer_id`;
  const figures = Object.fromEntries(agingBucketEnds.map((b) => [b.key, minorColumn(b.key)])) as Record<AgingBucketKey, ReturnType<typeof minorColumn>>;
  const rows = await withoutJit(ctx.db, (tx) =>
    tx
      .select({ customerId: sql<string | null>`a.customer_id`, customerName: sql<string | null>`a.customer_name`, ...figures, total: minorColumn('total') })
      .from(sql`(${perCustomer}) as a`)
      .orderBy(sql`a.total desc, a.customer_name, a.customer_id`),
  );
  const report: AgingReport = {
    currency,
    asOf,
    buckets: Object.fromEntries(agingBucketEnds.map((b) => [b.key, 0n])) as AgingFigures,
    total: 0n,
    rows: [],
  };
  for (const { customerId, customerName, total, ...buckets } of rows) {
    if (customerId === null) Object.assign(report, { buckets, total });
    else report.rows.push({ customerId, customerName: customerName ?? '', buckets, total });
  }
  return report;
}
