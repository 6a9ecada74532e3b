import { eq, sql, type SQL } from 'drizzle-orm';
import { customers } from '@/db/schema';
import type { Scope } from '@/server/auth/actor';

/** The customers a scope may see; another tenant's customer simply does not exist for it. */
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
