import { MILLI } from './decimal';
import { addMonths, alignToBillingDay, cycleMonths, type Cycle, type PlainDate, type PriceCycle } from './periods';
import { documentTotals, lineAmounts, type TaxMode } from './totals';

/** A contract service as the billing run reads it (services + billing_schedule). */
export type PreviewService = {
  status: string;
  cycle: PriceCycle;
  billingDay: number;
  /** The end of the last period invoiced: the run bills the period starting in its month next. */
  billedUntil: PlainDate;
  /** Seats × unit price, per period. */
  price: bigint;
  recurringDiscount: bigint;
  /** Renewals the coupon still discounts; null: every one. */
  discountCyclesLeft: number | null;
  /** A usage service: billed in arrears, at its period's end, for what was used. */
  usage: boolean;
};

export type PreviewOrder = { status: string; billingDay: number; startDate: PlainDate; endDate: PlainDate | null };

export type NextInvoice =
  | { kind: 'draft'; firstBillingDay: PlainDate }
  | { kind: 'none'; reason: 'paused' | 'completed' | 'inactive' | 'ended' }
  | { kind: 'next'; date: PlainDate; subtotal: bigint; tax: bigint; total: bigint; plusUsage: boolean };

/**
 * The invoice the billing run will make next for a contract order, by the run's own rules
 * (docs/contract-orders.md "Billing"): each active service's next period starts on its billing
 * day in the month of `billedUntil` (clamped to the month's end) and is billed while it starts on
 * or before the end date; a usage period is invoiced at its end, in arrears. The earliest such
 * date is the next invoice's, and it holds every service invoiced that day: the price (seats ×
 * unit price) and a recurring discount still running, each line taxed on its own at `taxRateMilli`
 * and rounded half away from zero, as the run does. Usage amounts are not known ahead:
 * `plusUsage` says the invoice will add them.
 */
export function nextContractInvoice(input: { order: PreviewOrder; services: readonly PreviewService[]; taxRateMilli: bigint; taxMode: TaxMode }): NextInvoice {
  const { order } = input;
  if (order.status === 'draft') return { kind: 'draft', firstBillingDay: alignToBillingDay(order.startDate, order.billingDay) };
  if (order.status === 'paused' || order.status === 'completed') return { kind: 'none', reason: order.status };
  if (order.status !== 'active') return { kind: 'none', reason: 'inactive' };

  const due = input.services.flatMap((s) => {
    if (s.status !== 'active' || s.cycle === 'one_time') return [];
    const month = `${s.billedUntil.slice(0, 7)}-01`;
    const start = addMonths(month, 0, s.billingDay);
    if (order.endDate !== null && (s.billedUntil > order.endDate || start > order.endDate)) return [];
    const invoiceDate = s.usage ? addMonths(month, cycleMonths[s.cycle as Cycle], s.billingDay) : start;
    return [{ service: s, invoiceDate }];
  });
  if (due.length === 0) return { kind: 'none', reason: 'ended' };

  const date = due.reduce((earliest, d) => (d.invoiceDate < earliest ? d.invoiceDate : earliest), due[0]!.invoiceDate);
  const onDate = due.filter((d) => d.invoiceDate === date).map((d) => d.service);
  const amounts = onDate
    .filter((s) => !s.usage)
    .flatMap((s) => {
      const discounted = s.recurringDiscount > 0n && (s.discountCyclesLeft === null || s.discountCyclesLeft > 0);
      return discounted ? [s.price, -s.recurringDiscount] : [s.price];
    })
    .map((amount) => lineAmounts({ quantityMilli: MILLI, unitPrice: amount, taxRateMilli: input.taxRateMilli }, input.taxMode));
  return { kind: 'next', date, ...documentTotals(amounts), plusUsage: onDate.some((s) => s.usage) };
}

/**
 * When a service next renews, as its customer reads it: the first of its next due date and the
 * end of the period it is billed for that is still ahead. A service not paid for yet keeps its
 * start as its next due date, which is behind: its renewal is when its first period ends. Null
 * when neither lies ahead (the renewal is overdue, or the service has no period).
 */
export function nextRenewal(service: { nextDueDate: PlainDate; periodEnd: PlainDate | null }, today: PlainDate): PlainDate | null {
  const ahead = [service.nextDueDate, service.periodEnd].filter((day): day is PlainDate => day !== null && day >= today).sort();
  return ahead[0] ?? null;
}
