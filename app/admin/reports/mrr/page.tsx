import type { Metadata } from 'next';
import { camelized } from '@/server/schemas/common';
import { mrrReportQuery } from '@/server/schemas/reports';
import { mrrReport, type MrrRow } from '@/server/services/reports/mrr';
import { Card } from '../../../_components/ui/card';
import { type SearchParams } from '../../../_lib/format';
import { requireArea } from '../../../_lib/guard';
import { consoleFormats } from '../../../_lib/money';
import { MrrChart } from '../report-charts';
import { amount, cell, rangeText, ReportFrame, ReportScope, ReportTable, StatTile } from '../report-chrome';
import { rangeReportInput, readReportParams, reportContext, runReport } from '../report-page';

export const metadata: Metadata = { title: 'MRR' };

const movements = ['new', 'expansion', 'contraction', 'churned'] as const;
const labels: Record<(typeof movements)[number], string> = { new: 'New', expansion: 'Expansion', contraction: 'Contraction', churned: 'Churned' };

export default async function MrrPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const ctx = await reportContext();
  const params = readReportParams(await searchParams);
  // A year by default: one month is a single point on the line.
  const { input, errors, range } = rangeReportInput(camelized(mrrReportQuery), params, ctx.now, 'this_year');
  return (
    <ReportFrame
      ctx={ctx}
      title="MRR"
      description="Monthly recurring revenue at each month’s end, with what moved it: new, expansion, contraction and churned services."
      path="/admin/reports/mrr"
      csv={{ from: input.from, to: input.to }}
      controls={{ params, range, errors }}
      outcome={await runReport(() => mrrReport(ctx, input))}
    >
      {(report, money) => <MrrBody currency={report.currency} rows={report.rows} range={input} money={money} />}
    </ReportFrame>
  );
}

async function MrrBody({
  currency,
  rows,
  range,
  money,
}: {
  currency: string;
  rows: MrrRow[];
  range: { from: string; to: string };
  money: (value: bigint) => string;
}) {
  const formats = await consoleFormats();
  const last = rows.at(-1);
  const mrr = last?.mrr ?? 0n;
  const moved = Object.fromEntries(movements.map((k) => [k, rows.reduce((sum, r) => sum + r[k], 0n)])) as Record<(typeof movements)[number], bigint>;
  const summary = `MRR in ${currency} at each month’s end, ${rangeText(formats, range.from, range.to)}: ${rows.map((r) => `${r.period} ${money(r.mrr)}`).join(', ')}.`;
  return (
    <>
      <ReportScope>
        {rangeText(formats, range.from, range.to)} · {currency} · at each month’s end
      </ReportScope>
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-3">
        <StatTile label={last ? `MRR at the end of ${last.period}` : 'MRR'} value={money(mrr)} testId="mrr-mrr" />
        <StatTile label="ARR (12 × MRR)" value={money(12n * mrr)} testId="mrr-arr" />
        <StatTile label="Net movement" value={money(moved.new + moved.expansion - moved.contraction - moved.churned)} testId="mrr-net" />
        {movements.map((k) => (
          <StatTile key={k} label={labels[k]} value={money(moved[k])} testId={`mrr-${k}`} />
        ))}
      </div>
      <Card className="mb-6 p-4">
        <MrrChart currency={currency} rows={rows.map((r) => ({ period: r.period, mrr: r.mrr.toString() }))} summary={summary} />
      </Card>
      <ReportTable
        label="MRR movements"
        columns={[
          { label: 'Month' },
          ...movements.map((k) => ({ label: labels[k], align: 'right' as const })),
          { label: 'MRR', align: 'right' },
          { label: 'ARR', align: 'right' },
        ]}
      >
        {rows.map((r) => (
          <tr key={r.period} className="hover:bg-muted/40">
            <td className={`${cell} whitespace-nowrap tabular-nums`}>{r.period}</td>
            <td className={amount}>{money(r.new)}</td>
            <td className={amount}>{money(r.expansion)}</td>
            <td className={amount}>{money(-r.contraction)}</td>
            <td className={amount}>{money(-r.churned)}</td>
            <td className={`${amount} font-medium`}>{money(r.mrr)}</td>
            <td className={amount}>{money(12n * r.mrr)}</td>
          </tr>
        ))}
      </ReportTable>
      <p className="mt-3 text-xs text-fg-muted">
        Each month: MRR = the month before + new + expansion − contraction − churned. The first month is measured against the end of the month before the range.
      </p>
    </>
  );
}
