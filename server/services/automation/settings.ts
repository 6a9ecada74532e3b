import type { Database } from '@/db';
import { requirePermission } from '@/server/auth/actor';
import { AppError, fieldErrors } from '@/server/errors';
import { automationSettings, automationSettingsInput, type AutomationSettings } from '@/server/schemas/automation';
import type { ServiceContext } from '@/server/services/context';
import { writeSettingsBlock } from '@/server/services/settings/billing';
import { readSettingsBlock } from '@/server/services/settings/read';

/** The zone the crons are read in and scheduled runs bill the date of (UTC until set). */
export async function readCronTimeZone(db: Database): Promise<string> {
  return (await readSettingsBlock(db, 'automation', automationSettings)).time_zone;
}

export async function getAutomationSettings(ctx: ServiceContext): Promise<AutomationSettings> {
  requirePermission(ctx.actor, 'settings.manage');
  return readSettingsBlock(ctx.db, 'automation', automationSettings);
}

/**
 * Sets the time zone of the schedules. The embedded scheduler reads it on its next tick; Inngest
 * registered its crons when it last synced the app, so it needs a resync to follow.
 */
export async function updateAutomationSettings(ctx: ServiceContext, input: typeof automationSettingsInput._output): Promise<AutomationSettings> {
  requirePermission(ctx.actor, 'settings.manage');
  // Checked here too: the stored block reads an unknown zone as UTC, a new one must be right.
  const parsed = automationSettingsInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'The automation settings are not valid', fieldErrors(parsed.error.issues));
  const before = await readSettingsBlock(ctx.db, 'automation', automationSettings);
  return writeSettingsBlock(ctx, 'automation', before, { ...before, ...parsed.data });
}
