// Pure rules of the report pages' ranges (docs/reports.md, "Console pages"): which dates a preset
// names on a given day, which range a page shows for its URL, the range a figure is compared
// with, and the change between the two. `today` is always given (the request's time), so the
// rules never read a clock.
import { divRound } from './decimal';
import { addDays, addMonths, daysBetween, type PlainDate } from './periods';
import { agingBucketEnds, periodCount, type AgingBucketKey, type ReportInterval } from './reports';

export const rangePresets = ['this_month', 'last_month', 'this_quarter', 'this_year'] as const;
export type RangePreset = (typeof rangePresets)[number];
export type DateRange = { from: PlainDate; to: PlainDate };

export const rangePresetLabels: Record<RangePreset, string> = {
  this_month: 'This month',
  last_month: 'Last month',
  this_quarter: 'This quarter',
  this_year: 'This year',
};

const monthStart = (date: PlainDate): PlainDate => `${date.slice(0, 7)}-01`;
const lastDayAfter = (start: PlainDate, months: number): PlainDate => addDays(addMonths(start, months), -1);

/** A preset's whole calendar period around `today` (the days after today included: they show zeros). */
export function presetRange(preset: RangePreset, today: PlainDate): DateRange {
  const month = monthStart(today);
  switch (preset) {
    case 'this_month':
      return { from: month, to: lastDayAfter(month, 1) };
    case 'last_month':
      return { from: addMonths(month, -1), to: addDays(month, -1) };
    case 'this_quarter': {
      const from = addMonths(month, -((Number(today.slice(5, 7)) - 1) % 3));
      return { from, to: lastDayAfter(from, 3) };
    }
    case 'this_year': {
      const from = `${today.slice(0, 4)}-01-01`;
      return { from, to: lastDayAfter(from, 12) };
    }
  }
}

const isPreset = (value: string | undefined): value is RangePreset => (rangePresets as readonly string[]).includes(value ?? '');

/**
 * The range a page shows for its URL: `from` and `to` when both are given (a custom range, checked
 * by the report's schema), else the named preset, else the page's default preset.
 */
export function chosenRange(
  params: { preset?: string | undefined; from?: string | undefined; to?: string | undefined },
  today: PlainDate,
  fallback: RangePreset,
): { preset: RangePreset | 'custom'; range: DateRange } {
  if (params.from && params.to) {
    const range = { from: params.from, to: params.to };
    // A custom range that happens to be a preset's is shown as that preset.
    const same = rangePresets.find((p) => presetRange(p, today).from === range.from && presetRange(p, today).to === range.to);
    return { preset: same ?? 'custom', range };
  }
  const preset = isPreset(params.preset) ? params.preset : fallback;
  return { preset, range: presetRange(preset, today) };
}

/**
 * The range a figure is compared with: as long as `range` and just before it. Whole calendar
 * months step back by as many months (a month against the month before, a quarter against the
 * quarter before, whatever their days); any other range by as many days.
 */
export function previousRange(range: DateRange): DateRange {
  const next = addDays(range.to, 1);
  if (range.from === monthStart(range.from) && next === monthStart(next)) {
    return { from: addMonths(range.from, -periodCount(range.from, range.to, 'month')), to: addDays(range.from, -1) };
  }
  const days = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** Days for a range of about two months or less, months beyond: a readable number of bars either way. */
export function defaultInterval(range: DateRange): ReportInterval {
  return daysBetween(range.from, range.to) < 62 ? 'day' : 'month';
}

/**
 * The change from `previous` to `current` in percent of `previous`, to one decimal (half away from
 * zero), signed ("+12.5 %", "−3.0 %", "0.0 %"); null when `previous` is zero (no base to compare).
 */
export function percentChange(current: bigint, previous: bigint): string | null {
  if (previous === 0n) return null;
  const tenths = divRound((current - previous) * 1000n, previous < 0n ? -previous : previous);
  const magnitude = tenths < 0n ? -tenths : tenths;
  const sign = tenths > 0n ? '+' : tenths < 0n ? '−' : '';
  return `${sign}${magnitude / 10n}.${magnitude % 10n} %`;
}

/**
 * The due dates an aging bucket holds at `asOf` (days past due = asOf − due date), for the invoice
 * list's due-date filter: current is due on or after `asOf` (no end), over 90 days has no start.
 */
export function agingDueRange(bucket: AgingBucketKey, asOf: PlainDate): { from?: PlainDate; to?: PlainDate } {
  const index = agingBucketEnds.findIndex((b) => b.key === bucket);
  const lastDay = agingBucketEnds[index]!.lastDay;
  const firstDay = index === 0 ? null : agingBucketEnds[index - 1]!.lastDay! + 1;
  return {
    ...(lastDay === null ? {} : { from: addDays(asOf, -lastDay) }),
    ...(firstDay === null ? {} : { to: addDays(asOf, -firstDay) }),
  };
}
