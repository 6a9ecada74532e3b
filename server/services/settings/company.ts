import type { z } from 'zod';
import { requirePermission } from '@/server/auth/actor';
import { companySettings, type CompanySettings, type companySettingsPatch } from '@/server/schemas/company';
import type { ServiceContext } from '@/server/services/context';
import { writeSettingsBlock } from './billing';
import { readSettingsBlock } from './read';

export async function getCompany(ctx: ServiceContext): Promise<CompanySettings> {
  requirePermission(ctx.actor, 'settings.manage');
  return readSettingsBlock(ctx.db, 'company', companySettings);
}

/**
 * Changes the seller block: the fields sent, the rest kept (the console sends them all, the API
 * any of them). `logo: null` removes the logo; a logo left out keeps it.
 */
export async function updateCompany(ctx: ServiceContext, input: z.output<typeof companySettingsPatch>): Promise<CompanySettings> {
  requirePermission(ctx.actor, 'settings.manage');
  const before = await readSettingsBlock(ctx.db, 'company', companySettings);
  const { logo, ...rest } = { ...before, ...input };
  const after = companySettings.parse({ ...rest, ...(logo ? { logo } : {}) });
  return writeSettingsBlock(ctx, 'company', before, after);
}
