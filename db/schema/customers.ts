import { sql } from 'drizzle-orm';
import { type AnyPgColumn, char, check, index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, money, updatedAt } from './columns';

export type BillingAddress = {
  line1: string;
  line2?: string | undefined;
  city: string;
  region?: string | undefined;
  postalCode?: string | undefined;
  country: string;
};

export const customers = pgTable(
  'customers',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    company: text('company'),
    phone: text('phone'),
    taxId: text('tax_id'),
    billingAddress: jsonb('billing_address').$type<BillingAddress>(),
    currency: char('currency', { length: 3 }).notNull(),
    // The reseller (a user with role reseller) who owns this customer; null for direct ones.
    resellerId: uuid('reseller_id').references((): AnyPgColumn => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One account per e-mail address, whatever the case it was typed in.
    uniqueIndex('customers_email_lower_uq').on(sql`lower(${t.email})`),
    // Lists are newest first with (created_at, id) keyset cursors.
    index('customers_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('customers_reseller_created_idx').on(t.resellerId, t.createdAt.desc(), t.id.desc()),
  ],
);

export const creditEntryKind = pgEnum('credit_entry_kind', [
  'adjustment',
  'credit_note',
  'overpayment',
  'applied_to_invoice',
  'refund_to_credit',
  'payout',
]);

// Append-only: the balance is the sum of a customer's entries and is never stored twice.
export const creditLedger = pgTable(
  'credit_ledger',
  {
    id: id(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: creditEntryKind('kind').notNull(),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('credit_ledger_customer_created_idx').on(t.customerId, t.createdAt.desc(), t.id.desc()),
    check('credit_ledger_amount_nonzero_ck', sql`${t.amount} <> 0`),
  ],
);
