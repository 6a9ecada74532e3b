import type { Metadata } from 'next';
import Link from 'next/link';
import { camelized } from '@/server/schemas/common';
import { resellerReportQuery } from '@/server/schemas/reports';
import { collectionRate, resellerPerformanceReport, type ResellerPerformanceRow } from '@/server/services/reports/resellers';
import { type SearchParams } from '../../../_lib/format';
import { requireArea } from '../../../_lib/guard';
import { consoleFormats } from '../../../_lib/money';
import { amount, cell, rangeText, ReportFrame, ReportScope, ReportTable, StatTile } from '../report-chrome';
import { rangeReportInput, readReportParams, reportContext, runReport } from '../report-page';

export const metadata: Metadata = { title: 'Reseller performance' };

const rateText = (rate: string | null) => (rate === null ? '—' : `${rate} %`);

export default async function ResellerPerformancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const ctx = await reportContext();
  const params = readReportParams(await searchParams);
  const { input, errors, range } = rangeReportInput(camelized(resellerReportQuery), params, ctx.now, 'this_month');
  return (
    <ReportFrame
      ctx={ctx}
      title="Reseller performance"
      description="Per reseller’s own book: customers, new customers, billed, collected, collection rate, churned services and commission."
      path="/admin/reports/resellers"
      csv={{ from: input.from, to: input.to }}
      controls={{ params, range, errors }}
      outcome={await runReport(() => resellerPerformanceReport(ctx, input))}
    >
      {(report, money) => (
        // The reseller pages are reseller management (settings.manage): staff who only read reports get names, not links.
        <ResellersBody rows={report.rows} range={input} currency={report.currency} money={money} linked={ctx.actor.permissions.has('settings.manage')} />
      )}
    </ReportFrame>
  );
}

async function ResellersBody({
  rows,
  range,
  currency,
  money,
  linked,
}: {
  rows: ResellerPerformanceRow[];
  range: { from: string; to: string };
  currency: string;
  money: (value: bigint) => string;
  linked: boolean;
}) {
  const formats = await consoleFormats();
  const sum = (figure: (r: ResellerPerformanceRow) => bigint | number) => rows.reduce((total, r) => total + BigInt(figure(r)), 0n);
  const billed = sum((r) => r.billed);
  const collected = sum((r) => r.collected);
  const commission = sum((r) => r.commission);
  const rate = collectionRate(collected, billed);
  return (
    <>
      <ReportScope>
        {rangeText(formats, range.from, range.to)} · {currency} · each reseller’s own customers
      </ReportScope>
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatTile label="Billed" value={money(billed)} testId="resellers-billed" />
        <StatTile label="Collected" value={money(collected)} testId="resellers-collected" />
        <StatTile label="Collection rate" value={rateText(rate)} testId="resellers-rate" />
        <StatTile label="Commission" value={money(commission)} testId="resellers-commission" />
      </div>
      <ReportTable
        label="Reseller performance"
        columns={[
          { label: 'Reseller' },
          { label: 'Customers', align: 'right' },
          { label: 'New customers', align: 'right' },
          { label: 'Billed', align: 'right' },
          { label: 'Collected', align: 'right' },
          { label: 'Collection rate', align: 'right' },
          { label: 'Churned services', align: 'right' },
          { label: 'Commission', align: 'right' },
        ]}
        empty={rows.length === 0 ? 'No reseller and no customer in this currency yet.' : undefined}
        total={
          rows.length > 0
            ? [
                String(sum((r) => r.customers)),
                String(sum((r) => r.newCustomers)),
                money(billed),
                money(collected),
                rateText(rate),
                String(sum((r) => r.churnedServices)),
                money(commission),
              ]
            : null
        }
      >
        {rows.map((r) => (
          <tr key={r.resellerId ?? 'direct'} className="hover:bg-muted/40" data-testid={`reseller-row-${r.resellerId ?? 'direct'}`}>
            <td className={cell}>
              {r.resellerId && linked ? (
                <Link href={`/admin/resellers/${r.resellerId}`} className="font-medium text-accent hover:underline">
                  {r.resellerName}
                </Link>
              ) : r.resellerId ? (
                r.resellerName
              ) : (
                <span className="text-fg-muted">{r.resellerName} (no reseller)</span>
              )}
            </td>
            <td className={amount}>{r.customers}</td>
            <td className={amount}>{r.newCustomers}</td>
            <td className={amount}>{money(r.billed)}</td>
            <td className={amount}>{money(r.collected)}</td>
            <td className={amount}>{rateText(r.collectionRate)}</td>
            <td className={amount}>{r.churnedServices}</td>
            <td className={amount}>{money(r.commission)}</td>
          </tr>
        ))}
      </ReportTable>
      <p className="mt-3 text-xs text-fg-muted">
        A reseller’s row counts only the customers it holds itself, now — a sub-reseller’s are on the sub-reseller’s row. Billed: documents issued in the range,
        credit notes subtracted; collected: payments made in the range; churned: recurring services cancelled or terminated in the range; commission: as the
        Commissions report for the same range.
      </p>
    </>
  );
}
