import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window counters for throttles (sign-in failures, public-link guesses, sign-ups), kept
 * in the database rather than process memory so every instance behind a balancer counts
 * together. One row per bucket ("sign-in:account:<e-mail>", "sign-in:ip:<address>", …),
 * bumped with one upsert; a row whose window has passed starts over on its next hit.
 */
export const throttles = pgTable(
  'throttles',
  {
    bucket: text('bucket').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true, precision: 3 }).notNull(),
    count: integer('count').notNull(),
  },
  // Pruning deletes windows long past.
  (t) => [index('throttles_window_start_idx').on(t.windowStart)],
);
