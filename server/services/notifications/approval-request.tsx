import { render } from '@react-email/components';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, orders, users } from '@/db/schema';
import { fillSubject, InvoiceEmail, type InvoiceMailData } from '@/emails/templates';
import { formatsFor } from '@/i18n/format';
import { requirePermission } from '@/server/auth/actor';
import { notFound } from '@/server/errors';
import { configuredNotifier, type Notifier } from '@/server/notify/notifier';
import { companySettings } from '@/server/schemas/company';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { mailLanguage, templateWording } from '@/server/services/settings/mail-language';
import { readBillingSettings, readSettingsBlock } from '@/server/services/settings/read';

const template = 'order_awaiting_approval';

/** Who hears what the desk must act on (an order to approve, a disabled webhook endpoint): every admin who may sign in. */
export async function activeAdmins(db: Database): Promise<Array<{ id: string; email: string }>> {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .orderBy(asc(users.createdAt), asc(users.id));
}

export type ApprovalMail = { recipient: string; status: 'sent' | 'skipped'; detail: string };

/**
 * E-mails one admin that a paid order waits for approval: which order, whose, its total and a
 * link to the order page. The idempotency key is the (order, admin) pair, which Resend and the
 * outbox both keep once, so a retried or repeated run never mails an admin twice. An order
 * decided meanwhile, or an admin disabled meanwhile, gets no mail.
 */
export async function mailApprovalRequest(
  ctx: ServiceContext,
  input: { orderId: string; adminId: string; origin: string },
  notifier?: Notifier,
): Promise<ApprovalMail> {
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
  const [admin] = await ctx.db.select({ email: users.email, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, input.adminId));
  if (!admin || admin.role !== 'admin' || admin.disabled) return { recipient: admin?.email ?? '', status: 'skipped', detail: 'no longer an active admin' };
  if (order.status !== 'pending' || !order.awaitingApproval)
    return { recipient: admin.email, status: 'skipped', detail: `the order is no longer waiting (${order.status})` };

  const company = await readSettingsBlock(ctx.db, 'company', companySettings);
  // Admins have no language of their own: the desk's default is the one they run it in.
  const settings = await readBillingSettings(ctx.db);
  const language = await mailLanguage(settings.default_locale);
  const formats = formatsFor(language.locale, { decimals: settings.display_decimals });
  const data: InvoiceMailData = {
    company: company.name || 'Cashdesk',
    customerName: order.customerName,
    documentTitle: language.t('row.order'),
    number: order.number,
    total: formats.money(order.total, order.currency),
    balance: formats.money(order.total, order.currency),
    dueDate: '',
    issueDate: formats.day(order.createdAt),
    publicUrl: `${input.origin}/admin/orders/${order.id}`,
  };
  const wording = await templateWording(ctx.db, template, language);
  const email = <InvoiceEmail template={template} intro={wording.intro} data={data} language={language} />;
  const channels = notifier ?? (await configuredNotifier(ctx.db));
  const { id } = await channels.email.send({
    to: admin.email,
    subject: fillSubject(wording.subject, data),
    html: await render(email),
    text: await render(email, { plainText: true }),
    attachments: [],
    template,
    invoiceId: null,
    idempotencyKey: `order-awaiting-approval:${order.id}:${input.adminId}`,
  });
  await ctx.db.transaction(async (tx) => {
    await audit(
      tx,
      ctx.actor,
      'order.approval_requested',
      { type: 'order', id: order.id },
      { after: { recipient: admin.email, template, providerMessageId: id } },
    );
  });
  return { recipient: admin.email, status: 'sent', detail: id };
}
