import { eq } from 'drizzle-orm';
import { billingSchedule, couponRedemptions, invoices, orderLines, orders, services } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { couponAppliesToCycle } from '@/server/billing/coupons';
import { parseMilli } from '@/server/billing/decimal';
import { addDays, periodOf, toPlainDate, type Cycle } from '@/server/billing/periods';
import { optionSummary } from '@/server/billing/pricing';
import { taxRateFor } from '@/server/billing/tax-defaults';
import { AppError } from '@/server/errors';
import { emitEvents } from '@/server/jobs/runtime';
import type { PlaceOrderInput } from '@/server/schemas/orders';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer } from '@/server/services/customers/store';
import { customerSnapshot } from '@/server/services/invoices/snapshot';
import { insertLines, nextNumber, priceItems } from '@/server/services/invoices/store';
import { lockCustomer } from '@/server/services/locks';
import { readBillingSettings } from '@/server/services/settings/read';
import { grantIncludedCredits } from '@/server/services/wallet/grant';
import { publishIssuedDocuments, publishWebhookEvents } from '@/server/services/webhooks/publish';
import { autoEmailOf, checkContract, contactFor, createContractServices, isContractInput, writeContractLines } from './contract';
import { asCoupon, firstInvoiceItems, priceCart, storedOptions } from './pricing';
import { loadOrder, type OrderView } from './store';

