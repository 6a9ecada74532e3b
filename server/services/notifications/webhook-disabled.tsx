import { render } from '@react-email/components';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { users, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { fillSubject, InvoiceEmail, type InvoiceMailData } from '@/emails/templates';
import { formatsFor } from '@/i18n/format';
import { requirePermission } from '@/server/auth/actor';
import { configuredNotifier, type Notifier } from '@/server/notify/notifier';
import { companySettings } from '@/server/schemas/company';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { mailLanguage, templateWording } from '@/server/services/settings/mail-language';
import { readBillingSettings, readSettingsBlock } from '@/server/services/settings/read';
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
  // Admins have no language of their own: the desk's default is the one they run it in.
  const language = await mailLanguage((await readBillingSettings(ctx.db)).default_locale);
  const formats = formatsFor(language.locale);
  const data: InvoiceMailData = {
    company: company.name || 'Cashdesk',
    customerName: '',
    documentTitle: language.t('webhookEndpoint'),
    number: endpoint.url,
    total: '',
    balance: '',
    dueDate: '',
    issueDate: formats.day(endpoint.createdAt),
    publicUrl: `${input.origin}/admin/webhooks/${endpoint.id}`,
    failingSince: endpoint.failingSince ? `${formats.moment(endpoint.failingSince)} UTC` : '',
    lastAnswer: last?.lastError ?? (last?.lastStatusCode ? `HTTP ${last.lastStatusCode}` : language.t('noAnswer')),
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
