import { eventType, staticSchema } from 'inngest';
import type { ProvisioningAction } from '@/server/provisioning/provisioner';

/**
 * Every event Cashdesk emits, by name, with its data: the one place they are spelled.
 * `emitEvents`, `defineWorkflow`'s triggers and the handlers read this map, so a misspelt name
 * or a missing or wrong field is a compile error. Data is stored in the outbox and sent to
 * Inngest as it is, so changing a shape here changes what is on the wire.
 */
export type Events = {
  /** A new invoice, from an order or the billing run (which writes it in SQL, run-billing.ts). */
  'invoice/created': { invoiceId: string };
  'payment/received': { invoiceId: string; paymentId: string };
  'refund/issued': { invoiceId: string; refundId: string };
  /** The desk asked for a reminder with this e-mail template (Send reminder). */
  'invoice/reminder.requested': { invoiceId: string; template: 'payment_reminder' | 'overdue_notice' | 'final_notice' };
  /** The desk finalized a draft and asked for it to be e-mailed (Finalize & send). */
  'invoice/send.requested': { invoiceId: string };
  /** Dunning suspended an order for this unpaid invoice (sent only when its rule names a channel). */
  'invoice/service.suspended': { invoiceId: string; orderId: string };
  /** Paying this invoice lifted the suspension dunning had put on the order. */
  'invoice/service.reactivated': { invoiceId: string; orderId: string };
  /** An order's first invoice was paid and nobody has to approve it: provision it. */
  'order/paid': { orderId: string };
  'order/approved': { orderId: string };
  'order/awaiting-approval': { orderId: string };
  /** The delivery pass disabled a webhook endpoint that failed for 3 days, at `disabledAt`. */
  'webhook-endpoint/disabled': { endpointId: string; disabledAt: string };
  /** What to tell which product's provisioner about a service. */
  'service/lifecycle': {
    action: Exclude<ProvisioningAction, 'create'>;
    serviceId: string;
    orderId: string;
    /** The product whose provisioning module is called. */
    productId: string;
    /** change_plan: the plan the service moved to (a later change supersedes this one) and the one it left. */
    plan?: { productId: string; cycle: string };
    previous?: { productId: string; cycle: string; price: string };
  };
  /** "Run now" in Settings → Automation, for a date. */
  'billing/run.requested': { date: string };
  'dunning/run.requested': { date: string };
  /** Sent from Inngest's dashboard to prove the wiring. */
  'system/ping': { at: string };
};

export type EventName = keyof Events;

/** An event as emitted, kept in the outbox and handed to a run; `id` is its dedupe key everywhere. */
export type WorkflowEvent<N extends EventName = EventName> = { [K in N]: { name: K; data: Events[K]; id: string } }[N];

/**
 * What a cron-triggered run gets: the firing's instant and the zone it fired in. The embedded
 * scheduler emits it as `cron/<workflow id>`; under Inngest it is `inngest/scheduled.timer`.
 */
export type CronEvent = { name: `cron/${string}` | 'inngest/scheduled.timer'; data: { scheduledFor: string; timeZone: string }; id: string };

/** Inngest's own typed trigger, its data typed from the map (type-only: Inngest validates nothing at run time). */
export const systemPing = eventType('system/ping', { schema: staticSchema<Events['system/ping']>() });
