import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { orders, products, services } from '@/db/schema';
import type { WorkflowEvent } from '@/inngest/events';
import type { Actor } from '@/server/auth/actor';
import { audit } from '@/server/services/audit/record';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';

/** Whether one of an order's products waits for an admin's approval before going live. */
export async function needsApproval(tx: Database, orderId: string): Promise<boolean> {
  const [row] = await tx
    .select({ approval: sql<number>`count(*) filter (where not ${products.autoActivate})::int` })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .where(eq(services.orderId, orderId));
  return row!.approval > 0;
}

/**
 * The event that has the activate-order workflow set a paid order up and put it live. Its id is
 * the order's, so however often the payment is replayed the order is activated by one job.
 */
export const orderPaidEvent = (orderId: string): WorkflowEvent<'order/paid'> => ({ name: 'order/paid', id: `order-paid:${orderId}`, data: { orderId } });

/** Pending → active, with its pending services. */
export async function activateOrder(tx: Database, actor: Actor, orderId: string, now: Date): Promise<void> {
  await tx.update(orders).set({ status: 'active', awaitingApproval: false, updatedAt: now }).where(eq(orders.id, orderId));
  await tx
    .update(services)
    .set({ status: 'active', updatedAt: now })
    .where(and(eq(services.orderId, orderId), eq(services.status, 'pending')));
  await audit(tx, actor, 'order.activated', { type: 'order', id: orderId }, { before: { status: 'pending' }, after: { status: 'active' } });
  await publishWebhookEvents(tx, 'order.activated', 'order', [orderId], now);
}
