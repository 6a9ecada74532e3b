// Plain calendar dates ("2026-01-31") in UTC: billing periods have no time of day or zone.

export type PlainDate = string;
export const cycles = ['monthly', 'quarterly', 'semiannual', 'annual', 'biennial', 'triennial'] as const;
export type Cycle = (typeof cycles)[number];
/** What a price may be billed by: once, or every cycle. */
export const priceCycles = ['one_time', ...cycles] as const;
export type PriceCycle = (typeof priceCycles)[number];

export const cycleMonths: Record<Cycle, number> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
  biennial: 24,
  triennial: 36,
};

const DAY_MS = 86_400_000;

function parts(date: PlainDate): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function toPlainDate(instant: Date): PlainDate {
  return `${pad(instant.getUTCFullYear(), 4)}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}`;
}

export function isPlainDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // PostgreSQL's calendar has no year 0 (1 BC comes before AD 1), so 0000 cannot be stored.
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  const [y, m, d] = parts(date);
  return toPlainDate(new Date(Date.UTC(y, m - 1, d) + days * DAY_MS));
}

/**
 * Adds months keeping the anchor day where the month allows it: with anchor 31,
 * Jan 31 → Feb 28 (29 in leap years) → Mar 31. The anchor is the billing day (1–31).
 */
export function addMonths(date: PlainDate, months: number, anchorDay?: number): PlainDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(anchorDay ?? d, daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The period that starts on `start` and lasts one cycle: [start, end). */
export function periodOf(start: PlainDate, cycle: Cycle, anchorDay?: number): { start: PlainDate; end: PlainDate; days: number } {
  const end = addMonths(start, cycleMonths[cycle], anchorDay);
  return { start, end, days: daysBetween(start, end) };
}

/** The first date on or after `date` whose day is the billing day (clamped to short months). */
export function alignToBillingDay(date: PlainDate, billingDay: number): PlainDate {
  const [y, m, d] = parts(date);
  const thisMonth = Math.min(billingDay, daysInMonth(y, m));
  if (d <= thisMonth) return `${pad(y, 4)}-${pad(m)}-${pad(thisMonth)}`;
  return addMonths(`${pad(y, 4)}-${pad(m)}-01`, 1, billingDay);
}
