const HOUR = 60 * 60_000;

/** "M H * * *" (daily) or "M * * * *" (hourly): the only crons our workflows use, in UTC. */
function parseCron(cron: string): { minute: number; hour: number | null } {
  const match = /^(\d{1,2}) (\d{1,2}|\*) \* \* \*$/.exec(cron.trim());
  if (!match) throw new RangeError(`unsupported cron "${cron}": use "M H * * *" or "M * * * *"`);
  return { minute: Number(match[1]), hour: match[2] === '*' ? null : Number(match[2]) };
}

/**
 * The most recent firing at or before `now`. A scheduler that was down at a firing still
 * finds it when it comes back (and claims it once), so a restart at 00:10 does not skip the
 * 00:05 billing run.
 */
export function lastFiring(cron: string, now: Date): Date {
  const { minute, hour } = parseCron(cron);
  const at = new Date(now);
  at.setUTCSeconds(0, 0);
  at.setUTCMinutes(minute);
  if (hour === null) {
    if (at > now) at.setUTCHours(at.getUTCHours() - 1);
    return at;
  }
  at.setUTCHours(hour);
  if (at > now) at.setUTCDate(at.getUTCDate() - 1);
  return at;
}

/** The first firing after `now`. */
export function nextFiring(cron: string, now: Date): Date {
  const period = parseCron(cron).hour === null ? HOUR : 24 * HOUR;
  return new Date(lastFiring(cron, now).getTime() + period);
}
