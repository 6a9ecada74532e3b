import { asc, eq } from 'drizzle-orm';
import { resellers, users } from '@/db/schema';
import { can } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';

/** A reseller as a choice in the desk's pickers: assigning a customer, filtering invoices or the ledger. */
export type ResellerOption = { id: string; name: string; parentId: string | null; active: boolean };

// Pickers list every reseller at once; a book beyond this many would want a search box instead.
const most = 1000;

/**
 * Every reseller by name, for the desk's pickers. The desk only (a reseller never learns of
 * another), and only someone who reads a list that shows resellers: customers, invoices or the
 * ledger. Managing resellers stays with settings.manage; this is their names.
 */
export async function listResellerOptions(ctx: ServiceContext): Promise<ResellerOption[]> {
  const reads = can(ctx.actor, 'customers.view') || can(ctx.actor, 'invoices.view') || can(ctx.actor, 'reports.view');
  if (ctx.actor.scope.kind !== 'all' || !reads) throw new AppError('forbidden', 'Only the desk picks resellers');
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, parentId: resellers.parentId, disabled: users.disabled })
    .from(users)
    .innerJoin(resellers, eq(resellers.userId, users.id))
    .where(eq(users.role, 'reseller'))
    .orderBy(asc(users.name), asc(users.id))
    .limit(most);
  return rows.map(({ disabled, ...row }) => ({ ...row, active: !disabled }));
}
