import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { defaultStaffPermissions } from '@/server/auth/permissions';
import { notFound } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { createApiKey } from './api-keys';

export type ApiKeyListItem = Pick<typeof apiKeys.$inferSelect, 'id' | 'name' | 'prefix' | 'role' | 'createdAt' | 'revokedAt'>;

/** What a list of keys shows: names and prefixes only, since the secret was shown once and is not stored. */
export const apiKeyListColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  role: apiKeys.role,
  createdAt: apiKeys.createdAt,
  revokedAt: apiKeys.revokedAt,
};

/**
 * A key made by an admin (Settings → API keys, or POST /api/v1/api-keys): an admin key holds every
 * permission, a staff key the default staff ones; either is shown once.
 */
export function createConsoleApiKey(ctx: ServiceContext, input: { name: string; role: 'admin' | 'staff' }): Promise<{ id: string; key: string }> {
  return createApiKey(ctx, { name: input.name, role: input.role, permissions: input.role === 'staff' ? [...defaultStaffPermissions] : [] });
}

/** Every key, newest first. */
export async function listApiKeys(ctx: ServiceContext): Promise<ApiKeyListItem[]> {
  requirePermission(ctx.actor, 'settings.manage');
  return ctx.db.select(apiKeyListColumns).from(apiKeys).orderBy(desc(apiKeys.createdAt));
}

/** Revokes a key at once: its next request is a 401. */
export async function revokeApiKey(ctx: ServiceContext, input: { id: string }): Promise<void> {
  requirePermission(ctx.actor, 'settings.manage');
  await revokeKeyRow(ctx, input);
}

/** Revokes the key and writes its audit row, checking nothing: callers decide who may (resellers/revoke-api-key.ts). */
export async function revokeKeyRow(ctx: ServiceContext, input: { id: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: ctx.now })
      .where(and(eq(apiKeys.id, input.id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (!revoked) throw notFound('Active API key');
    await audit(tx, ctx.actor, 'api_key.revoked', { type: 'api_key', id: revoked.id }, { after: { name: revoked.name, revokedAt: ctx.now } });
  });
}
