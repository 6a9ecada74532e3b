import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns';

// One row per settings block (e.g. "billing"); each block's shape is validated by its zod
// schema in server/schemas, so adding a setting needs no migration.
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});
