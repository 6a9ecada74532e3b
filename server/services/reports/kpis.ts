import { sql, type SQL } from 'drizzle-orm';
import { customers, invoices, services } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { kpiWindows, meanTenths, percentTenths } from '@/server/billing/dashboard-kpis';
import { toPlainDate } from '@/server/billing/periods';
import type { DateRange } from '@/server/billing/report-ranges';
import { reportPeriods } from '@/server/billing/reports';
import type { DashboardKpisInput } from '@/server/schemas/dashboard';
import type { ServiceContext } from '@/server/services/context';
import { customerScope } from '@/server/services/customers/scope';
import { readBillingSettings } from '@/server/services/settings/read';
import { openDocuments } from './aging';
import { candidates, mrrRows, runsAfter } from './mrr';
import { revenueRows, type RevenueRow } from './revenue';
import { dayStart, inScope, minorColumn } from './shared';

/** One month of a sparkline: money in minor units, a rate or a mean in tenths; null when there is no figure (no base). */
export type KpiPoint = { period: string; value: bigint | null };
type Tenths = { value: bigint | null; previous: bigint | null; series: KpiPoint[] };

export type DashboardKpis = {
  currency: string;
  /** The currencies the caller's book is in (its customers'), for the switch; the desk's default first among equals. */
  currencies: string[];
  asOf: string;
  collected: { value: bigint; previous: bigint; series: KpiPoint[] };
  mrr: { value: bigint; previous: bigint; series: KpiPoint[] };
  receivables: { value: bigint; count: number };
  overdue: { value: bigint; count: number };
  churn: Tenths & { churned: number; active: number };
  daysToPay: Tenths & { count: number };
  /** Invoiced, collected, refunded and net per month of the twelve. */
  revenue: RevenueRow[];
};

/** A raw `values` list of named windows (`w.key`, `w.from_day`, `w.to_day`), so one statement measures them all. */
const windowsOf = (list: Array<{ key: string } & DateRange>): SQL =>
  sql`(values ${sql.join(
    list.map((w) => sql`(${w.key}, ${w.from}::date, ${w.to}::date)`),
    sql`, `,
  )}) as w(key, from_day, to_day)`;

/**
 * The dashboard's KPI tiles (docs/reports.md, "Dashboard") for the caller's book — the desk's
 * everything, a reseller's tree, a client's own — in one currency: the one asked for, else the
 * desk's default when the book has customers in it (or none at all), else the book's first.
 * Gated like the rest of the dashboard (`invoices.view`), not by `reports.view`: these are the
 * book's own figures. Each figure is summed by PostgreSQL; revenue and MRR are the reports' own
 * statements narrowed to the book.
 */
