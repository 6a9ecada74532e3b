import { desc, eq } from 'drizzle-orm';
import { apiKeys } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import { apiKeyListColumns, type ApiKeyListItem } from '@/server/services/people/manage-api-keys';
import { findReseller } from './store';

/** The keys that act as this reseller, by name and prefix (the secret was shown once). */
export async function listResellerApiKeys(ctx: ServiceContext, input: { id: string }): Promise<ApiKeyListItem[]> {
  requirePermission(ctx.actor, 'settings.manage');
  await findReseller(ctx.db, input.id);
  return ctx.db.select(apiKeyListColumns).from(apiKeys).where(eq(apiKeys.resellerId, input.id)).orderBy(desc(apiKeys.createdAt));
}
