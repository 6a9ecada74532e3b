import { requirePermission } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import { createApiKey } from '@/server/services/people/api-keys';
import { findReseller } from './store';

/** A key that acts as the reseller: its book, its flags, and it stops when the reseller is disabled. */
export async function issueResellerApiKey(ctx: ServiceContext, input: { id: string; name: string }): Promise<{ id: string; name: string; key: string }> {
  requirePermission(ctx.actor, 'settings.manage');
  return ctx.db.transaction(async (tx) => {
    const reseller = await findReseller(tx, input.id, { lock: true });
    const { id, key } = await createApiKey({ ...ctx, db: tx }, { name: input.name, role: 'reseller', resellerId: reseller.id });
    return { id, name: input.name, key };
  });
}
