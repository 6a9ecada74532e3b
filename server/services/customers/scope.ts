import { eq, ilike, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { customers, resellers } from '@/db/schema';
import { requirePermission, type Actor, type Scope } from '@/server/auth/actor';
import type { Permission } from '@/server/auth/permissions';
import { AppError } from '@/server/errors';
import { isUuid } from '@/server/schemas/common';
import { containsPattern } from '@/server/services/pagination';

/*
 * Where a reseller's (and a client's, and a cash collector's) reach is decided: every aggregate that belongs to a
 * customer narrows its queries with these, so another tenant's record simply does not exist.
 */

/** The resellers a reseller stands above: itself and its sub-resellers at any depth. `union` drops repeats, so even a cycle in the tree ends. */
export function treeResellers(resellerId: string): SQL {
  return sql`(with recursive tree(id) as (
      select ${resellerId}::uuid
      union select ${resellers.userId} from ${resellers} join tree on ${resellers.parentId} = tree.id
    )
    select id from tree)`;
}

/**
 * The resellers whose customers make up a reseller's book: its tree, and, when it may see its
 * parent's customers, its parent (the parent's own customers only, not its other sub-resellers').
 */
export function bookResellers(resellerId: string): SQL {
  return sql`(${treeResellers(resellerId)}
    union select ${resellers.parentId} from ${resellers}
      where ${resellers.userId} = ${resellerId} and ${resellers.seeParentCustomers} and ${resellers.parentId} is not null)`;
}

/** The customers a scope may see. */
export function customerScope(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'reseller':
      return sql`${customers.resellerId} in ${bookResellers(scope.resellerId)}`;
    case 'customer':
      return eq(customers.id, scope.customerId);
    case 'collector':
      return eq(customers.collectorId, scope.collectorId);
    case 'none':
      return sql`false`;
  }
}

/** The rows of a customer-owned table (its `customer_id` column) a scope may see: a reseller's customers', a client's own. */
export function ownedByScope(customerId: AnyColumn, scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'reseller':
      return sql`${customerId} in (select ${customers.id} from ${customers} where ${customers.resellerId} in ${bookResellers(scope.resellerId)})`;
    case 'customer':
      return eq(customerId, scope.customerId);
    case 'collector':
      return sql`${customerId} in (select ${customers.id} from ${customers} where ${customers.collectorId} = ${scope.collectorId})`;
    case 'none':
      return sql`false`;
  }
}

/**
 * Lists of a book (payments, services): the desk and a reseller, never a client, whose portal
 * shows its own money and services on its own pages.
 */
export function requireBookReader(actor: Actor, permission: Permission): void {
  if (actor.scope.kind !== 'all' && actor.scope.kind !== 'reseller') throw new AppError('forbidden', 'This list is not available to this account');
  requirePermission(actor, permission);
}

/** A list's customer filter: the customer's id, or part of its name or e-mail (case-insensitive). */
export function customerMatching(customerId: AnyColumn, text: string | undefined): SQL | undefined {
  if (!text) return undefined;
  if (isUuid(text)) return eq(customerId, text);
  const pattern = containsPattern(text);
  return sql`${customerId} in (select ${customers.id} from ${customers} where ${or(ilike(customers.name, pattern), ilike(customers.email, pattern))})`;
}
