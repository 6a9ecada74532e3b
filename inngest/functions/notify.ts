import type { TemplateKey } from '@/emails/template-keys';
import type { EventName } from '@/inngest/events';
import { publicOrigin } from '@/server/env';
import { defineWorkflow } from '@/server/jobs/workflow';
import type { CommunicationEvent } from '@/server/schemas/communication';
import { channelNames } from '@/server/schemas/invoices';
import { systemContext } from '@/server/services/context';
import { sendByRule } from '@/server/services/invoices/notify-by-rule';
import { sendInvoice } from '@/server/services/invoices/send';
import { readCommunicationRules, ruleChannels } from '@/server/services/settings/communication-rules';

const templateFor = {
  'invoice/created': 'invoice_created',
  'payment/received': 'payment_received',
  'refund/issued': 'refund_issued',
  'invoice/service.suspended': 'service_suspended',
  'invoice/service.reactivated': 'service_unsuspended',
} satisfies Partial<Record<EventName, TemplateKey>>;

// The events Settings → Communication rules decide the channels of; the others are e-mail.
const ruleFor = {
  'invoice/created': 'invoice_created',
  'payment/received': 'payment_received',
  'invoice/service.suspended': 'suspended',
  'invoice/service.reactivated': 'reactivated',
} satisfies Partial<Record<EventName, CommunicationEvent>>;

// A refused send is retried with backoff; the log keeps each failure's words.
const failUnlessDone = (entry: { status: string; detail: string | null; channel: string; recipient: string }) => {
  if (entry.status === 'failed') throw new Error(entry.detail ?? 'the provider refused the message');
  return { channel: entry.channel, recipient: entry.recipient, status: entry.status };
};

/**
 * Tells the customer: a new invoice (from an order or the billing run), a payment received, a
 * service suspended or reactivated, on the channels their communication rule names (one step
 * each); a refund issued, or a reminder the desk asked for (its template in the event), by
 * e-mail, as is an invoice the desk finalized and sent. The event id is the send's dedupe key, per channel: a redelivered event, a retry or
 * a second dispatcher never sends twice on one channel.
 */
export const notifyCustomer = defineWorkflow({
  id: 'notify-customer',
  triggers: [
    { event: 'invoice/created' },
    { event: 'payment/received' },
    { event: 'refund/issued' },
    { event: 'invoice/reminder.requested' },
    { event: 'invoice/send.requested' },
    { event: 'invoice/service.suspended' },
    { event: 'invoice/service.reactivated' },
  ],
  retries: 5,
  subject: (event) => ({ type: 'invoice', id: event.data.invoiceId }),
  handler: async ({ event, step, db, now }) => {
    const common = {
      id: event.data.invoiceId,
      eventId: event.id,
      // This run is the event's only sender: a send its earlier attempt left half-done (the
      // server killed mid-send) is finished now, not skipped as someone else's.
      ownRun: true,
      origin: publicOrigin(),
    };
    if (event.name === 'refund/issued' || event.name === 'invoice/reminder.requested' || event.name === 'invoice/send.requested') {
      // A send the desk asked for goes with the invoice's own template (sendInvoice picks it).
      const template = event.name === 'invoice/reminder.requested' ? event.data.template : event.name === 'refund/issued' ? templateFor[event.name] : undefined;
      return step.run('send e-mail', async () => failUnlessDone(await sendInvoice(systemContext(db, now), { ...common, channel: 'email', template })));
    }
    // Read once per run: a retry sends on the channels, with the texts, its first attempt read.
    const rule = await step.run('read the rule', async () => (await readCommunicationRules(db))[ruleFor[event.name]]);
    const sent = [];
    for (const channel of ruleChannels(rule))
      sent.push(
        await step.run(channel === 'email' ? 'send e-mail' : `send ${channelNames[channel]}`, async () => {
          const { entry } = await sendByRule(systemContext(db, now), { ...common, channel, template: templateFor[event.name], rule });
          return failUnlessDone(entry);
        }),
      );
    return sent;
  },
});