export async function dashboardKpis(ctx: ServiceContext, input: DashboardKpisInput): Promise<DashboardKpis> {
  requirePermission(ctx.actor, 'invoices.view');
  const scope = ctx.actor.scope;
  const today = toPlainDate(ctx.now);
  const windows = kpiWindows(today);
  const [used, settings] = await Promise.all([
    ctx.db.selectDistinct({ currency: customers.currency }).from(customers).where(customerScope(scope)).orderBy(customers.currency),
    readBillingSettings(ctx.db),
  ]);
  const currencies = used.map((r) => r.currency);
  const currency = input.currency ?? (currencies.length === 0 || currencies.includes(settings.currency) ? settings.currency : currencies[0]!);
  const months = reportPeriods(windows.months.from, windows.months.to, 'month').map((m) => ({ key: m.period, from: m.from, to: m.to }));
  const ofInvoices = sql`i.currency = ${currency} and ${inScope(invoices, 'i', scope)}`;

  const [revenue, previousMonth, mrr, balances, churn, daysToPay] = await Promise.all([
    revenueRows(ctx.db, { ...windows.months, interval: 'month', currency }, scope),
    revenueRows(ctx.db, { ...windows.previousMonthToDate, interval: 'month', currency }, scope),
    mrrRows(ctx.db, { ...windows.months, currency }, scope),
    ctx.db
      .select({
        receivables: minorColumn('receivables'),
        open: sql<number>`b.open`,
        overdue: minorColumn('overdue'),
        late: sql<number>`b.late`,
      })
      .from(
        sql`(select coalesce(sum(i.total - i.amount_paid), 0)::bigint as receivables, count(*)::int as open,
                    coalesce(sum(i.total - i.amount_paid) filter (where i.status = 'overdue'), 0)::bigint as overdue,
                    (count(*) filter (where i.status = 'overdue'))::int as late
             ${openDocuments(today)} and ${ofInvoices}) as b`,
      ),
    // Services running at the window's start, and those of them no longer running at its end.
    ctx.db.select({ key: sql<string>`x.key`, active: sql<number>`x.active`, churned: sql<number>`x.churned` }).from(
      sql`(select w.key,
                    (count(c.id) filter (where ${runsAfter(sql`w.from_day - 1`)}))::int as active,
                    (count(c.id) filter (where ${runsAfter(sql`w.from_day - 1`)} and not ${runsAfter(sql`w.to_day`)}))::int as churned
             from ${windowsOf([{ key: 'current', ...windows.churn }, { key: 'previous', ...windows.previousChurn }, ...months])}
             left join (${candidates(sql`s.currency = ${currency} and ${inScope(services, 's', scope)}`)}) c on true
             group by w.key) as x`,
    ),
    // Invoices paid in full in the window: days from issue to the UTC day of payment.
    ctx.db.select({ key: sql<string>`x.key`, days: minorColumn('days'), paid: sql<number>`x.paid` }).from(
      sql`(select w.key, coalesce(sum((i.paid_at at time zone 'UTC')::date - i.issue_date), 0)::bigint as days, count(i.id)::int as paid
             from ${windowsOf([{ key: 'current', ...windows.daysToPay }, { key: 'previous', ...windows.previousDaysToPay }, ...months])}
             left join invoices i on i.paid_at >= ${dayStart(sql`w.from_day`)} and i.paid_at < ${dayStart(sql`w.to_day + 1`)}
               and i.kind in ('invoice', 'debit_note') and i.status in ('paid', 'refunded') and i.deleted_at is null and ${ofInvoices}
             group by w.key) as x`,
    ),
  ]);

  const churnBy = new Map(churn.map((r) => [r.key, r]));
  const churnRate = (key: string) => percentTenths(BigInt(churnBy.get(key)!.churned), BigInt(churnBy.get(key)!.active));
  const paidBy = new Map(daysToPay.map((r) => [r.key, r]));
  const meanDays = (key: string) => meanTenths(paidBy.get(key)!.days, BigInt(paidBy.get(key)!.paid));
  const [{ receivables, open, overdue, late }] = balances as [(typeof balances)[number]];
  return {
    currency,
    currencies: [...new Set([settings.currency, ...currencies])].sort(),
    asOf: today,
    collected: {
      value: revenue.at(-1)!.collected,
      previous: previousMonth[0]!.collected,
      series: revenue.map((r) => ({ period: r.period, value: r.collected })),
    },
    mrr: { value: mrr.at(-1)!.mrr, previous: mrr.at(-2)!.mrr, series: mrr.map((r) => ({ period: r.period, value: r.mrr })) },
    receivables: { value: receivables, count: open },
    overdue: { value: overdue, count: late },
    churn: {
      value: churnRate('current'),
      previous: churnRate('previous'),
      churned: churnBy.get('current')!.churned,
      active: churnBy.get('current')!.active,
      series: months.map((m) => ({ period: m.key, value: churnRate(m.key) })),
    },
    daysToPay: {
      value: meanDays('current'),
      previous: meanDays('previous'),
      count: paidBy.get('current')!.paid,
      series: months.map((m) => ({ period: m.key, value: meanDays(m.key) })),
    },
    revenue,
  };
}
