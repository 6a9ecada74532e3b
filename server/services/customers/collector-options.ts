import { asc, eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';

/** A cash collector as a choice in the customer page's picker. */
export type CollectorOption = { id: string; name: string; active: boolean };

/** Every cash collector by name, for the desk that reads customers (a reseller never assigns one). */
export async function listCollectorOptions(ctx: ServiceContext): Promise<CollectorOption[]> {
  requirePermission(ctx.actor, 'customers.view');
  if (ctx.actor.scope.kind !== 'all') throw new AppError('forbidden', 'Only the desk assigns cash collectors');
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, disabled: users.disabled })
    .from(users)
    .where(eq(users.role, 'collector'))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map(({ disabled, ...row }) => ({ ...row, active: !disabled }));
}