export const cycleLabel: Record<string, string> = {
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
 * recurring line. Prices come from the catalog, or from the desk's custom `price` per item.
 * A contract order (`draft` or a contract field, docs/contract-orders.md) gets no first invoice:
 * a draft waits for activation, any other goes live with its services, billed by the run.
 */
export async function placeOrder(ctx: ServiceContext, input: PlaceOrderInput): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.create');
  // A contract goes live unpaid and a custom price overrides the catalog: the desk's and a
  // reseller's to offer, never a client's own order.
  if (ctx.actor.scope.kind === 'customer' && (isContractInput(input) || input.items.some((item) => item.price !== undefined))) {
    throw new AppError('forbidden', 'Contract orders and custom prices are set up by your provider');
  }
  return ctx.db.transaction(async (tx) => {
    const customer = await findCustomer(tx, ctx.actor.scope, input.customerId).catch(() => {
      throw new AppError('validation', 'Unknown customer', { customer_id: 'is not a customer you can sell to' });
    });
    await lockCustomer(tx, customer.id);
    const settings = await readBillingSettings(tx);
    const today = toPlainDate(ctx.now);
    const billingDay = Number(today.slice(8, 10));
    const currency = customer.currency;
    // The customer's tax defaults decide every line's rate (exempt, an override, else the settings').
    const taxRate = taxRateFor(parseMilli(settings.tax_rate)!, customer);

    const cart = await priceCart(tx, {
      items: input.items,
      couponCode: input.couponCode,
      currency,
      customerId: customer.id,
      now: ctx.now,
      lockCoupon: true,
      usage: isContractInput(input),
    });
    if (isContractInput(input)) {
      // A contract order: no first invoice; a draft waits, anything else goes live at once.
      const startDate = input.startDate ?? today;
      const endDate = input.endDate ?? null;
      checkContract({ startDate, endDate }, cart);
      const [order] = await tx
        .insert(orders)
        .values({
          number: await nextNumber(tx, 'order', today, settings),
          customerId: customer.id,
          name: input.name ?? cart.items.map((p) => p.product.name).join(', '),
          status: input.draft === true ? 'draft' : 'active',
          contract: true,
          currency,
          total: 0n,
          billingDay: input.billingDay ?? Number(startDate.slice(8, 10)),
          dueDays: input.dueDays ?? settings.payment_due_days,
          startDate,
          endDate,
          autoEmail: autoEmailOf(input.emailMode ?? 'invoice'),
          contact: input.contactEmail ? await contactFor(tx, customer, input.contactEmail) : null,
          paymentMethod: input.paymentMethod ?? null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      const total = await writeContractLines(tx, order!.id, cart, settings, taxRate);
      await tx.update(orders).set({ total }).where(eq(orders.id, order!.id));
      if (order!.status === 'active') await createContractServices(tx, order!, ctx.now);
      const view = await loadOrder(tx, { kind: 'all' }, order!.id);
      await audit(tx, ctx.actor, 'order.placed', { type: 'order', id: order!.id }, { after: view });
      await publishWebhookEvents(tx, 'order.created', 'order', [order!.id], ctx.now);
      return view;
    }

    const { coupon } = cart;
    const periods = cart.items.map(({ item }) => (item.cycle === 'one_time' ? null : periodOf(today, item.cycle as Cycle, billingDay)));

    const [order] = await tx
      .insert(orders)
      .values({
        number: await nextNumber(tx, 'order', today, settings),
        customerId: customer.id,
        name: input.name ?? cart.items.map((p) => p.product.name).join(', '),
        status: 'pending',
        currency,
        total: 0n,
        billingDay,
        dueDays: settings.payment_due_days,
        startDate: today,
        couponId: coupon?.id ?? null,
        paymentMethod: input.paymentMethod ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    const orderId = order!.id;

    const serviceOf: Array<string | undefined> = [];
    for (const [index, { item, product, price, discount }] of cart.items.entries()) {
      const period = periods[index];
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
          options: storedOptions(price.options),
        })
        .returning({ id: orderLines.id });
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
            options: storedOptions(price.options),
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
        serviceOf[index] = service!.id;
        await tx.insert(billingSchedule).values({
          serviceId: service!.id,
          billedUntil: period.end,
          discountCyclesLeft: renews > 0n && coupon!.duration === 'repeating' ? coupon!.cycles! - 1 : null,
        });
      }
    }
    const items = firstInvoiceItems(cart, taxRate, ({ product, item, price }, index) => {
      const period = periods[index];
      return `${planLineLabel(product.name, item.cycle)}${period ? ` ${period.start} – ${addDays(period.end, -1)}` : ''}${chosenOptionsLine(price.options)}`;
    }).map(({ item, plan }) => ({
      ...item,
      serviceId: plan === null ? undefined : serviceOf[plan],
      period: plan === null ? undefined : (periods[plan] ?? undefined),
    }));
    const { lines, totals } = priceItems(items, settings.tax_mode, taxRate);

    const [invoice] = await tx
      .insert(invoices)
      .values({
        kind: input.document ?? settings.first_document,
        status: 'pending',
        number: await nextNumber(tx, input.document ?? settings.first_document, today, settings),
        customerSnapshot: customerSnapshot(customer.id),
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
    // Credits its products include post as pending now, available once this invoice is paid.
    await grantIncludedCredits(tx, [invoice!.id], ctx.now);
    await tx.update(orders).set({ total: totals.total }).where(eq(orders.id, orderId));
    if (coupon) await tx.insert(couponRedemptions).values({ couponId: coupon.id, customerId: customer.id, orderId, createdAt: ctx.now });

    if (order!.autoEmail !== 'off') {
      await emitEvents(tx, [{ name: 'invoice/created', id: `invoice-created:${invoice!.id}`, data: { invoiceId: invoice!.id } }]);
    }
    const view = await loadOrder(tx, { kind: 'all' }, orderId);
    await audit(tx, ctx.actor, 'order.placed', { type: 'order', id: orderId }, { after: view });
    await publishWebhookEvents(tx, 'order.created', 'order', [orderId], ctx.now);
    await publishIssuedDocuments(tx, [invoice!.id], ctx.now);
    return view;
  });
}

/** The options chosen on a plan, as the second line of its invoice line (`optionSummary`). */
const chosenOptionsLine = (options: ReadonlyArray<{ name: string; quantity: number }>) => (options.length === 0 ? '' : `\n${optionSummary(options)}`);

/** How an order line's plan is named on its invoice, before the period it covers. */
export const planLineLabel = (name: string, cycle: string) => `${name} (${cycleLabel[cycle]})`;
