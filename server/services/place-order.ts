import { and, count, eq, sql } from 'drizzle-orm';
import { billingSchedule, couponRedemptions, coupons, invoices, orderLines, orders, services } from '@/db/schema';
import { requirePermission } from '../auth/actor';
import { type Coupon, couponAppliesToCycle, couponDiscount, couponRefusal, couponRefusalMessage } from '../billing/coupons';
import { MILLI, parseMilli } from '../billing/decimal';
import { type Cycle, addDays, periodOf, toPlainDate } from '../billing/periods';
import { priceLine } from '../billing/pricing';
import { AppError } from '../errors';
import type { PlaceOrderInput } from '../schemas/orders';
import { emitEvents } from '../jobs/runtime';
import { audit } from './audit';
import { loadProducts } from './catalog';
import type { ServiceContext } from './context';
import { findCustomer } from './customer-view';
import { insertLines, nextNumber, priceItems } from './invoice-store';
import { lockCustomer } from './locks';
import { type OrderView, loadOrder } from './order-view';
import { readBillingSettings } from './read-settings';

const cycleLabel: Record<string, string> = {
  one_time: 'one-time',
  monthly: 'monthly',
  quarterly: 'quarterly',
  semiannual: 'semi-annual',
  annual: 'annual',
  biennial: 'biennial',
  triennial: 'triennial',
};

/**
 * A purchase: the order, its first invoice (pending, numbered) and one pending service per
 * recurring line. Prices come from the catalog, never from the caller.
 */
