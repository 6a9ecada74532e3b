import { eq } from 'drizzle-orm';
import { resellers, users } from '@/db/schema';
import type { UpdateResellerInput } from '@/server/schemas/resellers';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { emailTaken, isEmailTaken } from '@/server/services/people/accounts';
import { checkSubResellerTerms, findManagedReseller } from './reach';
import { checkParent, findReseller, type ResellerView } from './store';

/**
 * Changes any of a reseller's fields (a reseller its sub-resellers', within what it holds itself). `active: false` disables its account: the actor is re-read
 * on every request and `authenticateApiKey` refuses keys of a disabled reseller, so its sessions
 * and keys stop at their next request.
 */
export async function updateReseller(ctx: ServiceContext, input: UpdateResellerInput & { id: string }): Promise<ResellerView> {
  return ctx.db.transaction(async (tx) => {
    const before = await findManagedReseller(tx, ctx.actor, input.id, { lock: true });
    await checkSubResellerTerms(tx, ctx.actor, { parentId: input.parentId, commissionMilli: input.commissionPercent, permissions: input.permissions }, false);
    if (input.parentId) await checkParent(tx, input.parentId, input.id);
    try {
      const account = {
        name: input.name,
        email: input.email,
        permissions: input.permissions,
        disabled: input.active === undefined ? undefined : !input.active,
      };
      if (Object.values(account).some((v) => v !== undefined)) await tx.update(users).set(account).where(eq(users.id, input.id));
    } catch (error) {
      if (isEmailTaken(error)) throw emailTaken();
      throw error;
    }
    const profile = {
      commissionMilli: input.commissionPercent,
      parentId: input.parentId,
      seeParentCustomers: input.seeParentCustomers,
      mayCreateSubResellers: input.mayCreateSubResellers,
      currency: input.currency,
    };
    if (Object.values(profile).some((v) => v !== undefined)) await tx.update(resellers).set(profile).where(eq(resellers.userId, input.id));
    const after = await findReseller(tx, input.id);
    await audit(tx, ctx.actor, 'reseller.updated', { type: 'user', id: input.id }, { before, after });
    return after;
  });
}
