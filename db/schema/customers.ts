import { sql } from 'drizzle-orm';
import { char, check, index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, money, updatedAt } from './columns';
import { invoices } from './invoices';

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
    // Lists are newest first with (created_at, id) keyset cursors. Ascending on purpose: a backward
    // scan gives DESC NULLS FIRST, which is what ORDER BY ... DESC means; a DESC index (NULLS LAST)
    // would not match it and every first page would sort the whole table.
    index('customers_created_idx').on(t.createdAt, t.id),
    index('customers_reseller_created_idx').on(t.resellerId, t.createdAt, t.id),
    // The console searches "contains" on name and e-mail; trigram indexes keep that fast on large
    // books where ILIKE '%…%' would otherwise read every row.
    index('customers_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('customers_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
  ],
);

// The people a customer's invoices may go to besides the account's own e-mail (a billing desk,
// an accounts-payable inbox). A contract order copies the chosen contact's e-mail into
// `orders.contact` when it is placed, so removing a contact later never changes where an
// existing order's invoices are sent.
export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: id(),
    // Contacts belong to their customer and go with it.
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // One contact per address and customer, whatever the case it was typed in; it also serves
    // the customer's list (the leading column).
    uniqueIndex('customer_contacts_customer_email_lower_uq').on(t.customerId, sql`lower(${t.email})`),
  ],
);

export const creditEntryKind = pgEnum('credit_entry_kind', ['adjustment', 'credit_note', 'overpayment', 'applied_to_invoice', 'refund_to_credit', 'payout']);

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
    invoiceId: uuid('invoice_id').references((): AnyPgColumn => invoices.id),
    // The outside event an entry answers (a gateway refund taking back overpaid credit), so a
    // redelivered webhook finds it and takes nothing twice.
    reference: text('reference'),
    createdAt: createdAt(),
  },
  (t) => [
    index('credit_ledger_invoice_idx').on(t.invoiceId),
    uniqueIndex('credit_ledger_reference_uq')
      .on(t.reference)
      .where(sql`${t.reference} is not null`),
    index('credit_ledger_customer_created_idx').on(t.customerId, t.createdAt, t.id),
    check('credit_ledger_amount_nonzero_ck', sql`${t.amount} <> 0`),
  ],
);
