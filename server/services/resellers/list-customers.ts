import { and, desc, eq } from 'drizzle-orm';
import { customers } from '@/db/schema';
import type { ServiceContext } from '@/server/services/context';
import { customerColumns, type CustomerView } from '@/server/services/customers/store';
import { afterCursor, decodeCursor, toPage, type ListInput } from '@/server/services/pagination';
import { findManagedReseller } from './reach';

/** The customers a reseller holds directly, newest first (the admin's or its parent's view of its book). */
export async function listResellerCustomers(
  ctx: ServiceContext,
  input: ListInput & { id: string },
): Promise<{ items: CustomerView[]; nextCursor: string | null }> {
  await findManagedReseller(ctx.db, ctx.actor, input.id);
  const rows = await ctx.db
    .select(customerColumns)
    .from(customers)
    .where(and(eq(customers.resellerId, input.id), input.cursor ? afterCursor(customers, decodeCursor(input.cursor)) : undefined))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit);
}
