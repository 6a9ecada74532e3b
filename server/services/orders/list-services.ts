import { and, count, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { customers, invoices, orders, products, services } from '@/db/schema';
import type { ServiceStatus } from '@/server/billing/order-status';
import { addDays, toPlainDate } from '@/server/billing/periods';
import type { ListServicesInput, ServiceSortKey } from '@/server/schemas/money-lists';
import type { ServiceContext } from '@/server/services/context';
import { customerMatching, ownedByScope, requireBookReader } from '@/server/services/customers/scope';
import { everyItem, keysetFor, statusCounts, type SortColumns } from '@/server/services/pagination';
import { readBillingSettings } from '@/server/services/settings/read';

/** One row of the Services list. */
export type ServiceEntry = {
  id: string;
  name: string;
  status: ServiceStatus;
  productId: string;
  productName: string;
  cycle: string;
  currency: string;
  /** Per unit and cycle; a usage service's is 0 and `usageUnitPrice` says what a unit used costs. */
  price: bigint;
  quantity: number;
  usageUnitPrice: string | null;
  nextDueDate: string;
  /** When it stops, as far as is known now: see `terminationDate`. */
  terminatesOn: string | null;
  orderId: string;
  orderNumber: string;
  customerId: string;
  customerName: string;
  createdAt: Date;
};

type Filters = Omit<ListServicesInput, 'limit' | 'cursor' | 'format'>;

const suspending = alias(invoices, 'suspending_invoice');

/**
 * The day a running (active or suspended) service is due to stop: the earlier of its order's
 * end date (a contract's last day, while the order runs) and, when dunning suspended the order
 * for an invoice still overdue, that invoice's due date plus `dunning.terminate_after_days` —
 * the day the daily dunning terminates it unless the invoice is paid. Null: nothing ends it.
 */
function terminationDate(terminateAfterDays: number): SQL<string | null> {
  return sql<string | null>`(case when ${services.status} in ('active', 'suspended') then least(
      case when ${orders.status} in ('active', 'suspended', 'paused') then ${orders.endDate} end,
      case when ${orders.status} = 'suspended' and ${suspending.status} = 'overdue'
        then ${suspending.dueDate} + ${terminateAfterDays}::int end
    ) end)`.mapWith(orders.endDate);
}

const sortColumns: SortColumns<ServiceSortKey, ServiceEntry> = {
  name: [services.name, 'text', (row) => row.name],
  customer: [customers.name, 'text', (row) => row.customerName],
  next_due: [services.nextDueDate, 'date', (row) => row.nextDueDate],
  created: [services.createdAt, 'timestamptz', (row) => row.createdAt],
};

/**
 * The list's filters within the actor's scope, on services joined to their order, customer and
 * the invoice dunning suspended the order for (`terminatesOn` reads those).
 */
function serviceFilters(ctx: ServiceContext, input: Filters, terminatesOn: SQL<string | null>): SQL | undefined {
  return and(
    ownedByScope(services.customerId, ctx.actor.scope),
    input.status ? eq(services.status, input.status) : undefined,
    input.productId ? eq(services.productId, input.productId) : undefined,
    customerMatching(services.customerId, input.customer),
    input.dueFrom ? gte(services.nextDueDate, input.dueFrom) : undefined,
    input.dueTo ? lte(services.nextDueDate, input.dueTo) : undefined,
    input.resellerId ? eq(customers.resellerId, input.resellerId) : undefined,
    input.terminatingWithin === undefined
      ? undefined
      : and(
          inArray(services.status, ['active', 'suspended']),
          isNotNull(terminatesOn),
          lte(terminatesOn, addDays(toPlainDate(ctx.now), input.terminatingWithin)),
        ),
  );
}

/** How many services each status holds among those the other filters select (the list's chips). */
export async function countServicesByStatus(ctx: ServiceContext, input: Omit<Filters, 'sort'>) {
  requireBookReader(ctx.actor, 'orders.view');
  const { dunning } = await readBillingSettings(ctx.db);
  const rows = await ctx.db
    .select({ status: services.status, count: count() })
    .from(services)
    .innerJoin(orders, eq(orders.id, services.orderId))
    .innerJoin(customers, eq(customers.id, services.customerId))
    .leftJoin(suspending, eq(suspending.id, orders.suspendedForInvoiceId))
    .where(serviceFilters(ctx, { ...input, status: undefined }, terminationDate(dunning.terminate_after_days)))
    .groupBy(services.status);
  return statusCounts(rows);
}

async function fetchPage(ctx: ServiceContext, input: Filters, cursor: string | undefined, limit: number, only?: string) {
  requireBookReader(ctx.actor, 'orders.view');
  const { dunning } = await readBillingSettings(ctx.db);
  const terminatesOn = terminationDate(dunning.terminate_after_days);
  const order = keysetFor(input.sort, sortColumns, services);
  const rows = await ctx.db
    .select({
      id: services.id,
      name: services.name,
      status: services.status,
      productId: services.productId,
      productName: products.name,
      cycle: services.cycle,
      currency: services.currency,
      price: services.price,
      quantity: services.quantity,
      usageUnitPrice: services.usageUnitPrice,
      nextDueDate: services.nextDueDate,
      terminatesOn,
      orderId: services.orderId,
      orderNumber: orders.number,
      customerId: services.customerId,
      customerName: customers.name,
      createdAt: services.createdAt,
    })
    .from(services)
    .innerJoin(orders, eq(orders.id, services.orderId))
    .innerJoin(customers, eq(customers.id, services.customerId))
    .innerJoin(products, eq(products.id, services.productId))
    .leftJoin(suspending, eq(suspending.id, orders.suspendedForInvoiceId))
    .where(and(serviceFilters(ctx, input, terminatesOn), cursor ? order.after(cursor) : undefined, only ? eq(services.id, only) : undefined))
    .orderBy(...order.orderBy)
    .limit(limit + 1);
  return order.page(rows, limit);
}

/**
 * One page of every service in the actor's reach, newest first: the desk's with `orders.view`,
 * a reseller's book; a client is refused (its portal lists its own).
 */
export async function listServices(
  ctx: ServiceContext,
  input: Omit<ListServicesInput, 'format'>,
): Promise<{ items: ServiceEntry[]; nextCursor: string | null }> {
  return fetchPage(ctx, input, input.cursor, input.limit);
}

/** Every service matching the filters, newest first, in keyset batches (for CSV). */
export const eachService = (ctx: ServiceContext, input: Filters): AsyncGenerator<ServiceEntry> =>
  everyItem((cursor, limit) => fetchPage(ctx, input, cursor, limit));

/** One service as the Services list shows it (a webhook's `data`), if in the actor's reach. */
export async function getServiceEntry(ctx: ServiceContext, id: string): Promise<ServiceEntry | undefined> {
  const { items } = await fetchPage(ctx, {}, undefined, 1, id);
  return items[0];
}
