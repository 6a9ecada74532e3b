/**
 * The message templates by key, apart from their react-email bodies: schemas and the console's
 * forms import this, so no mail component ends up in a browser bundle.
 */
export const templateKeys = [
  'invoice_created',
  'payment_received',
  'payment_reminder',
  'overdue_notice',
  'final_notice',
  'service_suspended',
  'service_unsuspended',
  'order_activated',
  'refund_issued',
  'consolidated_invoice',
  'order_awaiting_approval',
  'webhook_endpoint_disabled',
] as const;

export type TemplateKey = (typeof templateKeys)[number];
