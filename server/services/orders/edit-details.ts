import { and, eq } from 'drizzle-orm';
import { orderLabels, orders } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import { paymentMethodLabels } from '@/server/labels';
import { orderPaymentChoices, readPaymentConfig } from '@/server/payments/config';
import type { PaymentMethod } from '@/server/schemas/invoices';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { loadOrder, lockOrder, type OrderView } from './store';

/** The methods Change payment method offers: configured gateways, the desk's manual methods, credit when on. */
export async function orderPaymentMethodChoices(ctx: ServiceContext): Promise<PaymentMethod[]> {
  requirePermission(ctx.actor, 'orders.edit');
  return orderPaymentChoices(await readPaymentConfig(ctx.db));
}

/**
 * The method the customer means to pay by; what the pay page offers first. A gateway that is
 * not set up (Settings → Payments) could not take the payment, so it is refused.
 */
export async function changeOrderPaymentMethod(ctx: ServiceContext, input: { id: string; paymentMethod: PaymentMethod }): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.edit');
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, ctx.actor.scope, input.id);
    const choices = orderPaymentChoices(await readPaymentConfig(tx));
    if (!choices.includes(input.paymentMethod)) {
      throw new AppError('validation', `${paymentMethodLabels[input.paymentMethod]} is not set up: see Settings → Payments`, {
        payment_method: `must be one of ${choices.join(', ')}`,
      });
    }
    await tx.update(orders).set({ paymentMethod: input.paymentMethod, updatedAt: ctx.now }).where(eq(orders.id, order.id));
    await audit(
      tx,
      ctx.actor,
      'order.payment_method_changed',
      { type: 'order', id: order.id },
      { before: { paymentMethod: order.paymentMethod }, after: { paymentMethod: input.paymentMethod } },
    );
    return loadOrder(tx, { kind: 'all' }, order.id);
  });
}

/** Labels sort the desk's work ("VIP", "migrating"); adding one twice changes nothing. */
export async function addOrderLabel(ctx: ServiceContext, input: { id: string; label: string }): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.edit');
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, ctx.actor.scope, input.id);
    const added = await tx.insert(orderLabels).values({ orderId: order.id, label: input.label }).onConflictDoNothing().returning();
    if (added.length > 0) await audit(tx, ctx.actor, 'order.label_added', { type: 'order', id: order.id }, { after: { label: input.label } });
    return loadOrder(tx, { kind: 'all' }, order.id);
  });
}

export async function removeOrderLabel(ctx: ServiceContext, input: { id: string; label: string }): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.edit');
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, ctx.actor.scope, input.id);
    const removed = await tx
      .delete(orderLabels)
      .where(and(eq(orderLabels.orderId, order.id), eq(orderLabels.label, input.label)))
      .returning();
    if (removed.length > 0) await audit(tx, ctx.actor, 'order.label_removed', { type: 'order', id: order.id }, { before: { label: input.label } });
    return loadOrder(tx, { kind: 'all' }, order.id);
  });
}
