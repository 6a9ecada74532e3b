// Pure rules of the reports (docs/reports.md): which aging bucket a day count falls in, what a
// cycle's price is per month, and which periods a range is made of. The SQL of the reports is
// built from these same tables, so the rule and the query cannot drift apart.
import { divRound } from './decimal';
import { addDays, addMonths, cycleMonths, daysBetween, type Cycle, type PlainDate } from './periods';

export const agingBucketKeys = ['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_over_90'] as const;
export type AgingBucketKey = (typeof agingBucketKeys)[number];

/** Each bucket's last day past due (inclusive); the last bucket has no end. Not yet due (≤ 0) is current. */
export const agingBucketEnds: ReadonlyArray<{ key: AgingBucketKey; lastDay: number | null }> = [
  { key: 'current', lastDay: 0 },
  { key: 'days_1_30', lastDay: 30 },
  { key: 'days_31_60', lastDay: 60 },
  { key: 'days_61_90', lastDay: 90 },
  { key: 'days_over_90', lastDay: null },
];

/** The bucket of an open balance `daysPastDue` days after its due date (0: due today, negative: not yet due). */
export function agingBucket(daysPastDue: number): AgingBucketKey {
  return agingBucketEnds.find((b) => b.lastDay === null || daysPastDue <= b.lastDay)!.key;
}

/** A price per `cycle` as a monthly amount, rounded half away from zero once. */
export function monthlyAmount(perCycle: bigint, cycle: Cycle): bigint {
  return divRound(perCycle, BigInt(cycleMonths[cycle]));
}

export const reportIntervals = ['day', 'month'] as const;
export type ReportInterval = (typeof reportIntervals)[number];

/** The most periods one report answers (ten years of days), so one request cannot ask for millions of rows. */
export const maxReportPeriods = 3660;

const monthStart = (date: PlainDate): PlainDate => `${date.slice(0, 7)}-01`;

/** How many periods of `interval` [from, to] touches (a partly covered month counts). */
export function periodCount(from: PlainDate, to: PlainDate, interval: ReportInterval): number {
  if (interval === 'day') return daysBetween(from, to) + 1;
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/**
 * The periods of [from, to] in order, each named as the reports name it ("2027-03" for a month,
 * "2027-03-15" for a day) with the part of the range it covers: the first and last month may be
 * partial.
 */
export function reportPeriods(from: PlainDate, to: PlainDate, interval: ReportInterval): Array<{ period: string; from: PlainDate; to: PlainDate }> {
  const periods: Array<{ period: string; from: PlainDate; to: PlainDate }> = [];
  for (let i = 0; i < periodCount(from, to, interval); i++) {
    if (interval === 'day') {
      const day = addDays(from, i);
      periods.push({ period: day, from: day, to: day });
    } else {
      const start = addMonths(monthStart(from), i);
      const last = addDays(addMonths(start, 1), -1);
      periods.push({ period: start.slice(0, 7), from: start < from ? from : start, to: last > to ? to : last });
    }
  }
  return periods;
}
