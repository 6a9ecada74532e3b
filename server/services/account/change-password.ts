import { and, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { passwordResetTokens, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { AppError } from '@/server/errors';
import { forgiveHit, hitThrottle, ThrottledError } from '@/server/http/rate-limit';
import type { ChangePasswordInput } from '@/server/schemas/account';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { signInBuckets, signInThrottle } from './sign-in';

/**
 * Stores a new password for a user: no longer the demo's, any reset link still open for them
 * dies with the old password, and every session signed in before now ends (whoever holds one
 * must sign in with the new password). Shared by the change and the reset.
 */
export async function storePassword(tx: Transaction, ctx: ServiceContext, userId: string, passwordHash: string, via: 'change' | 'reset'): Promise<void> {
  await tx.update(users).set({ passwordHash, demoPassword: false, sessionsValidAfter: ctx.now }).where(eq(users.id, userId));
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: ctx.now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
  await audit(tx, ctx.actor, 'user.password_changed', { type: 'user', id: userId }, { after: { via } });
}

/**
 * A signed-in person (any role) changes their own password, proving they know the current one.
 * Wrong current passwords count against the account like failed sign-ins, so a left-open
 * session cannot be used to guess it.
 */
export async function changePassword(ctx: ServiceContext, input: ChangePasswordInput): Promise<void> {
  const { actor } = ctx;
  if (actor.type !== 'user' || !actor.id) throw new AppError('forbidden', 'Only a person signed in has a password to change');
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new AppError('unauthorized', 'Sign in first');
  const [bucket] = signInBuckets(user.email, undefined);
  const throttle = await hitThrottle(ctx.db, bucket!, signInThrottle, ctx.now);
  if (throttle.limited) throw new ThrottledError(throttle.retryAfterMs);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('validation', 'Check the highlighted fields', { current_password: 'is not your current password' });
  }
  await forgiveHit(ctx.db, bucket!);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation', 'Check the highlighted fields', { new_password: 'must differ from the current password' });
  }
  // scrypt takes a while on purpose; do it before the transaction holds any lock.
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction((tx) => storePassword(tx, ctx, user.id, passwordHash, 'change'));
}
