import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { invoiceKinds, invoiceStatuses } from '../../server/billing/invoice-status';
import { createdAt, id, money, updatedAt } from './columns';
import { customers, type BillingAddress } from './customers';
import { orders } from './orders';

/** The addressee as printed on a numbered document. */
export type CustomerSnapshot = {
  name: string;
  company: string | null;
  email: string;
  taxId: string | null;
  billingAddress: BillingAddress | null;
  // Where the supply is taxed (a state or region for GST), by default the address's region.
  placeOfSupply: string | null;
};

export const invoiceKind = pgEnum('invoice_kind', invoiceKinds);
export const invoiceStatus = pgEnum('invoice_status', invoiceStatuses);
export const taxMode = pgEnum('tax_mode', ['exclusive', 'inclusive']);
// A `top_up` invoice buys credit: paying it in full puts its total on the customer's credit balance
// (a portal top-up by card or PayPal, or a prepaid card's redemption; docs/prepaid-cards.md).
export const invoicePurpose = pgEnum('invoice_purpose', ['manual', 'first', 'renewal', 'proration', 'consolidated', 'correction', 'top_up']);

export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    kind: invoiceKind('kind').notNull().default('invoice'),
    status: invoiceStatus('status').notNull(),
    // Assigned when the document leaves draft, from a locked counter row, so numbers are gapless.
    number: text('number'),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    orderId: uuid('order_id').references(() => orders.id),
    currency: char('currency', { length: 3 }).notNull(), // fixed at creation
    taxMode: taxMode('tax_mode').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true, precision: 3 }),
    subtotal: money('subtotal').notNull(),
    taxTotal: money('tax_total').notNull(),
    total: money('total').notNull(),
    amountPaid: money('amount_paid')
      .notNull()
      .default(sql`0`),
    amountRefunded: money('amount_refunded')
      .notNull()
      .default(sql`0`),
    // What credit notes against this invoice put on the customer's credit balance. Together with
    // refunds it is everything the invoice gave back, which never exceeds what it took in.
    amountCredited: money('amount_credited')
      .notNull()
      .default(sql`0`),
    notes: text('notes'),
    // The desk's own remarks: never printed, mailed, nor shown to the customer or a client's API key.
    internalNotes: text('internal_notes'),
    // A paid proforma's invoice: issued once, with the proforma's lines, when it is paid in full.
    convertedInvoiceId: uuid('converted_invoice_id').references((): AnyPgColumn => invoices.id),
    // On that invoice, the proforma it was issued for (unique: a proforma converts once).
    proformaId: uuid('proforma_id').references((): AnyPgColumn => invoices.id),
    // A contract order's name, which customers see on its invoices.
    orderName: text('order_name'),
    // The customer's purchase order or contract number.
    poNumber: text('po_number'),
    // Who the document is addressed to, frozen when its number is assigned (a later change to the
    // customer never rewrites an issued invoice); editable with the invoice while unpaid.
    customerSnapshot: jsonb('customer_snapshot').$type<CustomerSnapshot>(),
    // Part of the public link's HMAC: bumping it kills every link issued before.
    tokenVersion: integer('token_version').notNull().default(1),
    // What paying it means: a `first` invoice activates its order, a `renewal` extends services.
    purpose: invoicePurpose('purpose').notNull().default('manual'),
    consolidatedIntoId: uuid('consolidated_into_id').references((): AnyPgColumn => invoices.id),
    correctsInvoiceId: uuid('corrects_invoice_id').references((): AnyPgColumn => invoices.id),
    // Set when a card payment on it is disputed (a chargeback): the desk must answer the bank.
    disputedAt: timestamp('disputed_at', { withTimezone: true, precision: 3 }),
    // A soft delete (only drafts and cancelled documents): lists leave it out, the row stays for
    // the audit trail and anything that refers to it.
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('invoices_kind_number_uq').on(t.kind, t.number),
    index('invoices_created_idx').on(t.createdAt, t.id),
    index('invoices_customer_created_idx').on(t.customerId, t.createdAt, t.id),
    index('invoices_status_created_idx').on(t.status, t.createdAt, t.id),
    // The overdue sweep: open invoices by due date.
    index('invoices_status_due_idx').on(t.status, t.dueDate),
    index('invoices_issue_date_idx').on(t.issueDate),
    index('invoices_due_date_idx').on(t.dueDate),
    index('invoices_order_idx').on(t.orderId),
    index('invoices_consolidated_into_idx').on(t.consolidatedIntoId),
    index('invoices_corrects_idx').on(t.correctsInvoiceId),
    // invoices_open_idx (open documents with the figures aging sums, INCLUDE columns) is created
    // by migration 0019 by hand: the builder cannot say INCLUDE.
    uniqueIndex('invoices_proforma_uq')
      .on(t.proformaId)
      .where(sql`${t.proformaId} is not null`),
    check('invoices_total_nonnegative_ck', sql`${t.total} >= 0`),
    check('invoices_paid_within_total_ck', sql`${t.amountPaid} >= 0 and ${t.amountPaid} <= ${t.total}`),
    check(
      'invoices_gives_back_within_paid_ck',
      sql`${t.amountRefunded} >= 0 and ${t.amountCredited} >= 0 and ${t.amountRefunded} + ${t.amountCredited} <= ${t.amountPaid}`,
    ),
    check('invoices_number_when_final_ck', sql`(${t.status} = 'draft') = (${t.number} is null)`),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 15, scale: 3 }).notNull(),
    unitPrice: money('unit_price').notNull(),
    taxRate: numeric('tax_rate', { precision: 6, scale: 3 }).notNull(),
    subtotal: money('subtotal').notNull(),
    tax: money('tax').notNull(),
    total: money('total').notNull(),
    // No foreign key on purpose: services are never deleted, and checking 100,000 renewal lines
    // against them would cost the billing run a fifth of its time.
    serviceId: uuid('service_id'),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    // The line's tax classification code (HSN/SAC), copied from the product.
    code: text('code'),
  },
  (t) => [
    index('invoice_lines_invoice_idx').on(t.invoiceId, t.position),
    // A service's period is invoiced once, ever: this key makes the billing run idempotent (a
    // rerun, a concurrent run or a retry after a crash bills nothing twice). Consolidated copies
    // and cancelled invoices keep their line, so a period never frees up to be billed again.
    uniqueIndex('invoice_lines_service_period_uq')
      .on(t.serviceId, t.periodStart)
      .where(sql`${t.serviceId} is not null`),
  ],
);

