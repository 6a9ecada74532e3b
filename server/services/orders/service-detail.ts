import { and, desc, eq, ne } from 'drizzle-orm';
import { invoices, orders, type ChosenOption } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { balanceOf } from '@/server/billing/invoice-status';
import { nextRenewal } from '@/server/billing/next-invoice';
import { addDays, toPlainDate, type PlainDate } from '@/server/billing/periods';
import type { BillingSettings } from '@/server/schemas/settings';
import type { ServiceContext } from '@/server/services/context';
import { moneyOf } from '@/server/services/invoices/store';
import { readBillingSettings } from '@/server/services/settings/read';
import { findService } from './plan-choices';

export type ServiceDetail = {
  id: string;
  name: string;
  status: string;
  cycle: string;
  currency: string;
  /** What a renewal bills, after a coupon still running. */
  price: bigint;
  options: ChosenOption[];
  periodStart: PlainDate | null;
  periodEnd: PlainDate | null;
  cancelAt: PlainDate | null;
  order: { id: string; number: string };
  /** When the next renewal invoice is issued (a renewal window ahead of its period) and due; null when none is coming. */
  nextInvoice: { issuedOn: PlainDate; dueOn: PlainDate } | null;
  /** What the customer may do themselves (Settings → Billing, self-service). */
  selfService: BillingSettings['self_service'];
  /** Its order's invoices, newest first (never drafts): the first, renewals, plan changes. */
  invoices: Array<{ id: string; number: string | null; status: string; issueDate: string; total: bigint; balance: bigint }>;
};

/**
 * One service as its customer reads it in the portal (another customer's is not found): plan,
 * options, status, the next invoice (`nextRenewal` less the renewal window, not before today),
 * what self-service allows, and its order's invoices.
 */
export async function getOwnService(ctx: ServiceContext, input: { serviceId: string }): Promise<ServiceDetail> {
  requirePermission(ctx.actor, 'orders.view');
  const service = await findService(ctx.db, ctx.actor, input.serviceId);
  const [[order], settings, rows] = await Promise.all([
    ctx.db.select({ id: orders.id, number: orders.number }).from(orders).where(eq(orders.id, service.orderId)),
    readBillingSettings(ctx.db),
    // Its order's invoices: the first and renewals bill it by line, a plan change by the order.
    ctx.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orderId, service.orderId), ne(invoices.status, 'draft')))
      .orderBy(desc(invoices.issueDate), desc(invoices.createdAt))
      .limit(20),
  ]);
  const today = toPlainDate(ctx.now);
  const live = service.status === 'active' || service.status === 'suspended' || service.status === 'pending';
  const renews = live && service.cancelAt === null ? nextRenewal(service, today) : null;
  const issuedOn = renews ? addDays(renews, -settings.renewal_window_days) : null;
  return {
    id: service.id,
    name: service.name,
    status: service.status,
    cycle: service.cycle,
    currency: service.currency,
    price: service.price - service.recurringDiscount,
    options: service.options,
    periodStart: service.periodStart,
    periodEnd: service.periodEnd,
    cancelAt: service.cancelAt,
    order: order!,
    nextInvoice: renews && issuedOn ? { issuedOn: issuedOn < today ? today : issuedOn, dueOn: renews } : null,
    selfService: settings.self_service,
    invoices: rows.map((i) => ({ id: i.id, number: i.number, status: i.status, issueDate: i.issueDate, total: i.total, balance: balanceOf(moneyOf(i)) })),
  };
}
