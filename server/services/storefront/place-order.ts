import { requirePermission } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import { offeredMethods, readPaymentConfig } from '@/server/payments/config';
import type { CheckoutInput } from '@/server/schemas/store';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { creditBalance } from '@/server/services/credit/balance';
import { placeOrder } from '@/server/services/orders/place';
import { type OrderView } from '@/server/services/orders/store';

/**
 * Checkout: the signed-in client orders their cart for their own customer account, paying by
 * a method the store offers now. Credit must cover the whole first invoice, checked under the
 * customer lock the order takes, so the order and that check stand or fall together.
 */
export async function placeStoreOrder(ctx: ServiceContext, input: CheckoutInput): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.create');
  const { scope } = ctx.actor;
  if (scope.kind !== 'customer') throw new AppError('forbidden', 'Only a customer account can order from the store; sign in as a customer');
  const config = await readPaymentConfig(ctx.db);
  if (!offeredMethods(config).includes(input.paymentMethod)) {
    throw new AppError('validation', 'That payment method is not available', { payment_method: 'is not available; choose another' });
  }
  return ctx.db.transaction(async (tx) => {
    const order = await placeOrder(
      { ...ctx, db: tx },
      { customerId: scope.customerId, items: input.items, couponCode: input.couponCode, paymentMethod: input.paymentMethod, name: undefined },
    );
    if (input.paymentMethod === 'credit' && (await creditBalance(tx, scope.customerId, order.currency)) < order.total) {
      throw new AppError('validation', 'Your credit balance does not cover this order', { payment_method: 'Your credit balance does not cover this order' });
    }
    // What the customer agreed to, next to the order it was for.
    await audit(
      tx,
      ctx.actor,
      'order.checked_out',
      { type: 'order', id: order.id },
      {
        after: { payment_method: input.paymentMethod, terms_accepted: true, terms_url: config.termsUrl || null },
      },
    );
    return order;
  });
}