export async function placeOrder(ctx: ServiceContext, input: PlaceOrderInput): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.create');
  return ctx.db.transaction(async (tx) => {
    const customer = await findCustomer(tx, ctx.actor.scope, input.customer_id).catch(() => {
      throw new AppError('validation', 'Unknown customer', { customer_id: 'is not a customer you can sell to' });
    });
    await lockCustomer(tx, customer.id);
    const settings = await readBillingSettings(tx);
    const today = toPlainDate(ctx.now);
    const billingDay = Number(today.slice(8, 10));
    const currency = customer.currency;

    const catalog = await loadProducts(tx, [...new Set(input.items.map((i) => i.product_id))]);
    const priced = input.items.map((item, index) => {
      const product = catalog.find((p) => p.id === item.product_id && p.active);
      if (!product) throw new AppError('validation', 'Unknown product', { [`items.${index}.product_id`]: 'is not a product on sale' });
      const price = priceLine(
        { ...product, prices: product.prices, optionGroups: product.optionGroups },
        item.cycle,
        currency,
        item.options.map((o) => ({ optionId: o.option_id, quantity: o.quantity })),
      );
      if (!price.ok) throw new AppError('validation', 'An item cannot be priced', { [`items.${index}.${price.field}`]: price.message });
      const period = item.cycle === 'one_time' ? null : periodOf(today, item.cycle as Cycle, billingDay);
      return { item, product, price, period };
    });

    // The coupon row is locked so two orders cannot both take its last use.
    let coupon: (typeof coupons.$inferSelect) | undefined;
    if (input.coupon_code) {
      [coupon] = await tx.select().from(coupons).where(eq(sql`lower(${coupons.code})`, input.coupon_code.toLowerCase())).for('update');
      if (!coupon) throw new AppError('validation', 'Unknown coupon', { coupon_code: 'is not a valid coupon' });
      const [[total], [mine]] = await Promise.all([
        tx.select({ n: count() }).from(couponRedemptions).where(eq(couponRedemptions.couponId, coupon.id)),
        tx.select({ n: count() }).from(couponRedemptions).where(and(eq(couponRedemptions.couponId, coupon.id), eq(couponRedemptions.customerId, customer.id))),
      ]);
      const refusal = couponRefusal(asCoupon(coupon), {
        now: ctx.now,
        productIds: priced.map((p) => p.product.id),
        currency,
        totalUses: total!.n,
        customerUses: mine!.n,
      });
      if (refusal) throw new AppError('validation', couponRefusalMessage[refusal], { coupon_code: couponRefusalMessage[refusal] });
    }

    const [order] = await tx
      .insert(orders)
      .values({
        number: await nextNumber(tx, 'order', today, settings),
        customerId: customer.id,
        name: input.name ?? priced.map((p) => p.product.name).join(', '),
        status: 'pending',
        currency,
        total: 0n,
        billingDay,
        dueDays: settings.payment_due_days,
        startDate: today,
        couponId: coupon?.id ?? null,
        paymentMethod: input.payment_method ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    const orderId = order!.id;

    const taxRate = parseMilli(settings.tax_rate)!;
    const items: Array<Parameters<typeof priceItems>[0][number] & { serviceId?: string; period?: { start: string; end: string } }> = [];
    let discountTotal = 0n;
    for (const { item, product, price, period } of priced) {
      const applies = coupon && (coupon.productIds.length === 0 || coupon.productIds.includes(product.id));
      const discount = applies ? couponDiscount(asCoupon(coupon!), price.unitPrice * BigInt(item.quantity)) : 0n;
      discountTotal += discount;
      const [line] = await tx
        .insert(orderLines)
        .values({
          orderId,
          productId: product.id,
          description: product.name,
          cycle: item.cycle,
          quantity: String(item.quantity),
          unitPrice: price.unitPrice,
          setupFee: price.setupFee,
          options: price.options.map((o) => ({ ...o, amount: o.amount.toString() })),
        })
        .returning({ id: orderLines.id });
      let serviceId: string | undefined;
      if (period) {
        // A coupon that outlives the first invoice is carried on the service for its renewals.
        const renews = coupon && couponAppliesToCycle(asCoupon(coupon), 1) ? discount : 0n;
        const [service] = await tx
          .insert(services)
          .values({
            orderId,
            orderLineId: line!.id,
            customerId: customer.id,
            productId: product.id,
            name: product.name,
            cycle: item.cycle,
            currency,
            price: price.unitPrice * BigInt(item.quantity),
            status: 'pending',
            billingDay,
            periodStart: period.start,
            periodEnd: period.end,
            nextDueDate: today,
            recurringDiscount: renews,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning({ id: services.id });
        serviceId = service!.id;
        await tx.insert(billingSchedule).values({
          serviceId,
          billedUntil: period.end,
          discountCyclesLeft: renews > 0n && coupon!.duration === 'repeating' ? coupon!.cycles! - 1 : null,
        });
      }
      const quantityMilli = BigInt(item.quantity) * MILLI;
      const label = `${planLineLabel(product.name, item.cycle)}${period ? ` ${period.start} – ${addDays(period.end, -1)}` : ''}`;
      items.push({ description: label, quantity: quantityMilli, unit_price: price.unitPrice, tax_rate: taxRate, serviceId, period: period ?? undefined });
      if (price.setupFee > 0n) {
        items.push({ description: `Setup fee: ${product.name}`, quantity: quantityMilli, unit_price: price.setupFee, tax_rate: taxRate });
      }
    }
    if (coupon && discountTotal > 0n) {
      items.push({ description: `Coupon ${coupon.code}`, quantity: MILLI, unit_price: -discountTotal, tax_rate: taxRate });
    }
    const { lines, totals } = priceItems(items, settings.tax_mode, taxRate);

    const [invoice] = await tx
      .insert(invoices)
      .values({
        kind: 'invoice',
        status: 'pending',
        number: await nextNumber(tx, 'invoice', today, settings),
        customerId: customer.id,
        orderId,
        currency,
        taxMode: settings.tax_mode,
        issueDate: today,
        dueDate: addDays(today, settings.payment_due_days),
        subtotal: totals.subtotal,
        taxTotal: totals.tax,
        total: totals.total,
        purpose: 'first',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: invoices.id });
    // The plan lines carry their service's first period: that period is now billed.
    await insertLines(
      tx,
      invoice!.id,
      lines.map((line, index) => ({
        ...line,
        serviceId: items[index]!.serviceId ?? null,
        periodStart: items[index]!.period?.start ?? null,
        periodEnd: items[index]!.period?.end ?? null,
      })),
    );
    await tx.update(orders).set({ total: totals.total }).where(eq(orders.id, orderId));
    if (coupon) await tx.insert(couponRedemptions).values({ couponId: coupon.id, customerId: customer.id, orderId, createdAt: ctx.now });

    if (order!.autoEmail !== 'off') {
      await emitEvents(tx, [{ name: 'invoice/created', id: `invoice-created:${invoice!.id}`, data: { invoiceId: invoice!.id } }]);
    }
    const view = await loadOrder(tx, { kind: 'all' }, orderId);
    await audit(tx, ctx.actor, 'order.placed', { type: 'order', id: orderId }, { after: view });
    return view;
  });
}

/** How an order line's plan is named on its invoice, before the period it covers. */
export const planLineLabel = (name: string, cycle: string) => `${name} (${cycleLabel[cycle]})`;

export function asCoupon(row: typeof coupons.$inferSelect): Coupon {
  return {
    type: row.type,
    value: row.value,
    currency: row.currency,
    duration: row.duration,
    cycles: row.cycles,
    maxUses: row.maxUses,
    oncePerCustomer: row.oncePerCustomer,
    expiresAt: row.expiresAt,
    productIds: row.productIds,
  };
}

