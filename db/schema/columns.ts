import { bigint, timestamp, uuid } from 'drizzle-orm/pg-core';

// Millisecond precision matches JavaScript's Date, so a keyset cursor built from a row's
// timestamp compares exactly equal to the stored value (microseconds would skip rows).
export const createdAt = () => timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
export const id = () => uuid('id').primaryKey().defaultRandom();
/** An amount in the currency's minor unit (cents for USD, yen for JPY, fils for KWD). */
export const money = (name: string) => bigint(name, { mode: 'bigint' });
