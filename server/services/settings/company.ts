import { requirePermission } from '@/server/auth/actor';
import { companySettings, companySettingsInput, type CompanySettings } from '@/server/schemas/company';
import type { ServiceContext } from '@/server/services/context';
import { writeSettingsBlock } from './billing';
import { readSettingsBlock } from './read';

export async function getCompany(ctx: ServiceContext): Promise<CompanySettings> {
  requirePermission(ctx.actor, 'settings.manage');
  return readSettingsBlock(ctx.db, 'company', companySettings);
}

export async function updateCompany(ctx: ServiceContext, input: typeof companySettingsInput._output): Promise<CompanySettings> {
  requirePermission(ctx.actor, 'settings.manage');
  const { logo, ...rest } = input;
  const after = companySettings.parse({ ...rest, ...(logo ? { logo } : {}) });
  return writeSettingsBlock(ctx, 'company', await readSettingsBlock(ctx.db, 'company', companySettings), after);
}
