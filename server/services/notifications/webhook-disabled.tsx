import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import type { InvoiceMailData } from '@/emails/templates';
import { requirePermission } from '@/server/auth/actor';
import type { Notifier } from '@/server/notify/notifier';
import type { ServiceContext } from '@/server/services/context';
import { deskWriting, mailedAdmin, sendAdminMail, type AdminMail } from './admin-mail';

/**
 * E-mails one admin that the delivery pass disabled a webhook endpoint: its URL, since when every
 * attempt failed, what the last attempt got, and a link to its console page. Once per
 * (disabling, admin): a retried run never mails twice, while a later disabling (after a
 * re-enable) is mailed again. An endpoint enabled again or deleted meanwhile, or an admin
 * disabled meanwhile, gets no mail.
 */
export async function mailWebhookEndpointDisabled(
  ctx: ServiceContext,
  input: { endpointId: string; disabledAt: string; adminId: string; origin: string },
  notifier?: Notifier,
): Promise<AdminMail> {
  requirePermission(ctx.actor, 'settings.manage');
  const admin = await mailedAdmin(ctx.db, input.adminId);
  if (!admin.active) return { recipient: admin.email, status: 'skipped', detail: 'no longer an active admin' };
  const [endpoint] = await ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.endpointId));
  if (!endpoint || endpoint.active || endpoint.disabledAt?.toISOString() !== input.disabledAt)
    return { recipient: admin.email, status: 'skipped', detail: 'the endpoint was enabled again or removed' };
  const [last] = await ctx.db
    .select({ lastError: webhookDeliveries.lastError, lastStatusCode: webhookDeliveries.lastStatusCode })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpoint.id), isNotNull(webhookDeliveries.lastAttemptAt)))
    .orderBy(desc(webhookDeliveries.lastAttemptAt))
    .limit(1);

  const { company, language, formats } = await deskWriting(ctx.db);
  const data: InvoiceMailData = {
    company,
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
  return sendAdminMail(
    ctx,
    {
      to: admin.email,
      template: 'webhook_endpoint_disabled',
      data,
      language,
      idempotencyKey: `webhook-endpoint-disabled:${endpoint.id}:${input.disabledAt}:${input.adminId}`,
      audit: { action: 'webhook_endpoint.disabled_mailed', subject: { type: 'webhook_endpoint', id: endpoint.id } },
    },
    notifier,
  );
}
