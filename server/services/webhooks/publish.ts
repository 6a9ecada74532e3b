import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { rowsOf } from '@/db/sql';
import type { WebhookEventType, WebhookSubject } from '@/server/webhooks/events';

/** The loop listens here and delivers as soon as the publishing transaction commits. */
export const webhookDeliveriesChannel = 'cashdesk_webhook_deliveries';

/**
 * Writes webhooks out for events that just happened, in the caller's transaction (the outbox):
 * one event row per subject and one delivery per active endpoint that subscribed to the type
 * (or to `*`), due at once. With no such endpoint it writes nothing, so a desk without webhooks
 * pays one indexed lookup. Rolled back with the change, committed with it: never a webhook for
 * something that did not happen, never a change without its webhook.
 */
export async function publishWebhookEvents(
  tx: Database,
  type: WebhookEventType,
  subjectType: WebhookSubject['type'],
  subjectIds: readonly string[],
  now: Date,
): Promise<void> {
  if (subjectIds.length === 0) return;
  const at = now.toISOString();
  const written = await tx.execute(sql`
    with hooked as (
      select id from webhook_endpoints where active and events && array[${type}, '*']::text[]
    ),
    new_events as (
      insert into webhook_events (type, subject_type, subject_id, occurred_at)
      select ${type}, ${subjectType}, s.id, ${at}::timestamptz
      -- One parameter however many subjects (a billing run may create tens of thousands).
      from jsonb_array_elements_text(${JSON.stringify(subjectIds)}::jsonb) with ordinality s(id, n)
      where exists (select 1 from hooked)
      order by s.n
      returning id, subject_id
    )
    insert into webhook_deliveries (endpoint_id, event_id, event_type, subject_key, next_attempt_at)
    select h.id, e.id, ${type}, ${subjectType} || ':' || e.subject_id, ${at}::timestamptz
    from new_events e cross join hooked h
    returning 1`);
  if (rowsOf(written).length > 0) await wakeWebhookDeliveries(tx);
}

/**
 * Documents issued with their number at once (not drafts): integrators hear `invoice.created`
 * and then `invoice.finalized`, as for a draft finalized later, so a receiver that acts on
 * finalized documents sees every one of them.
 */
export async function publishIssuedDocuments(tx: Database, invoiceIds: readonly string[], now: Date): Promise<void> {
  await publishWebhookEvents(tx, 'invoice.created', 'invoice', invoiceIds, now);
  await publishWebhookEvents(tx, 'invoice.finalized', 'invoice', invoiceIds, now);
}

/** Tells the loop, at commit (PostgreSQL and PGlite drop it on rollback), that deliveries are due. */
export async function wakeWebhookDeliveries(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_notify(${webhookDeliveriesChannel}, '')`);
}
