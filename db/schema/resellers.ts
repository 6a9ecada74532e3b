import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, index, pgTable, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt } from './columns';

/**
 * What makes a user with role `reseller` a reseller: its commission, its place in the reseller
 * tree and what the admin allowed it. Its permission flags (`invoices.view` … `transactions.view_all`)
 * stay in `users.permissions`, where staff keep theirs.
 */
export const resellers = pgTable(
  'resellers',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The reseller above this one (a sub-reseller's parent); null at the top of the tree.
    parentId: uuid('parent_id').references((): AnyPgColumn => resellers.userId),
    // The commission on what its customers pay, in thousandths of a percent (12.5 % → 12500),
    // exact like tax rates: commissions are money, never a float.
    commissionMilli: bigint('commission_milli', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    // A sub-reseller that may also work its parent's own customers.
    seeParentCustomers: boolean('see_parent_customers').notNull().default(false),
    // Whether it may create sub-resellers under itself (with a commission not above its own).
    mayCreateSubResellers: boolean('may_create_sub_resellers').notNull().default(false),
    // The currency its customers are created in by default; null: the settings' currency.
    currency: char('currency', { length: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    index('resellers_parent_idx').on(t.parentId),
    check('resellers_commission_range_ck', sql`${t.commissionMilli} between 0 and 100000`),
    check('resellers_not_own_parent_ck', sql`${t.parentId} is null or ${t.parentId} <> ${t.userId}`),
  ],
);
