import { and, eq } from 'drizzle-orm';
import { billingSchedule, customers, orders, services } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { parseMilli } from '@/server/billing/decimal';
import { nextContractInvoice, type NextInvoice } from '@/server/billing/next-invoice';
import { taxRateFor } from '@/server/billing/tax-defaults';
import { notFound } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { readBillingSettings } from '@/server/services/settings/read';
import { orderScope } from './scope';

export type NextInvoicePreview = NextInvoice & { currency: string };

/**
 * What the billing run will invoice next for a contract order, and when (billing/next-invoice.ts),
 * at the customer's tax rate in the order's currency; null for a store order, whose renewals
 * follow its payments. Reads only: nothing is billed.
 */
export async function previewNextInvoice(ctx: ServiceContext, input: { id: string }): Promise<NextInvoicePreview | null> {
  requirePermission(ctx.actor, 'orders.view');
  const [order] = await ctx.db
    .select({
      contract: orders.contract,
      status: orders.status,
      billingDay: orders.billingDay,
      startDate: orders.startDate,
      endDate: orders.endDate,
      currency: orders.currency,
      taxExempt: customers.taxExempt,
      taxRateOverride: customers.taxRateOverride,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(orders.id, input.id), orderScope(ctx.actor.scope)));
  if (!order) throw notFound('Order');
  if (!order.contract) return null;
  const [rows, settings] = await Promise.all([
    ctx.db
      .select({
        status: services.status,
        cycle: services.cycle,
        billingDay: services.billingDay,
        billedUntil: billingSchedule.billedUntil,
        price: services.price,
        recurringDiscount: services.recurringDiscount,
        discountCyclesLeft: billingSchedule.discountCyclesLeft,
        usageUnitPrice: services.usageUnitPrice,
      })
      .from(services)
      .innerJoin(billingSchedule, eq(billingSchedule.serviceId, services.id))
      .where(eq(services.orderId, input.id)),
    readBillingSettings(ctx.db),
  ]);
  const preview = nextContractInvoice({
    order,
    services: rows.map(({ usageUnitPrice, ...s }) => ({ ...s, usage: usageUnitPrice !== null })),
    taxRateMilli: taxRateFor(parseMilli(settings.tax_rate)!, order),
    taxMode: settings.tax_mode,
  });
  return { ...preview, currency: order.currency };
}
