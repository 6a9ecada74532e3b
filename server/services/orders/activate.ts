import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { orders, products, services } from '@/db/schema';
import type { Actor } from '@/server/auth/actor';
import { audit } from '@/server/services/audit/record';

/** Whether an order's products wait for an admin's approval, or for provisioning, before going live. */
export async function activationNeeds(tx: Database, orderId: string): Promise<{ approval: boolean; provisioning: boolean }> {
  const [row] = await tx
    .select({
      approval: sql<number>`count(*) filter (where not ${products.autoActivate})::int`,
      provisioning: sql<number>`count(*) filter (where ${products.provisioningModule} is not null)::int`,
    })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .where(eq(services.orderId, orderId));
  return { approval: row!.approval > 0, provisioning: row!.provisioning > 0 };
}

/** Pending → active, with its pending services. */
export async function activateOrder(tx: Database, actor: Actor, orderId: string, now: Date): Promise<void> {
  await tx.update(orders).set({ status: 'active', awaitingApproval: false, updatedAt: now }).where(eq(orders.id, orderId));
  await tx
    .update(services)
    .set({ status: 'active', updatedAt: now })
    .where(and(eq(services.orderId, orderId), eq(services.status, 'pending')));
  await audit(tx, actor, 'order.activated', { type: 'order', id: orderId }, { before: { status: 'pending' }, after: { status: 'active' } });
}
