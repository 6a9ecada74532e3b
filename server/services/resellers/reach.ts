import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import { requirePermission, type Actor } from '@/server/auth/actor';
import type { ResellerFlag } from '@/server/auth/permissions';
import { AppError, notFound } from '@/server/errors';
import { percentOfMilli } from '@/server/schemas/resellers';
import { treeResellers } from '@/server/services/customers/scope';
import { findReseller, type ResellerView } from './store';

/**
 * The resellers an actor manages: the desk (settings.manage) every one; a reseller the
 * sub-resellers below it at any depth — never itself, its parent or another tree. Outside that
 * reach a reseller does not exist (404).
 */
export function managedResellers(actor: Actor): SQL | undefined {
  if (actor.scope.kind !== 'reseller') {
    requirePermission(actor, 'settings.manage');
    return undefined;
  }
  return and(sql`${users.id} in ${treeResellers(actor.scope.resellerId)}`, ne(users.id, actor.scope.resellerId));
}

/** Refuses, as not found, a reseller outside `self`'s tree (itself and those below it at any depth). */
export async function requireWithinTree(db: Database, self: string, id: string): Promise<void> {
  if (id === self) return;
  const [found] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), sql`${users.id} in ${treeResellers(self)}`));
  if (!found) throw notFound('Reseller');
}

/** A reseller the actor manages, optionally locked for an update. */
export function findManagedReseller(db: Database, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<ResellerView> {
  return findReseller(db, id, { ...options, within: managedResellers(actor) });
}

/** What a reseller asks for a sub-reseller it creates or changes. */
type SubResellerTerms = { parentId?: string | null | undefined; commissionMilli?: bigint | undefined; permissions?: readonly ResellerFlag[] | undefined };

/**
 * A reseller hands down at most what it holds: it creates sub-resellers only when the admin
 * allowed it, places them in its own tree, at a commission not above its own and with no flag it
 * lacks. The desk is bound by none of this. Returns the reseller's own profile (or null for the desk).
 */
export async function checkSubResellerTerms(db: Database, actor: Actor, terms: SubResellerTerms, creating: boolean): Promise<ResellerView | null> {
  if (actor.scope.kind !== 'reseller') {
    requirePermission(actor, 'settings.manage');
    return null;
  }
  if (actor.type !== 'user') throw new AppError('forbidden', 'Sub-resellers are managed in the reseller console');
  const self = await findReseller(db, actor.scope.resellerId);
  if (creating && !self.mayCreateSubResellers) throw new AppError('forbidden', 'You may not create sub-resellers; ask the administrator');
  if (terms.parentId) await requireWithinTree(db, self.id, terms.parentId);
  if (terms.parentId === null) throw new AppError('validation', 'A sub-reseller stays in your tree', { parent_id: 'must be you or one of your sub-resellers' });
  if (terms.commissionMilli !== undefined && terms.commissionMilli > self.commissionMilli) {
    const message = `must not be above your own ${percentOfMilli(self.commissionMilli)} %`;
    throw new AppError('validation', `The commission ${message}`, { commission_percent: message });
  }
  const lacking = terms.permissions?.filter((flag) => !self.permissions.includes(flag)) ?? [];
  if (lacking.length > 0) {
    const message = `cannot include ${lacking.join(', ')}, which you do not hold`;
    throw new AppError('validation', `The permissions ${message}`, { permissions: message });
  }
  return self;
}
