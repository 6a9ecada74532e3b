/** The events integrators may subscribe to (API.md "Webhooks out"), or `*` for every one. */
export const webhookEventTypes = [
  'invoice.created',
  'invoice.finalized',
  'invoice.paid',
  'invoice.overdue',
  'invoice.cancelled',
  'payment.received',
  'refund.created',
  'order.created',
  'order.activated',
  'service.suspended',
  'service.unsuspended',
  'service.terminated',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

/** What "Send test event" delivers: to the one endpoint asked, whatever it subscribed to. */
export const testEventType = 'webhook.test';

/** The record an event is about; its `data` is that record as the REST API returns it. */
export type WebhookSubject = { type: 'invoice' | 'payment' | 'refund' | 'order' | 'service'; id: string };

export const subjectKey = (subject: { type: string; id: string }) => `${subject.type}:${subject.id}`;
