// Pure rules of the dashboard's KPI tiles (docs/reports.md, "Dashboard"): the windows each figure
// is measured over on a given day, and the rates, means and changes the tiles print. `today` is
// always given (the request's time), so the rules never read a clock.
import { divRound } from './decimal';
import { addDays, addMonths, type PlainDate } from './periods';
import type { DateRange } from './report-ranges';

export type KpiWindows = {
  /** The first of this month to today, and the same days of the month before (cut at its end). */
  monthToDate: DateRange;
  previousMonthToDate: DateRange;
  /** The twelve months of the sparklines and the revenue chart, the last one to today. */
  months: DateRange;
  /** The 30 days of the churn rate, ending today, and the 30 before them. */
  churn: DateRange;
  previousChurn: DateRange;
  /** The 90 days of the average days to pay, ending today, and the 90 before them. */
  daysToPay: DateRange;
  previousDaysToPay: DateRange;
};

export const churnDays = 30;
export const daysToPayDays = 90;

const trailing = (to: PlainDate, days: number): DateRange => ({ from: addDays(to, -(days - 1)), to });
const before = (range: DateRange, days: number): DateRange => trailing(addDays(range.from, -1), days);

/** The windows of the dashboard's figures on `today`. */
export function kpiWindows(today: PlainDate): KpiWindows {
  const month = `${today.slice(0, 7)}-01`;
  const previousMonth = addMonths(month, -1);
  const sameDay = addDays(previousMonth, Number(today.slice(8, 10)) - 1);
  const previousEnd = addDays(month, -1);
  const churn = trailing(today, churnDays);
  const daysToPay = trailing(today, daysToPayDays);
  return {
    monthToDate: { from: month, to: today },
    previousMonthToDate: { from: previousMonth, to: sameDay < previousEnd ? sameDay : previousEnd },
    months: { from: addMonths(month, -11), to: today },
    churn,
    previousChurn: before(churn, churnDays),
    daysToPay,
    previousDaysToPay: before(daysToPay, daysToPayDays),
  };
}

/** `part` of `whole` in tenths of a percent, half away from zero; null when `whole` is zero (no base). */
export function percentTenths(part: bigint, whole: bigint): bigint | null {
  return whole === 0n ? null : divRound(part * 1000n, whole);
}

/** The mean of `count` values summing to `sum`, in tenths, half away from zero; null when there are none. */
export function meanTenths(sum: bigint, count: bigint): bigint | null {
  return count === 0n ? null : divRound(sum * 10n, count);
}

/** Tenths as a decimal with one place: 123 → "12.3", −5 → "−0.5". */
export function formatTenths(tenths: bigint): string {
  const magnitude = tenths < 0n ? -tenths : tenths;
  return `${tenths < 0n ? '−' : ''}${magnitude / 10n}.${magnitude % 10n}`;
}

/**
 * The change between two figures in tenths (a rate, a mean), as a signed difference in their own
 * unit ("+1.5 pts", "−2.0 days", "0.0 days"); null when either is missing (nothing to compare).
 */
export function tenthsChange(current: bigint | null, previous: bigint | null, unit: string): string | null {
  if (current === null || previous === null) return null;
  const difference = current - previous;
  return `${difference > 0n ? '+' : ''}${formatTenths(difference)} ${unit}`;
}
