import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { customers, orders } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { isUuid } from '@/server/schemas/common';
import type { ListOrdersInput, OrderSortKey } from '@/server/schemas/orders';
import type { ServiceContext } from '@/server/services/context';
import { containsPattern, keysetFor, statusCounts, withinDays, type SortColumns } from '@/server/services/pagination';
import { orderScope } from './scope';
import { loadOrders, withoutDeskLabels, type OrderView } from './store';

type ListRow = { id: string; createdAt: Date; number: string; total: bigint; customerName: string };

const sortColumns: SortColumns<OrderSortKey, ListRow> = {
  number: [orders.number, 'text', (row) => row.number],
  customer: [customers.name, 'text', (row) => row.customerName],
  total: [orders.total, 'bigint', (row) => row.total],
  created: [orders.createdAt, 'timestamptz', (row) => row.createdAt],
};

type Filters = Omit<ListOrdersInput, 'limit' | 'cursor' | 'format' | 'sort'>;

/** The list's filters within the actor's scope, on orders joined to their customer. */
function orderFilters(ctx: ServiceContext, input: Filters): SQL | undefined {
  let customerFilter;
  if (input.customer) {
    if (isUuid(input.customer)) customerFilter = eq(orders.customerId, input.customer);
    else {
      const pattern = containsPattern(input.customer);
      customerFilter = or(ilike(customers.name, pattern), ilike(customers.email, pattern));
    }
  }
  return and(
    orderScope(ctx.actor.scope),
    input.status ? eq(orders.status, input.status) : undefined,
    customerFilter,
    input.productId ? sql`exists (select 1 from order_lines ol where ol.order_id = "orders"."id" and ol.product_id = ${input.productId})` : undefined,
    withinDays(orders.createdAt, input.from, input.to),
  );
}

/** How many orders each status holds among those the other filters select (the list's chips). */
export async function countOrdersByStatus(ctx: ServiceContext, input: Filters) {
  requirePermission(ctx.actor, 'orders.view');
  const rows = await ctx.db
    .select({ status: orders.status, count: count() })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(orderFilters(ctx, { ...input, status: undefined }))
    .groupBy(orders.status);
  return statusCounts(rows);
}

/** Orders newest first unless sorted, by status, customer (id, name or e-mail), product and date placed. */
export async function listOrders(
  ctx: ServiceContext,
  input: ListOrdersInput,
): Promise<{ items: Array<OrderView & { customerName: string }>; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'orders.view');
  const order = keysetFor(input.sort, sortColumns, orders);
  const rows = await ctx.db
    .select({ id: orders.id, createdAt: orders.createdAt, number: orders.number, total: orders.total, customerName: customers.name })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(orderFilters(ctx, input), input.cursor ? order.after(input.cursor) : undefined))
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  const page = order.page(rows, input.limit);
  const names = new Map(page.items.map((r) => [r.id, r.customerName]));
  const items = (
    await loadOrders(
      ctx.db,
      page.items.map((r) => r.id),
    )
  ).map((order) => ({ ...withoutDeskLabels(ctx, order), customerName: names.get(order.id)! }));
  return { items, nextCursor: page.nextCursor };
}
