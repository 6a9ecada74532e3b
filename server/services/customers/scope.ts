import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { customers } from '@/db/schema';
import type { Scope } from '@/server/auth/actor';

/*
 * Where a reseller's (and a client's) reach is decided: every aggregate that belongs to a
 * customer narrows its queries with these, so another tenant's record simply does not exist.
 */

/** The customers a scope may see. */
export function customerScope(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'reseller':
      return eq(customers.resellerId, scope.resellerId);
    case 'customer':
      return eq(customers.id, scope.customerId);
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
      return sql`${customerId} in (select ${customers.id} from ${customers} where ${customers.resellerId} = ${scope.resellerId})`;
    case 'customer':
      return eq(customerId, scope.customerId);
    case 'none':
      return sql`false`;
  }
}
