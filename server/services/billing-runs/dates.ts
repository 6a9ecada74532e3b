import type { Database } from '@/db';
import { addDays } from '@/server/billing/periods';
import { AppError } from '@/server/errors';
import { zonedDate } from '@/server/jobs/zoned-time';
import { readCronTimeZone } from '@/server/services/automation/settings';
import { readBillingSettings } from '@/server/services/settings/read';

/** Today on the schedules' clock (Settings → Automation → Time zone), the day runs default to. */
export async function scheduleToday(db: Database, now: Date): Promise<string> {
  return zonedDate(await readCronTimeZone(db), now);
}

/**
 * The latest date a billing run may be asked for: today plus the renewal window. A run for a
 * later date would invoice customers for periods nobody has reached yet (a typo of a year bills
 * every tenant a year ahead), so it is refused before anything is written.
 */
export async function checkBillingDate(db: Database, now: Date, date: string | undefined): Promise<string> {
  const today = await scheduleToday(db, now);
  const { renewal_window_days: window } = await readBillingSettings(db);
  const latest = addDays(today, window);
  const chosen = date ?? today;
  if (chosen > latest) {
    throw new AppError('validation', `Billing runs at most ${window} days ahead of today (${today}), the renewal window`, {
      date: `must be on or before ${latest}`,
    });
  }
  return chosen;
}

/** Dunning reminds, suspends and terminates for days that have come, never ahead of them. */
export async function checkDunningDate(db: Database, now: Date, date: string | undefined): Promise<string> {
  const today = await scheduleToday(db, now);
  const chosen = date ?? today;
  if (chosen > today) throw new AppError('validation', `Dunning cannot run for a day after today (${today})`, { date: `must be on or before ${today}` });
  return chosen;
}
