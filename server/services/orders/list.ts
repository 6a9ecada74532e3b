import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { customers, orders } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { isUuid } from '@/server/schemas/common';
import type { ListOrdersInput } from '@/server/schemas/orders';
import type { ServiceContext } from '@/server/services/context';
import { afterCursor, containsPattern, decodeCursor, toPage, withinDays } from '@/server/services/pagination';
import { orderScope } from './scope';
import { loadOrders, withoutDeskLabels, type OrderView } from './store';

/** Orders newest first, by status, customer (id, name or e-mail), product and date placed. */
export async function listOrders(
  ctx: ServiceContext,
  input: ListOrdersInput,
): Promise<{ items: Array<OrderView & { customerName: string }>; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'orders.view');
  let customerFilter;
  if (input.customer) {
    if (isUuid(input.customer)) customerFilter = eq(orders.customerId, input.customer);
    else {
      const pattern = containsPattern(input.customer);
      customerFilter = or(ilike(customers.name, pattern), ilike(customers.email, pattern));
    }
  }
  const rows = await ctx.db
    .select({ id: orders.id, createdAt: orders.createdAt, customerName: customers.name })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(
      and(
        orderScope(ctx.actor.scope),
        input.status ? eq(orders.status, input.status) : undefined,
        customerFilter,
        input.productId ? sql`exists (select 1 from order_lines ol where ol.order_id = "orders"."id" and ol.product_id = ${input.productId})` : undefined,
        withinDays(orders.createdAt, input.from, input.to),
        input.cursor ? afterCursor(orders, decodeCursor(input.cursor)) : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit);
  const names = new Map(page.items.map((r) => [r.id, r.customerName]));
  const items = (
    await loadOrders(
      ctx.db,
      page.items.map((r) => r.id),
    )
  ).map((order) => ({ ...withoutDeskLabels(ctx, order), customerName: names.get(order.id)! }));
  return { items, nextCursor: page.nextCursor };
}
