import { render } from '@react-email/components';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { users, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { fillSubject, InvoiceEmail, templates, type InvoiceMailData } from '@/emails/templates';
import { formatsFor } from '@/i18n/format';
import { requirePermission } from '@/server/auth/actor';
import { formatDay } from '@/server/documents/model';
import { configuredNotifier, type Notifier } from '@/server/notify/notifier';
import { emailTemplateSettings } from '@/server/schemas/communication';
import { companySettings } from '@/server/schemas/company';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { readSettingsBlock } from '@/server/services/settings/read';
import type { ApprovalMail } from './approval-request';

const template = 'webhook_endpoint_disabled';

/**
 * E-mails one admin that the delivery pass disabled a webhook endpoint: its URL, since when every
 * attempt failed, what the last attempt got, and a link to its console page. The idempotency key
 * is the (disabling, admin) pair, which Resend and the outbox both keep once, so a retried run
 * never mails an admin twice, while a later disabling (after a re-enable) is mailed again. An
 * endpoint enabled again or deleted meanwhile, or an admin disabled meanwhile, gets no mail.
 */
export async function mailWebhookEndpointDisabled(
  ctx: ServiceContext,
  input: { endpointId: string; disabledAt: string; adminId: string; origin: string },
  notifier?: Notifier,
): Promise<ApprovalMail> {
  requirePermission(ctx.actor, 'settings.manage');
  const [admin] = await ctx.db.select({ email: users.email, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, input.adminId));
  if (!admin || admin.role !== 'admin' || admin.disabled) return { recipient: admin?.email ?? '', status: 'skipped', detail: 'no longer an active admin' };
  const [endpoint] = await ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.endpointId));
  if (!endpoint || endpoint.active || endpoint.disabledAt?.toISOString() !== input.disabledAt)
    return { recipient: admin.email, status: 'skipped', detail: 'the endpoint was enabled again or removed' };
  const [last] = await ctx.db
    .select({ lastError: webhookDeliveries.lastError, lastStatusCode: webhookDeliveries.lastStatusCode })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpoint.id), isNotNull(webhookDeliveries.lastAttemptAt)))
    .orderBy(desc(webhookDeliveries.lastAttemptAt))
    .limit(1);

  const company = await readSettingsBlock(ctx.db, 'company', companySettings);
  const data: InvoiceMailData = {
    company: company.name || 'Cashdesk',
    customerName: '',
    documentTitle: 'Webhook endpoint',
    number: endpoint.url,
    total: '',
    balance: '',
    dueDate: '',
    issueDate: formatDay(endpoint.createdAt.toISOString().slice(0, 10)),
    publicUrl: `${input.origin}/admin/webhooks/${endpoint.id}`,
    failingSince: endpoint.failingSince ? `${formatsFor('en').moment(endpoint.failingSince)} UTC` : '',
    lastAnswer: last?.lastError ?? (last?.lastStatusCode ? `HTTP ${last.lastStatusCode}` : 'no answer'),
  };
  const wording = (await readSettingsBlock(ctx.db, 'email_templates', emailTemplateSettings))[template] ?? templates[template];
  const email = <InvoiceEmail template={template} intro={wording.intro} data={data} />;
  const channels = notifier ?? (await configuredNotifier(ctx.db));
  const { id } = await channels.email.send({
    to: admin.email,
    subject: fillSubject(wording.subject, data),
    html: await render(email),
    text: await render(email, { plainText: true }),
    attachments: [],
    template,
    invoiceId: null,
    idempotencyKey: `webhook-endpoint-disabled:${endpoint.id}:${input.disabledAt}:${input.adminId}`,
  });
  await ctx.db.transaction(async (tx) => {
    await audit(
      tx,
      ctx.actor,
      'webhook_endpoint.disabled_mailed',
      { type: 'webhook_endpoint', id: endpoint.id },
      { after: { recipient: admin.email, template, providerMessageId: id } },
    );
  });
  return { recipient: admin.email, status: 'sent', detail: id };
}
