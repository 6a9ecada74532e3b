import { sql } from 'drizzle-orm';
import { bigint, char, date, index, numeric, pgTable } from 'drizzle-orm/pg-core';

/**
 * The Revenue report's figures per currency and UTC day, as append-only deltas: triggers on
 * invoices, payments and refunds insert what each statement changed, in its transaction (never
 * an update, so concurrent payments of one day never wait on one row), and compaction
 * (`compact_report_rollups()`) folds a key's deltas into one row. A report sums a range's rows.
 * The definitions are SQL functions of migration 0017 (`report_invoiced`, `report_tax_sign`);
 * docs/reports.md "Rollups".
 */
export const revenueRollup = pgTable(
  'revenue_rollup',
  {
    currency: char('currency', { length: 3 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    invoiced: bigint('invoiced', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    collected: bigint('collected', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    refunded: bigint('refunded', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
  },
  (t) => [index('revenue_rollup_day_idx').on(t.currency, t.day)],
);

/** The Tax report's figures per currency, issue day and line tax rate, as deltas like `revenueRollup`. */
export const taxRollup = pgTable(
  'tax_rollup',
  {
    currency: char('currency', { length: 3 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    taxRate: numeric('tax_rate', { precision: 6, scale: 3 }).notNull(),
    taxable: bigint('taxable', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    tax: bigint('tax', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
  },
  (t) => [index('tax_rollup_day_idx').on(t.currency, t.day)],
);
