import { and, desc, eq, gt, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, invoiceLines, invoices, orderLines, orders, services } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { changePlanPermission } from '@/server/auth/permissions';
import { canChangeSeats } from '@/server/billing/order-status';
import { daysBetween, toPlainDate, type PlainDate } from '@/server/billing/periods';
import { prorate, type Proration } from '@/server/billing/proration';
import { AppError, notFound } from '@/server/errors';
import type { ChangeSeatsInput } from '@/server/schemas/orders';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { customerScope } from '@/server/services/customers/scope';
import { customerDefaultRate } from '@/server/services/customers/tax-rate';
import { priceItems } from '@/server/services/invoices/store';
import { lockCustomer } from '@/server/services/locks';
import { readBillingSettings } from '@/server/services/settings/read';
import { issueProration, periodCredit, prorationItems, refuseUnpaidProration } from './proration-documents';

export type SeatChange = Proration & {
  quantity: number;
  previousQuantity: number;
  unitPrice: bigint;
  /** The new price per period (seats × unit price): what the billing run bills from the next period. */
  price: bigint;
  previousPrice: bigint;
  /** The billed period prorated; null when today falls in no billed period (nothing to prorate). */
  periodStart: PlainDate | null;
  periodEnd: PlainDate | null;
  /** Invoiced now (a positive proration). */
  charge: bigint;
  /** Credited now: a negative proration, capped at what the period's invoice took in. */
  credit: bigint;
  /** The total of the invoice or credit note, tax included at the customer's rate; 0 when none. */
  total: bigint;
  invoiceId: string | null;
  creditNoteId: string | null;
};

const nothingToProrate = { unusedDays: 0, periodDays: 0, oldCredit: 0n, newCharge: 0n, prorate: 0n } satisfies Proration;

/**
 * The period today falls in that an invoice already billed (paid or not: a contract bills in
 * advance and is often unpaid mid-period). None when the period has not been invoiced yet — the
 * next billing run bills it with the new seats — or when its invoice was cancelled outright.
 */
async function billedPeriod(tx: Database, serviceId: string, today: PlainDate): Promise<{ start: PlainDate; end: PlainDate } | null> {
  const [line] = await tx
    .select({ start: invoiceLines.periodStart, end: invoiceLines.periodEnd })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(
      and(
        eq(invoiceLines.serviceId, serviceId),
        eq(invoices.kind, 'invoice'),
        lte(invoiceLines.periodStart, today),
        gt(invoiceLines.periodEnd, today),
        or(ne(invoices.status, 'cancelled'), isNotNull(invoices.consolidatedIntoId)),
      ),
    )
    .orderBy(desc(invoiceLines.periodStart))
    .limit(1);
  return line?.start && line.end ? { start: line.start, end: line.end } : null;
}

/**
 * Changes a service's seats (docs/contract-orders.md, "Seats"): the unit price stays, the price
 * per period becomes seats × unit price, and the rest of the billed period today falls in is
 * prorated as a plan change is (DESIGN.md §4) — more seats invoice the difference, fewer credit
 * it (credit note + credit balance) up to what that period's invoice took in. A period not
 * invoiced yet needs nothing now: the billing run bills it with the new seats. A preview
 * computes exactly that and writes nothing.
 */
export async function changeSeats(ctx: ServiceContext, input: ChangeSeatsInput & { serviceId: string }): Promise<SeatChange> {
  requirePermission(ctx.actor, changePlanPermission(ctx.actor.role));
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ customerId: services.customerId })
      .from(services)
      .innerJoin(customers, eq(customers.id, services.customerId))
      .where(and(eq(services.id, input.serviceId), customerScope(ctx.actor.scope)));
    if (!found) throw notFound('Service');
    // Whether today's period is billed must not change underneath: a billing run in progress
    // (which holds this lock exclusively) finishes first, and the next waits for this change,
    // so the period is either billed before with the old seats and prorated here, or after
    // with the new ones. Seat changes share the lock and do not wait for one another.
    await tx.execute(sql`select pg_advisory_xact_lock_shared(hashtext('cashdesk:billing-run'))`);
    await lockCustomer(tx, found.customerId);
    const [service] = await tx.select().from(services).where(eq(services.id, input.serviceId)).for('update');
    if (!service) throw notFound('Service');
    // Shared: a pause or cancellation of the order (which updates its row) waits for this change.
    const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, service.orderId)).for('share');
    if (!order || !canChangeSeats(order, service)) {
      throw new AppError(
        'invalid_state',
        service.usageUnitPrice !== null
          ? 'A usage service is billed by what it uses, not by seats'
          : `Seats change only on an active service of an active order; this service is ${service.status}, its order ${order?.status}`,
      );
    }
    if (input.quantity === service.quantity) {
      throw new AppError('validation', `The service already has ${service.quantity} seats`, {
        quantity: `must differ from the current ${service.quantity} seats`,
      });
    }
    // The unit price is what the seats were priced at; a price changed since to something seats
    // do not divide has no unit price to multiply, and guessing one would bill a made-up amount.
    if (service.price % BigInt(service.quantity) !== 0n) {
      throw new AppError(
        'invalid_state',
        `The price of ${service.name} (${service.price} per period) does not divide into its ${service.quantity} seats, so it has no price per seat to change seats with`,
      );
    }
    const unitPrice = service.price / BigInt(service.quantity);
    const price = unitPrice * BigInt(input.quantity);

    const today = toPlainDate(ctx.now);
    const period = await billedPeriod(tx, service.id, today);
    const breakdown = period
      ? prorate({ oldPrice: service.price, newPrice: price, periodDays: daysBetween(period.start, period.end), daysLeft: daysBetween(today, period.end) })
      : nothingToProrate;
    const charge = breakdown.prorate > 0n ? breakdown.prorate : 0n;
    const { payer, credit } =
      period && breakdown.prorate < 0n ? await periodCredit(tx, service.id, period.start, -breakdown.prorate) : { payer: null, credit: 0n };
    if (credit > 0n) await refuseUnpaidProration(tx, service.orderId);

    const settings = await readBillingSettings(tx);
    const description = `Seats: ${service.name}, ${service.quantity} → ${input.quantity}, ${breakdown.unusedDays} of ${breakdown.periodDays} days`;
    const items = prorationItems(description, charge > 0n ? charge : credit);
    const total = priceItems(items, settings.tax_mode, await customerDefaultRate(tx, service.customerId, settings)).totals.total;
    const change = {
      ...breakdown,
      quantity: input.quantity,
      previousQuantity: service.quantity,
      unitPrice,
      price,
      previousPrice: service.price,
      periodStart: period?.start ?? null,
      periodEnd: period?.end ?? null,
      charge,
      credit,
      total,
    };
    if (input.preview) return { ...change, invoiceId: null, creditNoteId: null };

    const documents = await issueProration(tx, { service, description, charge, credit, payer, today, now: ctx.now, settings });
    await tx.update(services).set({ quantity: input.quantity, price, updatedAt: ctx.now }).where(eq(services.id, service.id));
    // The order shows the seats its lines hold.
    if (service.orderLineId)
      await tx
        .update(orderLines)
        .set({ quantity: String(input.quantity) })
        .where(eq(orderLines.id, service.orderLineId));
    await audit(
      tx,
      ctx.actor,
      'service.seats_changed',
      { type: 'order', id: service.orderId },
      {
        before: { serviceId: service.id, quantity: service.quantity, price: service.price },
        after: { serviceId: service.id, ...change, ...documents },
      },
    );
    return { ...change, ...documents };
  });
}
