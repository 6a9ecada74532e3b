import { addWallDays, instantOf, offsetAt, wallTime } from './zoned-time';

const MINUTE = 60_000;

/** "M H * * *" (daily) or "M * * * *" (hourly): the only crons our workflows use. */
function parseCron(cron: string): { minute: number; hour: number | null } {
  const match = /^(\d{1,2}) (\d{1,2}|\*) \* \* \*$/.exec(cron.trim());
  if (!match || Number(match[1]) > 59 || (match[2] !== '*' && Number(match[2]) > 23)) {
    throw new RangeError(`unsupported cron "${cron}": use "M H * * *" or "M * * * *"`);
  }
  return { minute: Number(match[1]), hour: match[2] === '*' ? null : Number(match[2]) };
}

/** A daily cron's firing on a calendar day of the zone (a skipped wall time fires when the clocks jump). */
function dailyFiring(timeZone: string, day: { year: number; month: number; day: number }, hour: number, minute: number): Date {
  return instantOf(timeZone, { ...day, hour, minute });
}

/** Whether the zone's clock shows minute `minute` of some hour at this (whole-minute) instant. */
const showsMinute = (timeZone: string, at: number, minute: number) => Math.floor((at + offsetAt(timeZone, at)) / MINUTE) % 60 === minute;

/**
 * An hourly cron fires whenever the zone's clock shows its minute: every 60 minutes of real
 * time, straight through DST changes (the repeated hour fires again, the skipped hour has no
 * wall clock to show). `direction` -1 finds the latest such instant at or before `from`, +1
 * the first at or after it.
 */
function hourlyFiring(timeZone: string, minute: number, from: number, direction: -1 | 1): Date {
  const start = direction < 0 ? Math.floor(from / MINUTE) * MINUTE : Math.ceil(from / MINUTE) * MINUTE;
  // Offsets are whole quarter hours or so, and constant within the hour nearly always: one guess.
  const target = (((minute - Math.floor(offsetAt(timeZone, start) / MINUTE)) % 60) + 60) % 60;
  const utcMinute = Math.floor(start / MINUTE) % 60;
  const guess = start + direction * (((direction < 0 ? utcMinute - target : target - utcMinute) + 60) % 60) * MINUTE;
  if (showsMinute(timeZone, guess, minute)) return new Date(guess);
  // A transition by a part of an hour (Lord Howe's 30 minutes) moved the minute: walk to it.
  for (let at = start; ; at += direction * MINUTE) if (showsMinute(timeZone, at, minute)) return new Date(at);
}

/**
 * The most recent firing at or before `now`, with the cron read on the zone's wall clock. A
 * scheduler that was down at a firing still finds it when it comes back (and claims it once),
 * so a restart at 00:10 does not skip the 00:05 billing run.
 */
export function lastFiring(cron: string, now: Date, timeZone = 'UTC'): Date {
  const { minute, hour } = parseCron(cron);
  if (hour === null) return hourlyFiring(timeZone, minute, now.getTime(), -1);
  const today = wallTime(timeZone, now);
  const firing = dailyFiring(timeZone, today, hour, minute);
  return firing <= now ? firing : dailyFiring(timeZone, addWallDays(today, -1), hour, minute);
}

/** The first firing after `now`, with the cron read on the zone's wall clock. */
export function nextFiring(cron: string, now: Date, timeZone = 'UTC'): Date {
  const { minute, hour } = parseCron(cron);
  if (hour === null) return hourlyFiring(timeZone, minute, now.getTime() + 1, 1);
  const today = wallTime(timeZone, now);
  const firing = dailyFiring(timeZone, today, hour, minute);
  return firing > now ? firing : dailyFiring(timeZone, addWallDays(today, 1), hour, minute);
}
