import { eq } from 'drizzle-orm';
import { orders, services } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { canActivateOrder, canDeactivateOrder } from '@/server/billing/order-status';
import { toPlainDate } from '@/server/billing/periods';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';
import { createContractServices, resumeContractServices } from './contract';
import { loadOrder, lockOrder, type OrderView } from './store';

/**
 * A contract order goes live: from draft its services are created (one per line, active), from
 * paused they resume billing at the next billing day — the periods that started while it was
 * paused are skipped. Anything else is 409
 * invalid_state (a retried request replays through its Idempotency-Key instead).
 */
export async function activateContractOrder(ctx: ServiceContext, input: { id: string }): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.edit');
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, ctx.actor.scope, input.id);
    if (!canActivateOrder(order)) {
      throw new AppError(
        'invalid_state',
        order.contract ? `Only a draft or paused order can be activated; this one is ${order.status}` : 'Only a contract order is activated this way',
      );
    }
    const [existing] = await tx.select({ id: services.id }).from(services).where(eq(services.orderId, order.id)).limit(1);
    if (existing) await resumeContractServices(tx, order, toPlainDate(ctx.now));
    else await createContractServices(tx, order, ctx.now);
    await tx.update(orders).set({ status: 'active', updatedAt: ctx.now }).where(eq(orders.id, order.id));
    await audit(tx, ctx.actor, 'order.activated', { type: 'order', id: order.id }, { before: { status: order.status }, after: { status: 'active' } });
    await publishWebhookEvents(tx, 'order.activated', 'order', [order.id], ctx.now);
    return loadOrder(tx, { kind: 'all' }, order.id);
  });
}

/**
 * An active contract order pauses: the billing run invoices no period starting while it is
 * paused. Its services keep running at the provider (nothing is suspended there).
 */
export async function deactivateContractOrder(ctx: ServiceContext, input: { id: string }): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.edit');
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, ctx.actor.scope, input.id);
    if (!canDeactivateOrder(order)) {
      throw new AppError(
        'invalid_state',
        order.contract
          ? `Only an active order can be deactivated; this one is ${order.status}`
          : 'Only a contract order is deactivated; suspend a store order instead',
      );
    }
    await tx.update(orders).set({ status: 'paused', updatedAt: ctx.now }).where(eq(orders.id, order.id));
    await audit(tx, ctx.actor, 'order.deactivated', { type: 'order', id: order.id }, { before: { status: 'active' }, after: { status: 'paused' } });
    return loadOrder(tx, { kind: 'all' }, order.id);
  });
}
