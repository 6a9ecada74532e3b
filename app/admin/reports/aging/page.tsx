import type { Metadata } from 'next';
import Link from 'next/link';
import { awaitingPayment } from '@/server/billing/invoice-status';
import { toPlainDate } from '@/server/billing/periods';
import { agingDueRange } from '@/server/billing/report-ranges';
import { agingBucketKeys, type AgingBucketKey } from '@/server/billing/reports';
import { camelized } from '@/server/schemas/common';
import { agingReportQuery } from '@/server/schemas/reports';
import { agingReport, type AgingReport } from '@/server/services/reports/aging';
import { queryString, type SearchParams } from '../../../_lib/format';
import { requireArea } from '../../../_lib/guard';
import { consoleFormats } from '../../../_lib/money';
import { amount, cell, ReportFrame, ReportScope, ReportTable, StatTile } from '../report-chrome';
import { readReportParams, reportContext, reportInput, runReport } from '../report-page';

export const metadata: Metadata = { title: 'Receivables aging' };

const bucketLabels: Record<AgingBucketKey, string> = {
  current: 'Current',
  days_1_30: '1–30 days',
  days_31_60: '31–60 days',
  days_61_90: '61–90 days',
  days_over_90: 'Over 90 days',
};

/**
 * The invoice list behind a figure: the open documents (pending, partial, overdue) in the
 * currency, of the customer (a row's cells), due in the bucket's days at the report's date (no
 * bucket: the row's or the report's total).
 */
function invoicesHref(currency: string, asOf: string, bucket: AgingBucketKey | null, customerId?: string) {
  const due = bucket ? agingDueRange(bucket, asOf) : {};
  return `/admin/invoices?${queryString({ status: awaitingPayment.join(','), customer: customerId, currency, date_field: bucket ? 'due' : undefined, ...due })}`;
}

export default async function AgingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const ctx = await reportContext();
  const params = readReportParams(await searchParams);
  const today = toPlainDate(ctx.now);
  const { input, errors } = reportInput(
    camelized(agingReportQuery),
    { as_of: params.as_of ?? today, currency: params.currency },
    { as_of: today, currency: params.currency },
    { as_of: today },
  );
  const asOf = input.asOf ?? today;
  return (
    <ReportFrame
      ctx={ctx}
      title="Receivables aging"
      description="What customers owe on open invoices and debit notes, by how long past due at the date. Each figure opens the invoices behind it."
      path="/admin/reports/aging"
      csv={{ as_of: asOf }}
      controls={{ params, asOf, errors }}
      outcome={await runReport(() => agingReport(ctx, input))}
    >
      {(report, money) => <AgingBody report={report} money={money} />}
    </ReportFrame>
  );
}

async function AgingBody({ report, money }: { report: AgingReport; money: (value: bigint) => string }) {
  const formats = await consoleFormats();
  const { currency, asOf } = report;
  const figure = (value: bigint, href: string, label: string) =>
    value === 0n ? (
      <span className="text-fg-muted">{money(value)}</span>
    ) : (
      // The amount is what is seen, so it is said first; whose and which bucket follow for a screen reader.
      <Link href={href} className="hover:underline">
        {money(value)}
        <span className="sr-only"> ({label})</span>
      </Link>
    );
  return (
    <>
      <ReportScope>
        As of {formats.day(asOf)} · {currency} · balances as they stand now
      </ReportScope>
      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        {agingBucketKeys.map((bucket) => (
          <StatTile
            key={bucket}
            label={bucketLabels[bucket]}
            value={money(report.buckets[bucket])}
            href={invoicesHref(currency, asOf, bucket)}
            testId={`aging-${bucket}`}
          />
        ))}
        <StatTile label="Total" value={money(report.total)} href={invoicesHref(currency, asOf, null)} testId="aging-total" />
      </div>
      <ReportTable
        label="Receivables aging"
        columns={[
          { label: 'Customer' },
          ...agingBucketKeys.map((b) => ({ label: bucketLabels[b], align: 'right' as const })),
          { label: 'Total', align: 'right' },
        ]}
        empty={report.rows.length === 0 ? 'Nothing is owed in this currency.' : undefined}
        total={report.rows.length > 0 ? [...agingBucketKeys.map((bucket) => money(report.buckets[bucket])), money(report.total)] : null}
      >
        {report.rows.map((r) => (
          <tr key={r.customerId} className="hover:bg-muted/40">
            <td className={`${cell} font-medium`}>
              <Link href={`/admin/customers/${r.customerId}`} className="hover:underline">
                {r.customerName}
              </Link>
            </td>
            {agingBucketKeys.map((bucket) => (
              <td key={bucket} className={amount}>
                {figure(r.buckets[bucket], invoicesHref(currency, asOf, bucket, r.customerId), `${r.customerName}, ${bucketLabels[bucket]}`)}
              </td>
            ))}
            <td className={`${amount} font-medium`}>{figure(r.total, invoicesHref(currency, asOf, null, r.customerId), `${r.customerName}, total`)}</td>
          </tr>
        ))}
      </ReportTable>
      <p className="mt-3 text-xs text-fg-muted">
        Days past due are counted from each due date to the report’s date. A figure opens the customer’s open invoices (pending, partial or overdue) in this
        currency due in the bucket’s days.
      </p>
    </>
  );
}
