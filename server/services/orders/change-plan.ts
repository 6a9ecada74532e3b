import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, invoiceLines, invoices, services } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { changePlanPermission } from '@/server/auth/permissions';
import { MILLI } from '@/server/billing/decimal';
import { awaitingPayment, returnableOf } from '@/server/billing/invoice-status';
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
import { issueDocument } from '@/server/services/invoices/issue-document';
import { moneyOf } from '@/server/services/invoices/store';
import { lockCustomer } from '@/server/services/locks';
import { readBillingSettings } from '@/server/services/settings/read';
import { emitPlanChange } from './lifecycle';

/**
 * The invoice that paid for a service's period: the one whose line billed it, or the invoice
 * that one was merged into. Locked, as money is about to be credited against it.
 */
async function periodInvoice(tx: Database, serviceId: string, periodStart: string) {
  const [line] = await tx
    .select({ invoiceId: invoiceLines.invoiceId, mergedInto: invoices.consolidatedIntoId })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoiceLines.serviceId, serviceId), eq(invoiceLines.periodStart, periodStart), eq(invoices.kind, 'invoice')));
  if (!line) return null;
  const [payer] = await tx
    .select()
    .from(invoices)
    .where(eq(invoices.id, line.mergedInto ?? line.invoiceId))
    .for('update');
  return payer ?? null;
}

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
    // A credit for the rest of the period may only give back what was paid for it: with an
    // earlier plan change still unpaid, the current price was never paid, and a downgrade would
    // credit the upgrade the customer never paid for.
    const [unpaid] = await tx
      .select({ number: invoices.number })
      .from(invoices)
      .where(
        and(
          eq(invoices.orderId, service.orderId),
          eq(invoices.purpose, 'proration'),
          eq(invoices.kind, 'invoice'),
          inArray(invoices.status, [...awaitingPayment]),
        ),
      );
    if (unpaid) throw new AppError('invalid_state', `The earlier plan change (${unpaid.number}) is not paid yet; it must be paid or cancelled first`);
    const product = await loadProduct(tx, input.productId).catch(() => {
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
    if (breakdown.prorate > 0n) {
      const document = await issueDocument(tx, {
        kind: 'invoice',
        customerId: service.customerId,
        currency: service.currency,
        orderId: service.orderId,
        purpose: 'proration',
        items: [{ description, quantity: MILLI, unitPrice: breakdown.prorate }],
        today,
        now: ctx.now,
        settings,
      });
      invoiceId = document.id;
    } else if (breakdown.prorate < 0n) {
      // The credit corrects the invoice that paid for this period and counts against what it took
      // in, like any credit note: a period paid by nothing (a credit note, an approval before
      // payment) or already refunded credits nothing.
      const payer = await periodInvoice(tx, service.id, service.periodStart);
      const paidFor = payer ? returnableOf(moneyOf(payer)) : 0n;
      const credit = -breakdown.prorate < paidFor ? -breakdown.prorate : paidFor;
      if (credit > 0n) {
        const document = await issueDocument(tx, {
          kind: 'credit_note',
          customerId: service.customerId,
          currency: service.currency,
          orderId: service.orderId,
          correctsInvoiceId: payer!.id,
          purpose: 'proration',
          items: [{ description, quantity: MILLI, unitPrice: credit }],
          today,
          now: ctx.now,
          settings,
          credit: true,
        });
        await tx
          .update(invoices)
          .set({ amountCredited: payer!.amountCredited + credit, updatedAt: ctx.now })
          .where(eq(invoices.id, payer!.id));
        creditNoteId = document.id;
      }
    }
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
