import { requirePermission } from '@/server/auth/actor';
import { securitySettings, type SecuritySettings } from '@/server/schemas/account';
import type { ServiceContext } from '@/server/services/context';
import { writeSettingsBlock } from './billing';
import { readSettingsBlock } from './read';

export async function getSecuritySettings(ctx: ServiceContext): Promise<SecuritySettings> {
  requirePermission(ctx.actor, 'settings.manage');
  return readSettingsBlock(ctx.db, 'security', securitySettings);
}

/**
 * Settings → Security. Requiring two-factor sign-in sends every admin and staff member without
 * it to enrol before anything else; those who have it are not affected.
 */
export async function updateSecuritySettings(ctx: ServiceContext, input: SecuritySettings): Promise<SecuritySettings> {
  requirePermission(ctx.actor, 'settings.manage');
  return writeSettingsBlock(ctx, 'security', await readSettingsBlock(ctx.db, 'security', securitySettings), securitySettings.parse(input));
}
