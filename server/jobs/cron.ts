/**
 * The crons our workflows use, "M H * * *" (daily) and "M * * * *" (hourly), in UTC: the most
 * recent firing at or before `now`. A scheduler that was down at a firing still finds it when
 * it comes back (and claims it once), so a restart at 00:10 does not skip the 00:05 billing run.
 */
export function lastFiring(cron: string, now: Date): Date {
  const match = /^(\d{1,2}) (\d{1,2}|\*) \* \* \*$/.exec(cron.trim());
  if (!match) throw new RangeError(`unsupported cron "${cron}": use "M H * * *" or "M * * * *"`);
  const minute = Number(match[1]);
  const hourly = match[2] === '*';
  const at = new Date(now);
  at.setUTCSeconds(0, 0);
  at.setUTCMinutes(minute);
  if (hourly) {
    if (at > now) at.setUTCHours(at.getUTCHours() - 1);
    return at;
  }
  at.setUTCHours(Number(match[2]));
  if (at > now) at.setUTCDate(at.getUTCDate() - 1);
  return at;
}
