import { and, eq, inArray } from 'drizzle-orm';
import { customers, invoices, services } from '@/db/schema';
import { requirePermission } from '../auth/actor';
import { MILLI } from '../billing/decimal';
import { awaitingPayment } from '../billing/invoice-status';
import { type Proration, prorate } from '../billing/proration';
import { daysBetween, toPlainDate } from '../billing/periods';
import { priceLine } from '../billing/pricing';
import { AppError, notFound } from '../errors';
import type { ChangePlanInput } from '../schemas/orders';
import { audit } from './audit';
import { loadProduct } from './catalog';
import type { ServiceContext } from './context';
import { customerScope } from './customer-view';
import { issueDocument } from './issue-document';
import { lockCustomer } from './locks';
import { readBillingSettings } from './read-settings';
import { emitPlanChange } from './service-lifecycle';

export type PlanChange = Proration & { invoiceId: string | null; creditNoteId: string | null };

/**
 * Moves a service to another plan for the rest of its paid period (DESIGN.md §4). A preview
 * computes the breakdown and writes nothing; a confirmed change bills the difference or
 * credits it (credit note + credit balance) and switches the service's plan and price.
 */
export async function changePlan(ctx: ServiceContext, input: ChangePlanInput & { serviceId: string }): Promise<PlanChange> {
  requirePermission(ctx.actor, 'orders.edit');
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
    if (!service || !['active', 'suspended'].includes(service.status) || !service.periodStart || !service.periodEnd) {
      throw new AppError('invalid_state', 'Only an active service with a paid period can change plan');
    }
    // A credit for the rest of the period may only give back what was paid for it: with an
    // earlier plan change still unpaid, the current price was never paid, and a downgrade would
    // credit the upgrade the customer never paid for.
    const [unpaid] = await tx
      .select({ number: invoices.number })
      .from(invoices)
      .where(and(eq(invoices.orderId, service.orderId), eq(invoices.purpose, 'proration'), eq(invoices.kind, 'invoice'), inArray(invoices.status, [...awaitingPayment])));
    if (unpaid) throw new AppError('invalid_state', `The earlier plan change (${unpaid.number}) is not paid yet; it must be paid or cancelled first`);
    const product = await loadProduct(tx, input.product_id).catch(() => {
      throw new AppError('validation', 'Unknown product', { product_id: 'is not a product on sale' });
    });
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
    let invoiceId: string | null = null;
    let creditNoteId: string | null = null;
    if (breakdown.prorate !== 0n) {
      const positive = breakdown.prorate > 0n;
      const document = await issueDocument(tx, {
        kind: positive ? 'invoice' : 'credit_note',
        customerId: service.customerId,
        currency: service.currency,
        orderId: service.orderId,
        purpose: 'proration',
        items: [{ description, quantity: MILLI, unit_price: positive ? breakdown.prorate : -breakdown.prorate }],
        today,
        now: ctx.now,
        settings,
        credit: true,
      });
      if (positive) invoiceId = document.id;
      else creditNoteId = document.id;
    }
    await tx
      .update(services)
      .set({ productId: product.id, name: product.name, cycle: input.cycle, price: price.unitPrice, updatedAt: ctx.now })
      .where(eq(services.id, service.id));
    await emitPlanChange(tx, service, { productId: service.productId, cycle: service.cycle, price: service.price }, { productId: product.id, cycle: input.cycle });
    await audit(tx, ctx.actor, 'service.plan_changed', { type: 'service', id: service.id }, {
      before: { productId: service.productId, cycle: service.cycle, price: service.price },
      after: { productId: product.id, cycle: input.cycle, price: price.unitPrice, ...breakdown, invoiceId, creditNoteId },
    });
    return { ...breakdown, invoiceId, creditNoteId };
  });
}
