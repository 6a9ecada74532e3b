import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoiceLines, invoices, orders, services } from '@/db/schema';
import type { Actor } from '@/server/auth/actor';
import { emitEvents } from '@/server/jobs/runtime';
import { audit } from '@/server/services/audit/record';
import { creditPaidTopUps } from '@/server/services/credit/top-up';
import { needsApproval, orderPaidEvent } from '@/server/services/orders/activate';
import { emitServiceLifecycle } from '@/server/services/orders/lifecycle';
import { readCommunicationRules, ruleChannels } from '@/server/services/settings/communication-rules';
import { releaseCredits } from '@/server/services/wallet/release';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';
import { convertProforma } from './convert-proforma';

/**
 * What a fully paid invoice sets in motion, in the paying transaction: every service period it
 * (or an invoice consolidated into it) billed is now paid through; a paid first invoice
 * has its order activated (the activate-order workflow, after commit), or queues it for an admin when a product needs approval; an order dunning
 * suspended for it is reactivated; the prepaid credits it granted become available; a paid
 * top-up puts its total on the credit balance; a paid proforma becomes its numbered invoice.
 */
export async function settleInvoice(tx: Database, actor: Actor, invoiceId: string, now: Date): Promise<void> {
  const paidInvoices = or(eq(invoices.id, invoiceId), eq(invoices.consolidatedIntoId, invoiceId));
  const covered = await tx.select({ id: invoices.id, orderId: invoices.orderId, purpose: invoices.purpose }).from(invoices).where(paidInvoices);
  const ids = covered.map((i) => i.id);
  await publishWebhookEvents(tx, 'invoice.paid', 'invoice', [invoiceId], now);

  await tx
    .update(services)
    .set({
      periodStart: sql`${invoiceLines.periodStart}`,
      periodEnd: sql`${invoiceLines.periodEnd}`,
      nextDueDate: sql`${invoiceLines.periodEnd}`,
      updatedAt: now,
    })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.serviceId, services.id), inArray(invoiceLines.invoiceId, ids), lt(services.nextDueDate, invoiceLines.periodEnd)));

  // Dunning suspended these orders for an invoice now paid: they go live again at once.
  const unsuspended = await tx
    .update(orders)
    .set({ status: 'active', suspendedForInvoiceId: null, updatedAt: now })
    .where(and(inArray(orders.suspendedForInvoiceId, ids), eq(orders.status, 'suspended')))
    .returning({ id: orders.id });
  // The customer hears of it only when the rule names a channel (by default none, as before rules).
  const tellCustomer = unsuspended.length > 0 && ruleChannels((await readCommunicationRules(tx)).reactivated).length > 0;
  for (const { id } of unsuspended) {
    const lifted = await tx
      .update(services)
      .set({ status: 'active', updatedAt: now })
      .where(and(eq(services.orderId, id), eq(services.status, 'suspended')))
      .returning({ id: services.id });
    await emitServiceLifecycle(
      tx,
      'unsuspend',
      lifted.map((s) => s.id),
      now,
    );
    await audit(
      tx,
      actor,
      'order.unsuspended',
      { type: 'order', id },
      { before: { status: 'suspended' }, after: { status: 'active', paidInvoiceId: invoiceId } },
    );
    if (tellCustomer)
      await emitEvents(tx, [{ name: 'invoice/service.reactivated', id: `service-reactivated:${id}:${invoiceId}`, data: { invoiceId, orderId: id } }]);
  }

  const firstOrders = covered.filter((i) => i.purpose === 'first' && i.orderId).map((i) => i.orderId!);
  for (const orderId of firstOrders) {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    // An order an admin approved before it was paid is already on its way (live, or being set
    // up by the approval's provisioning): payment adds nothing to that.
    if (!order || order.status !== 'pending' || order.approvedAt) continue;
    if (await needsApproval(tx, orderId)) {
      await tx.update(orders).set({ awaitingApproval: true, updatedAt: now }).where(eq(orders.id, orderId));
      await audit(
        tx,
        actor,
        'order.awaiting_approval',
        { type: 'order', id: orderId },
        { before: { awaitingApproval: false }, after: { awaitingApproval: true } },
      );
      // Admins hear of it by e-mail (the notify-admins-approval workflow), once per order.
      await emitEvents(tx, [{ name: 'order/awaiting-approval', id: `order-awaiting-approval:${orderId}`, data: { orderId } }]);
    } else {
      // Activation is always the activate-order workflow, with a provisioner or without: a
      // recorded job (the order's Jobs, GET /api/v1/jobs) that sets the services up at their
      // provider where they have one and then puts the order live. The event's id makes it once
      // per order however often the invoice's payment is replayed.
      await emitEvents(tx, [orderPaidEvent(orderId)]);
    }
  }
  // Included credits these invoices granted become available now, not at a partial payment.
  // Last, so a payment takes its order rows before grant rows, in the billing run's order.
  await releaseCredits(tx, ids, now);
  await creditPaidTopUps(tx, actor, ids, now);
  await convertProforma(tx, actor, invoiceId, now);
}
