import { and, desc, ilike, or } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import type { ListCustomersInput } from '@/server/schemas/customers';
import type { ServiceContext } from '@/server/services/context';
import { afterCursor, containsPattern, decodeCursor, toPage } from '@/server/services/pagination';
import { customerScope } from './scope';
import { customerColumns, type CustomerView } from './store';

/** Newest first, optionally filtered by a case-insensitive match on name or e-mail. */
export async function listCustomers(ctx: ServiceContext, input: ListCustomersInput): Promise<{ items: CustomerView[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'customers.view');
  const pattern = input.q ? containsPattern(input.q) : undefined;
  const rows = await ctx.db
    .select(customerColumns)
    .from(customers)
    .where(
      and(
        customerScope(ctx.actor.scope),
        pattern ? or(ilike(customers.name, pattern), ilike(customers.email, pattern)) : undefined,
        input.cursor ? afterCursor(customers, decodeCursor(input.cursor)) : undefined,
      ),
    )
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit);
}
