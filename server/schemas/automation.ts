import { z } from 'zod';
import { canonicalTimeZone } from '../jobs/zoned-time';

/** An IANA time zone name, spelled as the platform knows it ("europe/berlin" → "Europe/Berlin"). */
export const timeZoneName = z
  .string()
  .trim()
  .max(64)
  .transform((name, ctx) => {
    const zone = canonicalTimeZone(name);
    if (zone === null) ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as Europe/Berlin or UTC' });
    return zone ?? name;
  });

/**
 * Settings → Automation: the time zone the daily crons (billing at 00:05, dunning at 00:15) are
 * read in, and whose calendar date a scheduled run bills for. A stored zone this platform no
 * longer knows reads as UTC rather than stopping the scheduler.
 */
export const automationSettings = z.object({ time_zone: timeZoneName.default('UTC').catch('UTC') });
export type AutomationSettings = z.infer<typeof automationSettings>;

export const automationSettingsInput = z.strictObject({ time_zone: timeZoneName });
