import { and, eq } from 'drizzle-orm';
import { apiKeys } from '@/db/schema';
import { notFound } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { revokeKeyRow } from '@/server/services/people/manage-api-keys';
import { requireKeyManager } from './key-access';

/** Revokes one of the reseller's own keys, by the desk or the reseller itself (a key of anyone else is not found here). */
export async function revokeResellerApiKey(ctx: ServiceContext, input: { id: string; keyId: string }): Promise<void> {
  requireKeyManager(ctx.actor, input.id);
  await ctx.db.transaction(async (tx) => {
    const [key] = await tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, input.keyId), eq(apiKeys.resellerId, input.id)));
    if (!key) throw notFound('API key');
    await revokeKeyRow({ ...ctx, db: tx }, { id: key.id });
  });
}
