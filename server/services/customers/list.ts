import { and, ilike, or } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import type { CustomerSortKey, ListCustomersInput } from '@/server/schemas/customers';
import type { ServiceContext } from '@/server/services/context';
import { containsPattern, keysetFor, type SortColumns } from '@/server/services/pagination';
import { customerScope } from './scope';
import { customerColumns, type CustomerView } from './store';

const sortColumns: SortColumns<CustomerSortKey, CustomerView> = {
  name: [customers.name, 'text', (row) => row.name],
  email: [customers.email, 'text', (row) => row.email],
  created: [customers.createdAt, 'timestamptz', (row) => row.createdAt],
};

/** Newest first unless sorted, optionally filtered by a case-insensitive match on name or e-mail. */
export async function listCustomers(ctx: ServiceContext, input: ListCustomersInput): Promise<{ items: CustomerView[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'customers.view');
  const pattern = input.q ? containsPattern(input.q) : undefined;
  const order = keysetFor(input.sort, sortColumns, customers);
  const rows = await ctx.db
    .select(customerColumns)
    .from(customers)
    .where(
      and(
        customerScope(ctx.actor.scope),
        pattern ? or(ilike(customers.name, pattern), ilike(customers.email, pattern)) : undefined,
        input.cursor ? order.after(input.cursor) : undefined,
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  return order.page(rows, input.limit);
}
