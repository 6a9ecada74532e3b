import { desc, eq } from 'drizzle-orm';
import { apiKeys } from '@/db/schema';
import type { ServiceContext } from '@/server/services/context';
import { apiKeyListColumns, type ApiKeyListItem } from '@/server/services/people/manage-api-keys';
import { requireKeyManager } from './key-access';
import { findReseller } from './store';

/** The keys that act as this reseller, by name and prefix (the secret was shown once); for the desk or the reseller itself. */
export async function listResellerApiKeys(ctx: ServiceContext, input: { id: string }): Promise<ApiKeyListItem[]> {
  requireKeyManager(ctx.actor, input.id);
  await findReseller(ctx.db, input.id);
  return ctx.db.select(apiKeyListColumns).from(apiKeys).where(eq(apiKeys.resellerId, input.id)).orderBy(desc(apiKeys.createdAt));
}
