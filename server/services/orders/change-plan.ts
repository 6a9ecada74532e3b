import { and, eq } from 'drizzle-orm';
import { customers, services } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { changePlanPermission } from '@/server/auth/permissions';
import { canChangePlan } from '@/server/billing/order-status';
import { daysBetween, toPlainDate } from '@/server/billing/periods';
import { priceLine } from '@/server/billing/pricing';
import { prorate, type Proration } from '@/server/billing/proration';
import { AppError, notFound } from '@/server/errors';
import type { ChangePlanInput } from '@/server/schemas/orders';
import { audit } from '@/server/services/audit/record';
import { loadProduct } from '@/server/services/catalog/store';
import type { ServiceContext } from '@/server/services/context';
import { customerScope } from '@/server/services/customers/scope';
import { lockCustomer } from '@/server/services/locks';
import { readBillingSettings } from '@/server/services/settings/read';
import { emitPlanChange } from './lifecycle';
import { issueProration, periodCredit, refuseUnpaidProration } from './proration-documents';

export type PlanChange = Proration & { invoiceId: string | null; creditNoteId: string | null };

/**
 * Moves a service to another plan for the rest of its paid period (DESIGN.md §4). A preview
 * computes the breakdown and writes nothing; a confirmed change bills the difference or
 * credits it (credit note + credit balance) and switches the service's plan and price.
 */
export async function changePlan(ctx: ServiceContext, input: ChangePlanInput & { serviceId: string }): Promise<PlanChange> {
  requirePermission(ctx.actor, changePlanPermission(ctx.actor.role));
  if (input.cycle === 'one_time') throw new AppError('validation', 'A service renews on a cycle', { cycle: 'must be a billing cycle' });
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ service: services })
      .from(services)
      .innerJoin(customers, eq(customers.id, services.customerId))
      .where(and(eq(services.id, input.serviceId), customerScope(ctx.actor.scope)));
    if (!found) throw notFound('Service');
    await lockCustomer(tx, found.service.customerId);
    const [service] = await tx.select().from(services).where(eq(services.id, input.serviceId)).for('update');
    if (!service || !canChangePlan(service.status) || !service.periodStart || !service.periodEnd) {
      throw new AppError('invalid_state', 'Only an active service with a paid period can change plan');
    }
    await refuseUnpaidProration(tx, service.orderId);
    const product = await loadProduct(tx, input.productId).catch(() => {
      throw new AppError('validation', 'Unknown product', { product_id: 'is not a product on sale' });
    });
    // Usage is billed in arrears per unit used: there is no paid-up period to prorate, to or from it.
    if (product.type === 'usage' || service.usageUnitPrice !== null) {
      throw new AppError('validation', 'Usage is not prorated', { product_id: 'cannot change to or from a usage product; order it on a contract' });
    }
    const price = priceLine(product, input.cycle, service.currency, []);
    if (!price.ok) throw new AppError('validation', 'The new plan cannot be priced', { [price.field === 'cycle' ? 'cycle' : 'product_id']: price.message });

    const today = input.today ?? toPlainDate(ctx.now);
    const breakdown = prorate({
      oldPrice: service.price,
      newPrice: price.unitPrice,
      periodDays: daysBetween(service.periodStart, service.periodEnd),
      daysLeft: daysBetween(today, service.periodEnd),
    });
    if (input.preview) return { ...breakdown, invoiceId: null, creditNoteId: null };

    const settings = await readBillingSettings(tx);
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
      .set({ productId: product.id, name: product.name, cycle: input.cycle, price: price.unitPrice, updatedAt: ctx.now })
      .where(eq(services.id, service.id));
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
        before: { productId: service.productId, cycle: service.cycle, price: service.price },
        after: { productId: product.id, cycle: input.cycle, price: price.unitPrice, ...breakdown, invoiceId, creditNoteId },
      },
    );
    return { ...breakdown, invoiceId, creditNoteId };
  });
}
