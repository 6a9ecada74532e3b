import { and, eq, inArray, isNotNull, lte, ne } from 'drizzle-orm';
import { invoices, orders } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { awaitingPayment } from '@/server/billing/invoice-status';
import { addDays } from '@/server/billing/periods';
import { emitEvents } from '@/server/jobs/runtime';
import { configuredNotifier, type Notifier } from '@/server/notify/notifier';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { sendByRule } from '@/server/services/invoices/notify-by-rule';
import { endCancelledServices } from '@/server/services/orders/cancel-service';
import { changeOrderStatus } from '@/server/services/orders/change-status';
import { readCommunicationRules, ruleChannels } from '@/server/services/settings/communication-rules';
import { readBillingSettings } from '@/server/services/settings/read';
import { checkDunningDate } from './dates';
import { markOverdueInvoices } from './run-billing';

export type DunningResult = {
  date: string;
  invoicesMarkedOverdue: number;
  remindersSent: number;
  remindersFailed: number;
  ordersSuspended: number;
  /** The services those suspensions took offline. */
  servicesSuspended: number;
  ordersTerminated: number;
  /** Services whose cancellation at the end of their period came on or before the date. */
  servicesCancelled: number;
};

/**
 * The daily dunning for a date, by the settings' `dunning` block: past-due invoices become
 * overdue; each open invoice gets the reminder of the latest day offset it has reached (before
 * due: a payment reminder; on or after: an overdue notice), keyed `dunning:<offset>` in its
 * notification log so a rerun, a retry or a second scheduler sends it once; orders with an
 * invoice overdue `suspend_after_days` are suspended for it, and terminated after
 * `terminate_after_days`; services cancelled at the end of their period end. Paying the invoice ends it all: nothing open is reminded, and the
 * payment reactivates the order (settle-invoice).
 */
export async function runDunning(ctx: ServiceContext, input: { date?: string | undefined; origin: string }, notifier?: Notifier): Promise<DunningResult> {
  requirePermission(ctx.actor, 'billing.run');
  const date = await checkDunningDate(ctx.db, ctx.now, input.date);
  const { dunning } = await readBillingSettings(ctx.db);
  const invoicesMarkedOverdue = await markOverdueInvoices(ctx.db, date, ctx.now);

  // Reminders go out on the channels of the 'reminder' and 'overdue' communication rules.
  const rules = await readCommunicationRules(ctx.db);
  const channels = notifier ?? (await configuredNotifier(ctx.db));
  let remindersSent = 0;
  let remindersFailed = 0;
  const offsets = [...new Set(dunning.reminder_days)].sort((a, b) => a - b);
  if (offsets.length > 0) {
    const due = await ctx.db
      .select({ id: invoices.id, dueDate: invoices.dueDate })
      .from(invoices)
      .where(
        and(
          inArray(invoices.status, [...awaitingPayment]),
          inArray(invoices.kind, ['invoice', 'debit_note']),
          // A top-up left unpaid is a purchase of credit the customer gave up, not a debt to chase.
          ne(invoices.purpose, 'top_up'),
          lte(invoices.dueDate, addDays(date, -offsets[0]!)),
        ),
      );
    for (const invoice of due) {
      const reached = offsets.filter((offset) => addDays(invoice.dueDate, offset) <= date).at(-1);
      if (reached === undefined) continue;
      const rule = reached < 0 ? rules.reminder : rules.overdue;
      const sends = [];
      for (const channel of ruleChannels(rule))
        sends.push(
          await sendByRule(
            ctx,
            {
              id: invoice.id,
              channel,
              template: reached < 0 ? 'payment_reminder' : 'overdue_notice',
              eventId: `dunning:${reached}`,
              origin: input.origin,
              rule,
            },
            channels,
          ),
        );
      // A failed send gives its key back, so a failed entry is always this run's attempt.
      if (sends.some((s) => s.sentNow)) remindersSent += 1;
      else if (sends.some((s) => s.entry.status === 'failed')) remindersFailed += 1;
    }
  }

  // Orders with an invoice overdue for `days`; termination only takes what dunning suspended,
  // never an order an admin suspended by hand.
  const overdueFor = (days: number, status: 'active' | 'suspended') =>
    ctx.db
      .selectDistinctOn([orders.id], { orderId: orders.id, invoiceId: invoices.id })
      .from(invoices)
      .innerJoin(orders, eq(orders.id, invoices.orderId))
      .where(
        and(
          eq(invoices.status, 'overdue'),
          lte(invoices.dueDate, addDays(date, -days)),
          eq(orders.status, status),
          status === 'suspended' ? isNotNull(orders.suspendedForInvoiceId) : undefined,
        ),
      )
      .orderBy(orders.id, invoices.dueDate);

  let ordersSuspended = 0;
  let servicesSuspended = 0;
  for (const { orderId, invoiceId } of await overdueFor(dunning.suspend_after_days, 'active')) {
    const order = await ctx.db.transaction(async (tx) => {
      const suspended = await changeOrderStatus({ ...ctx, db: tx }, { id: orderId, status: 'suspended' });
      await tx.update(orders).set({ suspendedForInvoiceId: invoiceId }).where(eq(orders.id, orderId));
      // The customer hears of it only when the rule names a channel (by default none, as before rules).
      if (ruleChannels(rules.suspended).length > 0)
        await emitEvents(tx, [{ name: 'invoice/service.suspended', id: `service-suspended:${orderId}:${date}`, data: { invoiceId, orderId } }]);
      return suspended;
    });
    ordersSuspended += 1;
    servicesSuspended += order.services.filter((s) => s.status === 'suspended').length;
  }
  let ordersTerminated = 0;
  for (const { orderId } of await overdueFor(dunning.terminate_after_days, 'suspended')) {
    await changeOrderStatus(ctx, { id: orderId, status: 'terminated' });
    ordersTerminated += 1;
  }

  const servicesCancelled = await ctx.db.transaction((tx) => endCancelledServices(tx, ctx.actor, date, ctx.now));

  const result: DunningResult = {
    date,
    invoicesMarkedOverdue,
    remindersSent,
    remindersFailed,
    ordersSuspended,
    servicesSuspended,
    ordersTerminated,
    servicesCancelled,
  };
  await ctx.db.transaction((tx) => audit(tx, ctx.actor, 'dunning.run', { type: 'dunning_run', id: date }, { after: result }));
  return result;
}
