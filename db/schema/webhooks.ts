import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';

/**
 * A receiver integrators registered (Settings → Webhooks, POST /api/v1/webhook-endpoints): the
 * events it wants (`*` for all) and its signing secret, sealed under the server secret because
 * every delivery signs with it. A rotated secret keeps signing beside the new one until
 * `previous_secret_expires_at`, so a receiver can switch without missing a delivery.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    description: text('description'),
    secretSealed: text('secret_sealed').notNull(),
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true, precision: 3 }),
    active: boolean('active').notNull().default(true),
    // Since when every attempt has failed; three days of it disable the endpoint.
    failingSince: timestamp('failing_since', { withTimezone: true, precision: 3 }),
    disabledAt: timestamp('disabled_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_endpoints_created_idx').on(t.createdAt, t.id)],
);

/**
 * The outbox of webhooks out: one row per billing event that at least one active endpoint
 * subscribed to when it happened, written in the transaction that caused it. `data` is the
 * subject as the REST API returns it, taken once before the first attempt, so every endpoint
 * and every retry gets the same body. The bigserial id orders the events of one subject.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    type: text('type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    data: jsonb('data'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('webhook_events_subject_idx').on(t.subjectType, t.subjectId, t.id)],
);

export const webhookDeliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', webhookDeliveryStatuses);

/**
 * One event for one endpoint: its id is the `webhook-id` of every attempt. While pending,
 * `next_attempt_at` is when it is due — or, while an attempt is under way, when that attempt's
 * claim lapses, so a process that dies mid-request leaves it to be sent again.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'bigint' })
      .notNull()
      .references(() => webhookEvents.id),
    eventType: text('event_type').notNull(),
    // `<subject type>:<subject id>`: deliveries of one subject to one endpoint go in event order.
    subjectKey: text('subject_key').notNull(),
    status: webhookDeliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastDurationMs: integer('last_duration_ms'),
    // The receiver's answer, cut to a few KiB; shown in the console only.
    lastResponse: text('last_response'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_event_uq').on(t.endpointId, t.eventId),
    index('webhook_deliveries_endpoint_created_idx').on(t.endpointId, t.createdAt, t.id),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_subject_idx')
      .on(t.endpointId, t.subjectKey, t.eventId)
      .where(sql`${t.status} = 'pending'`),
  ],
);
