import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// A REST POST with an Idempotency-Key inserts its row in the same transaction as the work it
// does: a concurrent duplicate waits on the primary key and then replays the stored response,
// and a failed request leaves no row behind, so the client may retry it.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    // The API key (or user) that sent the request: keys are scoped per caller.
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    // Method and path plus a SHA-256 of the body: the same key with another body is a mismatch.
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_pk', columns: [t.principal, t.key] })],
);
