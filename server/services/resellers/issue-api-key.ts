import type { ServiceContext } from '@/server/services/context';
import { insertApiKey } from '@/server/services/people/api-keys';
import { requireKeyManager } from './key-access';
import { findReseller } from './store';

/** A key that acts as the reseller: its book, its flags, and it stops when the reseller is disabled. The desk or the reseller itself issues it. */
export async function issueResellerApiKey(ctx: ServiceContext, input: { id: string; name: string }): Promise<{ id: string; name: string; key: string }> {
  requireKeyManager(ctx.actor, input.id);
  return ctx.db.transaction(async (tx) => {
    const reseller = await findReseller(tx, input.id, { lock: true });
    const { id, key } = await insertApiKey({ ...ctx, db: tx }, { name: input.name, role: 'reseller', resellerId: reseller.id });
    return { id, name: input.name, key };
  });
}
