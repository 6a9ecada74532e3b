import type { TemplateKey } from '@/emails/template-keys';
import type { EventName } from '@/inngest/events';
import { publicOrigin } from '@/server/env';
import { defineWorkflow } from '@/server/jobs/workflow';
import { systemContext } from '@/server/services/context';
import { sendInvoice } from '@/server/services/invoices/send';

const templateFor = {
  'invoice/created': 'invoice_created',
  'payment/received': 'payment_received',
  'refund/issued': 'refund_issued',
} satisfies Partial<Record<EventName, TemplateKey>>;

/**
 * Tells the customer by e-mail: a new invoice (from an order or the billing run), a payment
 * received, a refund issued, a reminder the desk asked for (its template in the event). The
 * event id is the send's dedupe key: a redelivered event, a retry or a second dispatcher never
 * sends twice.
 */
export const notifyCustomer = defineWorkflow({
  id: 'notify-customer',
  triggers: [{ event: 'invoice/created' }, { event: 'payment/received' }, { event: 'refund/issued' }, { event: 'invoice/reminder.requested' }],
  retries: 5,
  subject: (event) => ({ type: 'invoice', id: event.data.invoiceId }),
  handler: ({ event, step, db, now }) =>
    step.run('send e-mail', async () => {
      const entry = await sendInvoice(systemContext(db, now), {
        id: event.data.invoiceId,
        channel: 'email',
        template: event.name === 'invoice/reminder.requested' ? event.data.template : templateFor[event.name],
        eventId: event.id,
        // This run is the event's only sender: a send its earlier attempt left half-done (the
        // server killed mid-send) is finished now, not skipped as someone else's.
        ownRun: true,
        origin: publicOrigin(),
      });
      // A refused send is retried with backoff; the log keeps each failure's words.
      if (entry.status === 'failed') throw new Error(entry.detail ?? 'the e-mail provider refused the message');
      return { channel: entry.channel, recipient: entry.recipient, status: entry.status };
    }),
});
