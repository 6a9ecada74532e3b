import { and, eq } from 'drizzle-orm';
import { customers, invoiceNotifications, invoices } from '@/db/schema';
import type { TemplateKey } from '@/emails/template-keys';
import { requirePermission } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import { configuredNotifier, type Notifier } from '@/server/notify/notifier';
import type { CommunicationRule } from '@/server/schemas/communication';
import { channelNames, type Channel } from '@/server/schemas/invoices';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { dedupeKeyOf, deliverInvoice } from './send';
import type { NotificationRow } from './store';

export type RuleSendInput = {
  id: string;
  channel: Channel;
  template: TemplateKey;
  eventId: string;
  ownRun?: boolean | undefined;
  origin: string;
  /** The rule as read when the run began: a retry sends what its first attempt meant to. */
  rule: CommunicationRule;
};

/**
 * One channel of an event's rule. A channel that cannot send (not configured, or the customer
 * has no phone) is not an error to retry: the skip is logged on the invoice, once per event,
 * with the reason, and nothing else changes.
 */
export async function sendByRule(ctx: ServiceContext, input: RuleSendInput, notifier?: Notifier): Promise<{ entry: NotificationRow; sentNow: boolean }> {
  requirePermission(ctx.actor, 'invoices.edit');
  const channels = notifier ?? (await configuredNotifier(ctx.db));
  const dedupeKey = dedupeKeyOf(input.template, input.eventId, input.channel);
  if (input.channel !== 'email' && !channels[input.channel])
    return skip(ctx, input.id, input.channel, dedupeKey, `${channelNames[input.channel]} is not configured (Settings → Communication)`);
  const text = input.channel === 'sms' ? input.rule.sms_text : input.channel === 'whatsapp' ? input.rule.whatsapp_text : undefined;
  try {
    return await deliverInvoice(
      ctx,
      { id: input.id, channel: input.channel, template: input.template, eventId: input.eventId, ownRun: input.ownRun, origin: input.origin, text },
      channels,
    );
  } catch (error) {
    // The one refusal a rule can meet on a sendable invoice: no phone number to text.
    if (error instanceof AppError && error.code === 'validation' && error.fields?.channel)
      return skip(ctx, input.id, input.channel, dedupeKey, `${channelNames[input.channel]} skipped: the customer has no phone number`);
    throw error;
  }
}

async function skip(ctx: ServiceContext, invoiceId: string, channel: Channel, dedupeKey: string, detail: string) {
  const [customer] = await ctx.db
    .select({ email: customers.email, phone: customers.phone })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(eq(invoices.id, invoiceId));
  if (!customer) throw new AppError('not_found', 'Invoice not found');
  const recipient = (channel === 'email' ? customer.email : customer.phone) ?? '—';
  return ctx.db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(invoiceNotifications)
      .values({ invoiceId, channel, recipient, status: 'skipped', detail, triggeredBy: ctx.actor.label, dedupeKey, at: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (fresh) {
      await audit(tx, ctx.actor, 'invoice.send_skipped', { type: 'invoice', id: invoiceId }, { after: { channel, recipient, detail } });
      return { entry: fresh, sentNow: false };
    }
    // A retry of the event: whatever the first attempt logged for this channel stands.
    const [existing] = await tx
      .select()
      .from(invoiceNotifications)
      .where(and(eq(invoiceNotifications.invoiceId, invoiceId), eq(invoiceNotifications.dedupeKey, dedupeKey)));
    return { entry: existing!, sentNow: false };
  });
}
