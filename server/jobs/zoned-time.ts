/**
 * Wall-clock time in an IANA time zone, from the platform's Intl data alone (no date library):
 * the offset of a zone at an instant, the instant of a wall time, the calendar date of an
 * instant. Pure functions; every zone name must have passed `isTimeZone`.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** A wall-clock reading; `month` is 1-12. */
export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

// IANA names ("Europe/Berlin", "UTC", "Etc/GMT+5", "EST5EDT"): no bare offsets like "+01:00",
// which Intl may take but an Inngest "TZ=" prefix would not.
const ianaShape = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The zone's canonical spelling when the platform knows it ("europe/berlin" → "Europe/Berlin"),
 * or null. A name Intl maps to another zone (Asia/Kolkata → Asia/Calcutta on some ICU builds)
 * keeps the spelling it was given.
 */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (!ianaShape.test(trimmed)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === trimmed.toLowerCase() ? resolved : trimmed;
  } catch {
    return null;
  }
}

export const isTimeZone = (name: string) => canonicalTimeZone(name) !== null;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's wall clock at an instant, as milliseconds of a UTC date with the same reading. */
function wallMs(timeZone: string, at: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) if (part.type !== 'literal') fields[part.type] = Number(part.value);
  return Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour! % 24, fields.minute!, fields.second!);
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds (Berlin in winter: 3 600 000). */
export function offsetAt(timeZone: string, at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  const second = Math.floor(ms / SECOND) * SECOND;
  return wallMs(timeZone, second) - second;
}

/** The wall clock of the zone at an instant. */
export function wallTime(timeZone: string, at: Date): WallTime {
  const wall = new Date(at.getTime() + offsetAt(timeZone, at));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() };
}

/** The calendar date (YYYY-MM-DD) of an instant in the zone. */
export function zonedDate(timeZone: string, at: Date): string {
  const { year, month, day } = wallTime(timeZone, at);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The wall time a number of days later (calendar days: month and year ends roll over). */
export function addWallDays(wall: WallTime, days: number): WallTime {
  const moved = new Date(Date.UTC(wall.year, wall.month - 1, wall.day) + days * DAY);
  return { ...wall, year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/**
 * The instant the zone's clock reads `wall`. A reading that happens twice (the hour repeated
 * when clocks go back) is its first occurrence; a reading that never happens (the hour skipped
 * when clocks go forward) is the next valid instant, the moment the clocks jump.
 */
export function instantOf(timeZone: string, wall: WallTime): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Any transition near this wall time is within a day of it: the offsets either side cover it.
  const offsets = [...new Set([offsetAt(timeZone, asUtc - DAY), offsetAt(timeZone, asUtc), offsetAt(timeZone, asUtc + DAY)])];
  const valid = offsets.map((offset) => asUtc - offset).filter((at) => offsetAt(timeZone, at) === asUtc - at);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // A skipped reading: the first instant whose wall clock is at or past it.
  let low = asUtc - Math.max(...offsets);
  let high = asUtc - Math.min(...offsets);
  while (high - low > SECOND) {
    const middle = low + Math.floor((high - low) / 2 / SECOND) * SECOND;
    if (middle + offsetAt(timeZone, middle) >= asUtc) high = middle;
    else low = middle;
  }
  return new Date(high);
}
