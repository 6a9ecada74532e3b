import { eq } from 'drizzle-orm';
import { orders, services } from '@/db/schema';
import { canChangePlan } from '@/server/billing/order-status';
import { daysBetween, toPlainDate } from '@/server/billing/periods';
import { priceLine } from '@/server/billing/pricing';
import { prorate, type Proration } from '@/server/billing/proration';
import { AppError } from '@/server/errors';
import { emitEvents } from '@/server/jobs/runtime';
import type { ChangePlanInput } from '@/server/schemas/orders';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { lockCustomer } from '@/server/services/locks';
import { readBillingSettings } from '@/server/services/settings/read';
import { emitPlanChange } from './lifecycle';
import { findService, requirePlanChange, selfService, targetProduct } from './plan-choices';
import { storedOptions } from './pricing';
import { issueProration, periodCredit, refuseUnpaidProration } from './proration-documents';

/** The breakdown, the documents a confirmed change issued, and what the service renews at from now on. */
export type PlanChange = Proration & { invoiceId: string | null; creditNoteId: string | null; newPrice: bigint };

/**
 * Moves a service to another plan — product, cycle and options — for the rest of its paid period
 * (DESIGN.md §4). A preview computes the breakdown and writes nothing; a confirmed change bills
 * the difference (and e-mails that invoice as the order's auto-e-mail says, through the
 * notify-customer workflow and its communication rules) or credits it (credit note + credit
 * balance), and switches the service's plan, options and price. The desk changes any service in
 * its scope; a customer (the portal) only its own, to the plans `planChoices` offers, priced today.
 */
export async function changePlan(
  ctx: ServiceContext,
  input: Omit<ChangePlanInput, 'options'> & { options?: ChangePlanInput['options']; serviceId: string },
): Promise<PlanChange> {
  requirePlanChange(ctx.actor);
  if (input.cycle === 'one_time') throw new AppError('validation', 'A service renews on a cycle', { cycle: 'must be a billing cycle' });
  return ctx.db.transaction(async (tx) => {
    const found = await findService(tx, ctx.actor, input.serviceId);
    await lockCustomer(tx, found.customerId);
    const [service] = await tx.select().from(services).where(eq(services.id, input.serviceId)).for('update');
    if (!service || !canChangePlan(service.status) || !service.periodStart || !service.periodEnd) {
      throw new AppError('invalid_state', 'Only an active service with a paid period can change plan');
    }
    if (service.cancelAt) throw new AppError('invalid_state', `This service is cancelled from ${service.cancelAt}: its plan no longer changes`);
    await refuseUnpaidProration(tx, service.orderId);
    const settings = await readBillingSettings(tx);
    const product = await targetProduct(tx, ctx.actor, service, input.productId, settings);
    // Usage is billed in arrears per unit used: there is no paid-up period to prorate, to or from it.
    if (product.type === 'usage' || service.usageUnitPrice !== null) {
      throw new AppError('validation', 'Usage is not prorated', { product_id: 'cannot change to or from a usage product; order it on a contract' });
    }
    const price = priceLine(product, input.cycle, service.currency, input.options ?? []);
    if (!price.ok) {
      // An option's refusal goes beside its group ("options.<group id>"), so the form can say which choice is missing.
      const field = price.field === 'cycle' ? 'cycle' : price.groupId ? `options.${price.groupId}` : 'options';
      throw new AppError('validation', `The new plan cannot be priced: ${price.field === 'cycle' ? `the cycle ${price.message}` : price.message}`, {
        [field]: price.message,
      });
    }

    // A customer's change is priced today; the desk may date it (a change agreed earlier).
    const today = (selfService(ctx.actor) ? undefined : input.today) ?? toPlainDate(ctx.now);
    const breakdown = prorate({
      oldPrice: service.price,
      newPrice: price.unitPrice,
      periodDays: daysBetween(service.periodStart, service.periodEnd),
      daysLeft: daysBetween(today, service.periodEnd),
    });
    if (input.preview) return { ...breakdown, invoiceId: null, creditNoteId: null, newPrice: price.unitPrice };

    const description = `Plan change: ${service.name} → ${product.name}, ${breakdown.unusedDays} of ${breakdown.periodDays} days`;
    const { payer, credit } =
      breakdown.prorate < 0n ? await periodCredit(tx, service.id, service.periodStart, -breakdown.prorate) : { payer: null, credit: 0n };
    const { invoiceId, creditNoteId } = await issueProration(tx, {
      service,
      description,
      charge: breakdown.prorate,
      credit,
      payer,
      today,
      now: ctx.now,
      settings,
    });
    await tx
      .update(services)
      .set({ productId: product.id, name: product.name, cycle: input.cycle, price: price.unitPrice, options: storedOptions(price.options), updatedAt: ctx.now })
      .where(eq(services.id, service.id));
    if (invoiceId) {
      const [order] = await tx.select({ autoEmail: orders.autoEmail }).from(orders).where(eq(orders.id, service.orderId));
      if (order?.autoEmail !== 'off') await emitEvents(tx, [{ name: 'invoice/created', id: `invoice-created:${invoiceId}`, data: { invoiceId } }]);
    }
    await emitPlanChange(
      tx,
      service,
      { productId: service.productId, cycle: service.cycle, price: service.price },
      { productId: product.id, cycle: input.cycle },
    );
    await audit(
      tx,
      ctx.actor,
      'service.plan_changed',
      { type: 'service', id: service.id },
      {
        before: { productId: service.productId, cycle: service.cycle, price: service.price, options: service.options },
        after: {
          productId: product.id,
          cycle: input.cycle,
          price: price.unitPrice,
          options: storedOptions(price.options),
          ...breakdown,
          invoiceId,
          creditNoteId,
        },
      },
    );
    return { ...breakdown, invoiceId, creditNoteId, newPrice: price.unitPrice };
  });
}
