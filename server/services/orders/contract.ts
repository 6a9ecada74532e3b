import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { billingSchedule, customerContacts, orderLines, services, type OrderContact } from '@/db/schema';
import { MILLI } from '@/server/billing/decimal';
import { alignToBillingDay, type PlainDate } from '@/server/billing/periods';
import { AppError } from '@/server/errors';
import type { EmailMode, PlaceOrderInput } from '@/server/schemas/orders';
import type { BillingSettings } from '@/server/schemas/settings';
import { priceItems } from '@/server/services/invoices/store';
import { storedOptions, type PricedCart } from './pricing';
import type { OrderRow } from './store';

// The wire says invoice_with_payment_link (API.md); the auto_email enum, older than the API's
// wording, says invoice_and_link. The edges map one to the other.
type AutoEmail = OrderRow['autoEmail'];
const toAutoEmail: Record<EmailMode, AutoEmail> = { off: 'off', invoice: 'invoice', invoice_with_payment_link: 'invoice_and_link' };
const toEmailMode: Record<AutoEmail, EmailMode> = { off: 'off', invoice: 'invoice', invoice_and_link: 'invoice_with_payment_link' };
export const autoEmailOf = (mode: EmailMode): AutoEmail => toAutoEmail[mode];
export const emailModeOf = (autoEmail: AutoEmail): EmailMode => toEmailMode[autoEmail];

/** `draft: true` or any contract field makes a contract order (docs/contract-orders.md). */
export function isContractInput(input: PlaceOrderInput): boolean {
  return (
    input.draft === true ||
    [input.billingDay, input.startDate, input.endDate, input.dueDays, input.emailMode, input.contactEmail].some((field) => field !== undefined)
  );
}

/**
 * Who a contract's invoice mail goes to: the customer's contact with that address (its name),
 * or an address the customer does not keep as a contact, under the customer's name.
 */
export async function contactFor(tx: Database, customer: { id: string; name: string }, email: string): Promise<OrderContact> {
  const [contact] = await tx
    .select({ name: customerContacts.name })
    .from(customerContacts)
    .where(and(eq(customerContacts.customerId, customer.id), sql`lower(${customerContacts.email}) = lower(${email})`));
  return { name: contact?.name ?? customer.name, email };
}

/** The checks a contract's fields get at placement and on every edit of a draft. */
export function checkContract(fields: { startDate: PlainDate; endDate: PlainDate | null }, cart: PricedCart): void {
  if (fields.endDate !== null && fields.endDate < fields.startDate) {
    throw new AppError('validation', 'The end date is before the start date', { end_date: 'must be on or after start_date' });
  }
  if (cart.coupon) throw new AppError('validation', 'Coupons apply to store orders only', { coupon_code: 'applies to store orders only' });
  cart.items.forEach(({ item }, index) => {
    if (item.cycle === 'one_time') {
      throw new AppError('validation', 'A contract order bills recurring cycles only', {
        [`items.${index}.cycle`]: 'must be a recurring cycle on a contract order',
      });
    }
  });
}

/**
 * Writes a contract's lines (seats × the catalog or custom unit price; no setup fee: a contract
 * has no first invoice to carry it) and returns the order's total per period, tax included —
 * what `orders.total` shows for a contract. A usage line adds nothing: it is billed in arrears.
 */
export async function writeContractLines(tx: Database, orderId: string, cart: PricedCart, settings: BillingSettings, taxRate: bigint): Promise<bigint> {
  await tx.delete(orderLines).where(eq(orderLines.orderId, orderId));
  for (const { item, product, price, usageUnitPrice } of cart.items) {
    await tx.insert(orderLines).values({
      orderId,
      productId: product.id,
      description: product.name,
      cycle: item.cycle,
      quantity: String(item.quantity),
      unitPrice: price.unitPrice,
      setupFee: 0n,
      options: storedOptions(price.options),
      usageUnitPrice,
    });
  }
  const { totals } = priceItems(
    cart.items.map(({ item, product, price }) => ({ description: product.name, quantity: BigInt(item.quantity) * MILLI, unitPrice: price.unitPrice, taxRate })),
    settings.tax_mode,
    taxRate,
  );
  return totals.total;
}

/**
 * A contract order's first activation: one active service per line (quantity = seats, price =
 * seats × unit price), each scheduled from its first billing day on or after the start date —
 * the billing run invoices from there (a start date in the past is billed from then on).
 */
export async function createContractServices(tx: Database, order: OrderRow, now: Date): Promise<void> {
  const first = alignToBillingDay(order.startDate, order.billingDay);
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  for (const line of lines) {
    const quantity = Number(line.quantity);
    const [service] = await tx
      .insert(services)
      .values({
        orderId: order.id,
        orderLineId: line.id,
        customerId: order.customerId,
        productId: line.productId,
        name: line.description,
        cycle: line.cycle,
        currency: order.currency,
        price: line.unitPrice * BigInt(quantity),
        quantity,
        options: line.options,
        // A usage line's service is billed in arrears, per unit used, on the same billing days.
        usageUnitPrice: line.usageUnitPrice,
        status: 'active',
        billingDay: order.billingDay,
        nextDueDate: first,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: services.id });
    await tx.insert(billingSchedule).values({ serviceId: service!.id, billedUntil: first });
  }
}

/**
 * A paused contract order resumes: periods that started while it was paused are skipped, never
 * billed later — each service's next period is the first billing day on or after `today` (or
 * later, if already billed that far). One set-based statement.
 */
export async function resumeContractServices(tx: Database, order: OrderRow, today: PlainDate): Promise<void> {
  const next = alignToBillingDay(today, order.billingDay);
  const ids = tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.orderId, order.id), inArray(services.status, ['active', 'pending'])));
  await tx
    .update(billingSchedule)
    .set({ billedUntil: sql`greatest(${billingSchedule.billedUntil}, ${next}::date)` })
    .where(inArray(billingSchedule.serviceId, ids));
  await tx
    .update(services)
    .set({ nextDueDate: sql`greatest(${services.nextDueDate}, ${next}::date)` })
    .where(and(eq(services.orderId, order.id), inArray(services.status, ['active', 'pending'])));
}
