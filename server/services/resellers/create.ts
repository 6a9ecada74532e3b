import { randomBytes } from 'node:crypto';
import { resellers, users } from '@/db/schema';
import { hashPassword } from '@/server/auth/password';
import { defaultResellerFlags } from '@/server/auth/permissions';
import type { Notifier } from '@/server/notify/notifier';
import type { CreateResellerInput } from '@/server/schemas/resellers';
import { requestPasswordReset } from '@/server/services/account/password-reset';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { emailTaken, isEmailTaken } from '@/server/services/people/accounts';
import { checkSubResellerTerms } from './reach';
import { checkParent, findReseller, type ResellerView } from './store';

/**
 * A new reseller: a user with role `reseller` and its profile, made by the desk or, as its
 * sub-reseller, by a reseller the admin allowed to (within `checkSubResellerTerms`). Given no password it is invited:
 * its password is an unguessable secret nobody knows, and it is e-mailed a reset link to set its own.
 */
export async function createReseller(ctx: ServiceContext, input: CreateResellerInput & { origin: string }, notifier?: Notifier): Promise<ResellerView> {
  const terms = { parentId: input.parentId, commissionMilli: input.commissionPercent, permissions: input.permissions };
  const creator = await checkSubResellerTerms(ctx.db, ctx.actor, terms, true);
  // A reseller's sub-reseller sits below it unless placed deeper, and gets the default flags it holds itself.
  const parentId = input.parentId ?? creator?.id ?? null;
  const permissions = input.permissions ?? defaultResellerFlags.filter((flag) => !creator || creator.permissions.includes(flag));
  const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString('base64url'));
  const reseller = await ctx.db.transaction(async (tx) => {
    if (parentId) await checkParent(tx, parentId);
    try {
      const [user] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email,
          passwordHash,
          role: 'reseller',
          permissions: [...permissions],
          createdAt: ctx.now,
        })
        .returning({ id: users.id });
      await tx.insert(resellers).values({
        userId: user!.id,
        parentId,
        commissionMilli: input.commissionPercent,
        seeParentCustomers: input.seeParentCustomers ?? false,
        mayCreateSubResellers: input.mayCreateSubResellers ?? false,
        currency: input.currency ?? null,
        createdAt: ctx.now,
      });
      const created = await findReseller(tx, user!.id);
      await audit(tx, ctx.actor, 'reseller.created', { type: 'user', id: created.id }, { after: { ...created, invited: !input.password } });
      return created;
    } catch (error) {
      if (isEmailTaken(error)) throw emailTaken();
      throw error;
    }
  });
  // The admin is not guessing addresses: only the new account's own bucket counts this mail.
  if (!input.password)
    await requestPasswordReset({ ...ctx, actor: { ...ctx.actor, ip: undefined } }, { email: reseller.email, origin: input.origin }, notifier);
  return reseller;
}
