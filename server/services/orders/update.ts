import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { parseMilli, trimDecimal } from '@/server/billing/decimal';
import { canEditContract } from '@/server/billing/order-status';
import { taxRateFor } from '@/server/billing/tax-defaults';
import { AppError } from '@/server/errors';
import type { UpdateOrderInput } from '@/server/schemas/orders';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer } from '@/server/services/customers/store';
import { readBillingSettings } from '@/server/services/settings/read';
import { autoEmailOf, checkContract, contactFor, writeContractLines } from './contract';
import { priceCart } from './pricing';
import { loadOrder, lockOrder, type OrderView } from './store';

/**
 * Edits a draft contract order: its details and, when `items` is given, its lines (replaced,
 * priced again). Anything but a draft contract is 409 invalid_state: an active contract bills.
 */
export async function updateOrder(ctx: ServiceContext, input: UpdateOrderInput & { id: string }): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.edit');
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, ctx.actor.scope, input.id);
    if (!canEditContract(order)) {
      throw new AppError(
        'invalid_state',
        order.contract ? `Only a draft order can be edited; this one is ${order.status}` : 'Only a draft contract order can be edited',
      );
    }
    const before = await loadOrder(tx, { kind: 'all' }, order.id);
    const settings = await readBillingSettings(tx);
    const startDate = input.startDate ?? order.startDate;
    const endDate = input.endDate === undefined ? order.endDate : input.endDate;
    const customer = await findCustomer(tx, { kind: 'all' }, order.customerId);
    const lines =
      input.items ??
      before.lines.map((line) => ({
        productId: line.productId,
        cycle: line.cycle,
        quantity: Number(line.quantity),
        options: line.options.map((o) => ({ optionId: o.optionId, quantity: o.quantity })),
        price: line.usageUnitPrice === null ? line.unitPrice : trimDecimal(line.usageUnitPrice),
      }));
    const cart = await priceCart(tx, {
      items: lines,
      couponCode: undefined,
      currency: order.currency,
      customerId: customer.id,
      now: ctx.now,
      lockCoupon: false,
      usage: true,
    });
    checkContract({ startDate, endDate }, cart);
    const total = input.items ? await writeContractLines(tx, order.id, cart, settings, taxRateFor(parseMilli(settings.tax_rate)!, customer)) : order.total;
    await tx
      .update(orders)
      .set({
        name: input.name ?? order.name,
        billingDay: input.billingDay ?? order.billingDay,
        dueDays: input.dueDays ?? order.dueDays,
        startDate,
        endDate,
        autoEmail: input.emailMode ? autoEmailOf(input.emailMode) : order.autoEmail,
        contact: input.contactEmail === undefined ? order.contact : input.contactEmail === null ? null : await contactFor(tx, customer, input.contactEmail),
        paymentMethod: input.paymentMethod ?? order.paymentMethod,
        total,
        updatedAt: ctx.now,
      })
      .where(eq(orders.id, order.id));
    const after = await loadOrder(tx, { kind: 'all' }, order.id);
    await audit(tx, ctx.actor, 'order.updated', { type: 'order', id: order.id }, { before, after });
    return after;
  });
}
