import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoices, orderLabels, orderLines, orders, services } from '@/db/schema';
import type { Scope } from '@/server/auth/actor';
import { notFound } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { lockCustomer } from '@/server/services/locks';
import { orderScope } from './scope';

export type OrderRow = typeof orders.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type OrderView = OrderRow & {
  lines: Array<typeof orderLines.$inferSelect>;
  services: ServiceRow[];
  labels: string[];
  invoiceId: string | null;
};

/**
 * The customer's advisory lock, then the order's row lock — the order payments take them in
 * (customer, invoice, then the order when settling), so an order edit racing a payment waits
 * instead of deadlocking.
 */
export async function lockOrder(tx: Database, scope: Scope, id: string): Promise<OrderRow> {
  const [target] = await tx
    .select({ customerId: orders.customerId })
    .from(orders)
    .where(and(eq(orders.id, id), orderScope(scope)));
  if (!target) throw notFound('Order');
  await lockCustomer(tx, target.customerId);
  const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
  return row!;
}

/** Orders with their lines, services, labels and first invoice, in five queries for any number. */
export async function loadOrders(db: Database, ids: readonly string[]): Promise<OrderView[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const [rows, lines, serviceRows, labels, firsts] = await Promise.all([
    db.select().from(orders).where(inArray(orders.id, list)),
    db.select().from(orderLines).where(inArray(orderLines.orderId, list)),
    db.select().from(services).where(inArray(services.orderId, list)).orderBy(asc(services.createdAt)),
    db.select().from(orderLabels).where(inArray(orderLabels.orderId, list)).orderBy(asc(orderLabels.label)),
    db
      .select({ id: invoices.id, orderId: invoices.orderId })
      .from(invoices)
      .where(and(inArray(invoices.orderId, list), eq(invoices.purpose, 'first'))),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return list.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        ...row,
        lines: lines.filter((l) => l.orderId === id),
        services: serviceRows.filter((s) => s.orderId === id),
        labels: labels.filter((l) => l.orderId === id).map((l) => l.label),
        invoiceId: firsts.find((f) => f.orderId === id)?.id ?? null,
      },
    ];
  });
}

export async function loadOrder(db: Database, scope: Scope, id: string): Promise<OrderView> {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, id), orderScope(scope)));
  if (!row) throw notFound('Order');
  const [order] = await loadOrders(db, [row.id]);
  return order!;
}

// Labels sort the desk's work ("VIP", "late payer"); a client never reads them.
export const withoutDeskLabels = (ctx: ServiceContext, order: OrderView): OrderView => (ctx.actor.scope.kind === 'customer' ? { ...order, labels: [] } : order);
