import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';

/**
 * A signed-in person renames themselves (a reseller on its profile, say). The session carries
 * only the user id, and each request re-reads the row, so the new name shows at once.
 */
export async function changeName(ctx: ServiceContext, input: { name: string }): Promise<{ name: string }> {
  const { actor } = ctx;
  if (actor.type !== 'user' || !actor.id) throw new AppError('forbidden', 'Only a person signed in has a name to change');
  const userId = actor.id;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw new AppError('unauthorized', 'Sign in first');
    if (before.name === input.name) return { name: input.name };
    await tx.update(users).set({ name: input.name }).where(eq(users.id, userId));
    await audit(tx, actor, 'user.renamed', { type: 'user', id: userId }, { before: { name: before.name }, after: { name: input.name } });
    return { name: input.name };
  });
}
