import { eq } from 'drizzle-orm';
import { customers, orders } from '@/db/schema';
import type { InvoiceMailData } from '@/emails/templates';
import { requirePermission } from '@/server/auth/actor';
import { notFound } from '@/server/errors';
import type { Notifier } from '@/server/notify/notifier';
import type { ServiceContext } from '@/server/services/context';
import { deskWriting, mailedAdmin, sendAdminMail, type AdminMail } from './admin-mail';

/**
 * E-mails one admin that a paid order waits for approval: which order, whose, its total and a
 * link to the order page, once per (order, admin). An order decided meanwhile, or an admin
 * disabled meanwhile, gets no mail.
 */
export async function mailApprovalRequest(
  ctx: ServiceContext,
  input: { orderId: string; adminId: string; origin: string },
  notifier?: Notifier,
): Promise<AdminMail> {
  requirePermission(ctx.actor, 'orders.view');
  const [order] = await ctx.db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      awaitingApproval: orders.awaitingApproval,
      total: orders.total,
      currency: orders.currency,
      createdAt: orders.createdAt,
      customerName: customers.name,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, input.orderId));
  if (!order) throw notFound('Order');
  const admin = await mailedAdmin(ctx.db, input.adminId);
  if (!admin.active) return { recipient: admin.email, status: 'skipped', detail: 'no longer an active admin' };
  if (order.status !== 'pending' || !order.awaitingApproval)
    return { recipient: admin.email, status: 'skipped', detail: `the order is no longer waiting (${order.status})` };

  const { company, language, formats } = await deskWriting(ctx.db);
  const data: InvoiceMailData = {
    company,
    customerName: order.customerName,
    documentTitle: language.t('row.order'),
    number: order.number,
    total: formats.money(order.total, order.currency),
    balance: formats.money(order.total, order.currency),
    dueDate: '',
    issueDate: formats.day(order.createdAt),
    publicUrl: `${input.origin}/admin/orders/${order.id}`,
  };
  return sendAdminMail(
    ctx,
    {
      to: admin.email,
      template: 'order_awaiting_approval',
      data,
      language,
      idempotencyKey: `order-awaiting-approval:${order.id}:${input.adminId}`,
      audit: { action: 'order.approval_requested', subject: { type: 'order', id: order.id } },
    },
    notifier,
  );
}
