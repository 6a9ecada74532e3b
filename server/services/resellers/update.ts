import { eq } from 'drizzle-orm';
import { resellers, users } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import type { UpdateResellerInput } from '@/server/schemas/resellers';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { emailTaken, isEmailTaken } from '@/server/services/people/accounts';
import { checkParent, findReseller, type ResellerView } from './store';

/**
 * Changes any of a reseller's fields. `active: false` disables its account: the actor is re-read
 * on every request and `authenticateApiKey` refuses keys of a disabled reseller, so its sessions
 * and keys stop at their next request.
 */
export async function updateReseller(ctx: ServiceContext, input: UpdateResellerInput & { id: string }): Promise<ResellerView> {
  requirePermission(ctx.actor, 'settings.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await findReseller(tx, input.id, { lock: true });
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
