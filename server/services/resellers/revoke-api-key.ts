import { and, eq } from 'drizzle-orm';
import { apiKeys } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { notFound } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { revokeApiKey } from '@/server/services/people/manage-api-keys';

/** Revokes one of the reseller's own keys (a key of anyone else is not found here). */
export async function revokeResellerApiKey(ctx: ServiceContext, input: { id: string; keyId: string }): Promise<void> {
  requirePermission(ctx.actor, 'settings.manage');
  await ctx.db.transaction(async (tx) => {
    const [key] = await tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, input.keyId), eq(apiKeys.resellerId, input.id)));
    if (!key) throw notFound('API key');
    await revokeApiKey({ ...ctx, db: tx }, { id: key.id });
  });
}
