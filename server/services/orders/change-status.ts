import { and, eq, inArray } from 'drizzle-orm';
import { orders, services } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { canApproveOrder, canChangeOrderStatus, type OrderStatus } from '@/server/billing/order-status';
import { AppError } from '@/server/errors';
import { emitEvents } from '@/server/jobs/runtime';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { emitServiceLifecycle } from './lifecycle';
import { loadOrder, lockOrder, type OrderView } from './store';

// What an order's new status means for its services, and which services it touches.
const serviceEffect: Partial<
  Record<OrderStatus, { to: 'active' | 'suspended' | 'cancelled' | 'terminated'; from: Array<'pending' | 'active' | 'suspended'> }>
> = {
  active: { to: 'active', from: ['pending', 'suspended'] },
  suspended: { to: 'suspended', from: ['active'] },
  cancelled: { to: 'cancelled', from: ['pending', 'active', 'suspended'] },
  terminated: { to: 'terminated', from: ['pending', 'active', 'suspended'] },
};

/** Moves an order along its state machine; anything else is 409 invalid_state. */
export async function changeOrderStatus(ctx: ServiceContext, input: { id: string; status: OrderStatus }): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.edit');
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, ctx.actor.scope, input.id);
    if (!canChangeOrderStatus(order.status, input.status)) {
      throw new AppError('invalid_state', `An order cannot go from ${order.status} to ${input.status}`);
    }
    const effect = serviceEffect[input.status];
    await tx.update(orders).set({ status: input.status, awaitingApproval: false, updatedAt: ctx.now }).where(eq(orders.id, order.id));
    if (effect) {
      const moving = await tx
        .select({ id: services.id, status: services.status })
        .from(services)
        .where(and(eq(services.orderId, order.id), inArray(services.status, effect.from)));
      await tx
        .update(services)
        .set({ status: effect.to, updatedAt: ctx.now })
        .where(and(eq(services.orderId, order.id), inArray(services.status, effect.from)));
      // Their providers hear of it after commit (service-lifecycle): a pending service going
      // live is activation's business, not a reactivation; a cancelled one is ended there too.
      const ids = (from: string[]) => moving.filter((s) => from.includes(s.status)).map((s) => s.id);
      const lifecycle = { active: 'unsuspend', suspended: 'suspend', cancelled: 'terminate', terminated: 'terminate' } as const;
      const action = lifecycle[effect.to];
      await emitServiceLifecycle(tx, action, action === 'unsuspend' ? ids(['suspended']) : ids(effect.from), ctx.now);
    }
    await audit(tx, ctx.actor, 'order.status_changed', { type: 'order', id: order.id }, { before: { status: order.status }, after: { status: input.status } });
    return loadOrder(tx, { kind: 'all' }, order.id);
  });
}

/**
 * Approves a pending order: it goes live with its services, paid or not (the admin decides), by
 * the activate-order workflow right after this commits — once its services are provisioned where
 * a product has a provisioning module — so activation is always a recorded job.
 */
export async function approveOrder(ctx: ServiceContext, input: { id: string }): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.edit');
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, ctx.actor.scope, input.id);
    if (!canApproveOrder(order.status)) throw new AppError('invalid_state', `Only a pending order can be approved; this one is ${order.status}`);
    await tx.update(orders).set({ awaitingApproval: false, approvedAt: ctx.now, updatedAt: ctx.now }).where(eq(orders.id, order.id));
    await emitEvents(tx, [{ name: 'order/approved', id: `order-approved:${order.id}`, data: { orderId: order.id } }]);
    await audit(tx, ctx.actor, 'order.approved', { type: 'order', id: order.id }, { before: { status: 'pending' }, after: { awaitingApproval: false } });
    return loadOrder(tx, { kind: 'all' }, order.id);
  });
}