// Gapless numbering: finalization increments the row inside its transaction, so a rollback
// returns the number and two finalizations can never take the same one.
export const numberCounters = pgTable(
  'number_counters',
  {
    series: text('series').notNull(),
    // The year for yearly resets; 0 for a sequence that never resets.
    year: integer('year').notNull(),
    last: money('last').notNull(),
  },
  (t) => [primaryKey({ name: 'number_counters_pk', columns: [t.series, t.year] })],
);

export const notificationChannel = pgEnum('notification_channel', ['email', 'sms', 'whatsapp']);
// 'sending': claimed by one sender (the dedupe key is taken), the provider not yet answered.
// 'skipped': a communication rule named a channel that is not configured (or a customer without
// a phone); it keeps its dedupe key, so a retried event logs the skip once.
export const notificationStatus = pgEnum('notification_status', ['sending', 'sent', 'failed', 'skipped']);

export const invoiceNotifications = pgTable(
  'invoice_notifications',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    channel: notificationChannel('channel').notNull(),
    recipient: text('recipient').notNull(),
    status: notificationStatus('status').notNull(),
    detail: text('detail'),
    providerMessageId: text('provider_message_id'),
    triggeredBy: text('triggered_by').notNull(),
    // (template, event id): a retried send finds its row and sends nothing twice.
    dedupeKey: text('dedupe_key'),
  },
  (t) => [index('invoice_notifications_invoice_idx').on(t.invoiceId, t.at), uniqueIndex('invoice_notifications_dedupe_uq').on(t.invoiceId, t.dedupeKey)],
);

/**
 * What a mass payment pays (the portal's "Pay selected"): its `top_up` invoice, once paid, puts
 * the money on the credit balance and applies it to these invoices in due-date order.
 */
export const massPaymentItems = pgTable(
  'mass_payment_items',
  {
    massPaymentId: uuid('mass_payment_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
  },
  (t) => [primaryKey({ columns: [t.massPaymentId, t.invoiceId] }), index('mass_payment_items_invoice_idx').on(t.invoiceId)],
);
