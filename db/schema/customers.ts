import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, jsonb, numeric, pgEnum, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Locale } from '../../i18n/locales';
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
    // The customer's tax defaults, applied by the billing run and new documents: exempt bills no
    // tax at all; otherwise an override (percent, like settings' tax_rate) replaces the global
    // rate. Neither set: the settings' rate.
    taxExempt: boolean('tax_exempt').notNull().default(false),
    taxRateOverride: numeric('tax_rate_override', { precision: 6, scale: 3 }),
    billingAddress: jsonb('billing_address').$type<BillingAddress>(),
    currency: char('currency', { length: 3 }).notNull(),
    // The language the customer reads documents, e-mails and the portal in (a tag from
    // i18n/locales.ts). Null follows the settings' default_locale, so changing that default moves
    // every customer who never chose.
    locale: text('locale').$type<Locale>(),
    // The reseller (a user with role reseller) who owns this customer; null for direct ones.
    resellerId: uuid('reseller_id').references((): AnyPgColumn => users.id),
    // The cash collector (a user with role collector) who visits this customer; one at most, as
    // a round has one person collecting. Null: nobody collects in the field.
    collectorId: uuid('collector_id').references((): AnyPgColumn => users.id),
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
    // A collector's round: the Collect page searches only these.
    index('customers_collector_idx').on(t.collectorId),
    // The console searches "contains" on name and e-mail; trigram indexes keep that fast on large
    // books where ILIKE '%…%' would otherwise read every row.
    index('customers_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('customers_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
    check('customers_locale_ck', sql`${t.locale} is null or ${t.locale} in ('en', 'de', 'fr', 'es', 'pt-BR')`),
    check('customers_tax_rate_override_ck', sql`${t.taxRateOverride} is null or (${t.taxRateOverride} >= 0 and ${t.taxRateOverride} <= 100)`),
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

// `top_up`: credit bought with a paid top-up invoice (a card or PayPal top-up, a prepaid card).
export const creditEntryKind = pgEnum('credit_entry_kind', [
  'adjustment',
  'credit_note',
  'overpayment',
  'applied_to_invoice',
  'refund_to_credit',
  'payout',
  'top_up',
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

// What moved a prepaid wallet (docs/contract-orders.md "Prepaid wallets"). A `grant` posts a
// service's included credits as pending when its invoice is issued; `release` moves a grant from
// pending to available when that invoice is paid; `draw` is usage paid from available credits;
// `lapse` ends what is left of a grant without rollover at its period's end; `void` takes back a
// grant whose invoice was cancelled unpaid.
export const walletEntryKind = pgEnum('wallet_entry_kind', ['grant', 'release', 'draw', 'lapse', 'void']);

// Append-only, like the credit ledger: a wallet's pending and available balances are the sums of
// its entries' two columns (a release is -x pending, +x available), never stored twice.
export const walletEntries = pgTable(
  'wallet_entries',
  {
    id: id(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    currency: char('currency', { length: 3 }).notNull(),
    kind: walletEntryKind('kind').notNull(),
    pending: money('pending')
      .notNull()
      .default(sql`0`),
    available: money('available')
      .notNull()
      .default(sql`0`),
    // Every entry but a grant acts on one grant; a grant's remainder is its amount less the
    // draws, lapse and void that name it, so lapsing or drawing never takes more than it gave.
    grantId: uuid('grant_id').references((): AnyPgColumn => walletEntries.id),
    // A grant's and a draw's invoice; a grant's service (the line that included the credits).
    invoiceId: uuid('invoice_id').references((): AnyPgColumn => invoices.id),
    serviceId: uuid('service_id'),
    // A grant without rollover lapses at the end of its period (exclusive); null: it rolls over.
    expiresOn: date('expires_on', { mode: 'string' }),
    description: text('description').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('wallet_entries_customer_created_idx').on(t.customerId, t.createdAt, t.id),
    index('wallet_entries_grant_idx').on(t.grantId),
    index('wallet_entries_invoice_idx').on(t.invoiceId),
    // One grant per invoice and service, one release, lapse and void per grant, one draw per
    // grant and invoice: a retried issue, payment or run posts nothing twice.
    uniqueIndex('wallet_entries_grant_uq')
      .on(t.invoiceId, t.serviceId)
      .where(sql`${t.kind} = 'grant'`),
    uniqueIndex('wallet_entries_settles_grant_uq')
      .on(t.grantId, t.kind)
      .where(sql`${t.kind} in ('release', 'lapse', 'void')`),
    uniqueIndex('wallet_entries_draw_uq')
      .on(t.grantId, t.invoiceId)
      .where(sql`${t.kind} = 'draw'`),
    check('wallet_entries_moves_ck', sql`${t.pending} <> 0 or ${t.available} <> 0`),
    check('wallet_entries_grant_ck', sql`(${t.kind} = 'grant') = (${t.grantId} is null)`),
  ],
);
