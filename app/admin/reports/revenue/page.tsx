import type { Metadata } from 'next';
import { isPlainDate } from '@/server/billing/periods';
import { defaultInterval, percentChange, previousRange } from '@/server/billing/report-ranges';
import { camelized } from '@/server/schemas/common';
import { revenueReportQuery } from '@/server/schemas/reports';
import { revenueReport, type RevenueRow } from '@/server/services/reports/revenue';
import { Card } from '../../../_components/ui/card';
import { type SearchParams } from '../../../_lib/format';
import { requireArea } from '../../../_lib/guard';
import { consoleFormats } from '../../../_lib/money';
import { RevenueChart } from '../report-charts';
import { amount, cell, rangeText, ReportFrame, ReportScope, ReportTable, StatTile } from '../report-chrome';
import { rangeReportInput, readReportParams, reportContext, runReport } from '../report-page';

export const metadata: Metadata = { title: 'Revenue' };

const figures = ['invoiced', 'collected', 'refunded', 'net'] as const;
const labels: Record<(typeof figures)[number], string> = { invoiced: 'Invoiced', collected: 'Collected', refunded: 'Refunded', net: 'Net' };

const totalOf = (rows: readonly RevenueRow[]) =>
  Object.fromEntries(figures.map((f) => [f, rows.reduce((sum, r) => sum + r[f], 0n)])) as Record<(typeof figures)[number], bigint>;

export default async function RevenuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const ctx = await reportContext();
  const params = readReportParams(await searchParams);
  const { input, errors, range } = rangeReportInput(camelized(revenueReportQuery), params, ctx.now, 'this_month', (r, given) => ({
    interval: given.interval ?? defaultInterval(r),
  }));
  const previous = previousRange(input);
  const outcome = await runReport(async () => {
    const current = await revenueReport(ctx, input);
    // The previous period in the same currency, by month: only its totals are shown. A range
    // starting in year 1 has none (the calendar has no year 0).
    const before = isPlainDate(previous.from) ? await revenueReport(ctx, { ...previous, interval: 'month', currency: current.currency }) : null;
    return { ...current, before: before && totalOf(before.rows) };
  });
  return (
    <ReportFrame
      ctx={ctx}
      title="Revenue"
      description="Invoiced, collected, refunded and net per period, compared with the period of the same length before."
      path="/admin/reports/revenue"
      csv={{ from: input.from, to: input.to, interval: input.interval }}
      controls={{
        params,
        range,
        errors,
        extra: {
          label: 'Interval',
          name: 'interval',
          current: input.interval,
          options: [
            { value: 'day', label: 'Day' },
            { value: 'month', label: 'Month' },
          ],
        },
      }}
      outcome={outcome}
    >
      {(report, money) => <RevenueBody report={report} input={input} previous={previous} money={money} />}
    </ReportFrame>
  );
}

async function RevenueBody({
  report,
  input,
  previous,
  money,
}: {
  report: { currency: string; rows: RevenueRow[]; before: Record<(typeof figures)[number], bigint> | null };
  input: { from: string; to: string; interval: 'day' | 'month' };
  previous: { from: string; to: string };
  money: (value: bigint) => string;
}) {
  const formats = await consoleFormats();
  const { currency, rows, before } = report;
  const total = totalOf(rows);
  const summary = `Revenue in ${currency} by ${input.interval}, ${rangeText(formats, input.from, input.to)}: invoiced ${money(total.invoiced)}, collected ${money(total.collected)}, refunded ${money(total.refunded)}, net ${money(total.net)}.`;
  return (
    <>
      <ReportScope>
        {rangeText(formats, input.from, input.to)} · {currency} · by {input.interval}
        {before ? ` · compared with ${rangeText(formats, previous.from, previous.to)}` : null}
      </ReportScope>
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        {figures.map((f) => (
          <StatTile
            key={f}
            label={labels[f]}
            value={money(total[f])}
            {...(before ? { previous: money(before[f]), change: percentChange(total[f], before[f]) } : {})}
            testId={`revenue-${f}`}
          />
        ))}
      </div>
      <Card className="mb-6 p-4">
        <RevenueChart
          currency={currency}
          rows={rows.map((r) => ({ period: r.period, invoiced: r.invoiced.toString(), collected: r.collected.toString(), refunded: r.refunded.toString() }))}
          summary={summary}
        />
      </Card>
      <ReportTable
        label="Revenue"
        columns={[{ label: input.interval === 'day' ? 'Day' : 'Month' }, ...figures.map((f) => ({ label: labels[f], align: 'right' as const }))]}
        total={figures.map((f) => money(total[f]))}
      >
        {rows.map((r) => (
          <tr key={r.period} className="hover:bg-muted/40">
            <td className={`${cell} whitespace-nowrap tabular-nums`}>{r.period}</td>
            {figures.map((f) => (
              <td key={f} className={amount}>
                {money(r[f])}
              </td>
            ))}
          </tr>
        ))}
      </ReportTable>
    </>
  );
}
