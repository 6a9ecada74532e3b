import { eq, sql, type SQL } from 'drizzle-orm';
import { customers, orders } from '@/db/schema';
import type { Scope } from '@/server/auth/actor';

export function orderScope(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'reseller':
      return sql`${orders.customerId} in (select ${customers.id} from ${customers} where ${customers.resellerId} = ${scope.resellerId})`;
    case 'customer':
      return eq(orders.customerId, scope.customerId);
    case 'none':
      return sql`false`;
  }
}
