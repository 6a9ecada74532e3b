import { formatTenths, tenthsChange } from '@/server/billing/dashboard-kpis';
import { percentChange } from '@/server/billing/report-ranges';
import type { DashboardKpis, KpiPoint } from '@/server/services/reports/kpis';
import type { FormatMoney } from '../../_lib/money';
import { RevenueChart } from '../../admin/reports/report-charts';
import { amount, cell, ReportTable, StatTile, Switch } from '../../admin/reports/report-chrome';
import { Card } from '../ui/card';
import type { ConsoleBase } from './base-path';
import { Sparkline } from './sparkline';

const monthName = (period: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What a sparkline shows, in words: its months, lowest, highest and latest figures. */
function seriesSummary(label: string, points: KpiPoint[], format: (value: bigint) => string): string {
  const known = points.filter((p): p is { period: string; value: bigint } => p.value !== null);
  const range = `${monthName(points[0]!.period)} to ${monthName(points.at(-1)!.period)}`;
  if (known.length === 0) return `${label}, ${range}: no figure in any month.`;
  const lowest = known.reduce((a, b) => (b.value < a.value ? b : a));
  const highest = known.reduce((a, b) => (b.value > a.value ? b : a));
  const latest = known.at(-1)!;
  return `${label}, ${range}: lowest ${format(lowest.value)} (${monthName(lowest.period)}), highest ${format(highest.value)} (${monthName(highest.period)}), latest ${format(latest.value)} (${monthName(latest.period)}).`;
}

function Trend({ label, points, format, testId }: { label: string; points: KpiPoint[]; format: (value: bigint) => string; testId: string }) {
  return (
    <Sparkline points={points.map((p) => (p.value === null ? null : p.value.toString()))} summary={seriesSummary(label, points, format)} testId={testId} />
  );
}

const note = (text: string) => <p className="mt-1 text-xs text-fg-muted">{text}</p>;

/**
 * The dashboard's KPI tiles (docs/reports.md, "Dashboard") for the signed-in actor's book, in one
 * currency with a switch when the book uses several, and the last twelve months' revenue as a
 * chart with its figures in a table beneath.
 */
export function KpiTiles({ kpis, money, basePath }: { kpis: DashboardKpis; money: FormatMoney; basePath: ConsoleBase }) {
  const inCurrency = (value: bigint) => money(value, kpis.currency);
  const percent = (tenths: bigint | null) => (tenths === null ? 'no rate' : `${formatTenths(tenths)} %`);
  const days = (tenths: bigint | null) => (tenths === null ? 'none' : `${formatTenths(tenths)} days`);
  const { collected, mrr, receivables, overdue, churn, daysToPay, revenue } = kpis;
  const revenueSummary = `Revenue in ${kpis.currency} per month, ${monthName(revenue[0]!.period)} to ${monthName(revenue.at(-1)!.period)}: invoiced ${inCurrency(
    revenue.reduce((sum, r) => sum + r.invoiced, 0n),
  )}, collected ${inCurrency(revenue.reduce((sum, r) => sum + r.collected, 0n))}.`;
  return (
    <section aria-label="Key figures" className="mb-6 space-y-4" data-testid="kpis">
      {kpis.currencies.length > 1 ? (
        <Switch label="Currency" items={kpis.currencies.map((c) => ({ key: c, label: c, href: `${basePath}?currency=${c}`, active: c === kpis.currency }))} />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <StatTile
          label="Collected this month"
          value={inCurrency(collected.value)}
          previous={inCurrency(collected.previous)}
          change={percentChange(collected.value, collected.previous)}
          versus="last month to date"
          testId="kpi-collected"
        >
          <Trend label="Collected per month" points={collected.series} format={inCurrency} testId="kpi-collected-trend" />
        </StatTile>
        <StatTile
          label="MRR"
          value={inCurrency(mrr.value)}
          previous={inCurrency(mrr.previous)}
          change={percentChange(mrr.value, mrr.previous)}
          versus="last month's end"
          testId="kpi-mrr"
        >
          <Trend label="MRR at each month's end" points={mrr.series} format={inCurrency} testId="kpi-mrr-trend" />
        </StatTile>
        <StatTile label="Open receivables" value={inCurrency(receivables.value)} testId="kpi-receivables">
          {note(plural(receivables.count, 'open invoice', 'open invoices'))}
        </StatTile>
        <StatTile label="Overdue" value={inCurrency(overdue.value)} testId="kpi-overdue">
          {note(plural(overdue.count, 'overdue invoice', 'overdue invoices'))}
        </StatTile>
        <StatTile
          label="Churn rate, 30 days"
          value={churn.value === null ? '—' : percent(churn.value)}
          previous={percent(churn.previous)}
          change={tenthsChange(churn.value, churn.previous, 'pts')}
          versus="the 30 days before"
          lowerIsBetter
          testId="kpi-churn"
        >
          {note(
            churn.value === null ? 'No recurring service was running 30 days ago.' : `${churn.churned} of ${plural(churn.active, 'service', 'services')} ended`,
          )}
          <Trend label="Churn rate per month" points={churn.series} format={percent} testId="kpi-churn-trend" />
        </StatTile>
        <StatTile
          label="Average days to pay"
          value={daysToPay.value === null ? '—' : days(daysToPay.value)}
          previous={days(daysToPay.previous)}
          change={tenthsChange(daysToPay.value, daysToPay.previous, 'days')}
          versus="the 90 days before"
          lowerIsBetter
          testId="kpi-days-to-pay"
        >
          {note(
            daysToPay.count === 0
              ? 'No invoice was paid in full in the last 90 days.'
              : `${plural(daysToPay.count, 'invoice', 'invoices')} paid in full in 90 days`,
          )}
          <Trend label="Average days to pay per month" points={daysToPay.series} format={days} testId="kpi-days-to-pay-trend" />
        </StatTile>
      </div>
      <Card className="p-5" data-testid="revenue-12-months">
        <h2 className="mb-3 font-semibold">Revenue, last 12 months</h2>
        <RevenueChart
          currency={kpis.currency}
          rows={revenue.map((r) => ({ ...r, invoiced: `${r.invoiced}`, collected: `${r.collected}`, refunded: `${r.refunded}` }))}
          summary={revenueSummary}
        />
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-fg-muted">Show the figures as a table</summary>
          <div className="mt-3">
            <ReportTable
              label={`Revenue in ${kpis.currency}, last 12 months`}
              columns={[
                { label: 'Month' },
                { label: 'Invoiced', align: 'right' },
                { label: 'Collected', align: 'right' },
                { label: 'Refunded', align: 'right' },
                { label: 'Net', align: 'right' },
              ]}
            >
              {revenue.map((r) => (
                <tr key={r.period}>
                  <td className={cell}>{monthName(r.period)}</td>
                  <td className={amount}>{inCurrency(r.invoiced)}</td>
                  <td className={amount}>{inCurrency(r.collected)}</td>
                  <td className={amount}>{inCurrency(r.refunded)}</td>
                  <td className={amount}>{inCurrency(r.net)}</td>
                </tr>
              ))}
            </ReportTable>
          </div>
        </details>
      </Card>
    </section>
  );
}
