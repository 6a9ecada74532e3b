import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, invoices, orderLabels, orderLines, orders, services } from '@/db/schema';
import type { Scope } from '../auth/actor';
import { notFound } from '../errors';

export type OrderRow = typeof orders.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type OrderView = OrderRow & {
  lines: Array<typeof orderLines.$inferSelect>;
  services: ServiceRow[];
  labels: string[];
  invoiceId: string | null;
};

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

export async function lockOrder(tx: Database, scope: Scope, id: string): Promise<OrderRow> {
  const [row] = await tx.select().from(orders).where(and(eq(orders.id, id), orderScope(scope))).for('update');
  if (!row) throw notFound('Order');
  return row;
}

export async function loadOrder(db: Database, scope: Scope, id: string): Promise<OrderView> {
  const [row] = await db.select().from(orders).where(and(eq(orders.id, id), orderScope(scope)));
  if (!row) throw notFound('Order');
  const [lines, serviceRows, labels, [first]] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, id)),
    db.select().from(services).where(eq(services.orderId, id)).orderBy(asc(services.createdAt)),
    db.select({ label: orderLabels.label }).from(orderLabels).where(eq(orderLabels.orderId, id)).orderBy(asc(orderLabels.label)),
    db.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.orderId, id), eq(invoices.purpose, 'first'))).limit(1),
  ]);
  return { ...row, lines, services: serviceRows, labels: labels.map((l) => l.label), invoiceId: first?.id ?? null };
}
