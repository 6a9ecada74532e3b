import { sql } from 'drizzle-orm';
import { boolean, char, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, money } from './columns';
import { customers } from './customers';
import { invoices } from './invoices';

export const paymentMethod = pgEnum('payment_method', ['cash', 'card', 'bank_transfer', 'prepaid_card', 'collector', 'online', 'stripe', 'paypal', 'credit']);

export const payments = pgTable(
  'payments',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    method: paymentMethod('method').notNull(),
    reference: text('reference'),
    paidAt: timestamp('paid_at', { withTimezone: true, precision: 3 }).notNull(),
    // Gateway payments carry the gateway's id; a duplicate webhook delivery hits this index.
    provider: text('provider'),
    providerId: text('provider_id'),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('payments_invoice_idx').on(t.invoiceId, t.paidAt),
    index('payments_customer_idx').on(t.customerId, t.createdAt, t.id),
    // The revenue report sums one currency's payments by paid date from the index alone.
    index('payments_report_idx').on(t.currency, t.paidAt, t.amount),
    // The Payments list pages newest first by (paid_at, id).
    index('payments_paid_idx').on(t.paidAt, t.id),
    uniqueIndex('payments_provider_uq').on(t.provider, t.providerId),
    check('payments_amount_positive_ck', sql`${t.amount} > 0`),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    paymentId: uuid('payment_id').references(() => payments.id),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    // Back through the gateway, recorded for a manual method, or onto the credit balance.
    toCredit: boolean('to_credit').notNull().default(false),
    method: paymentMethod('method').notNull(),
    reason: text('reason'),
    provider: text('provider'),
    providerId: text('provider_id'),
    creditNoteId: uuid('credit_note_id').references(() => invoices.id),
    createdAt: createdAt(),
    refundedAt: timestamp('refunded_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    index('refunds_invoice_idx').on(t.invoiceId),
    index('refunds_payment_idx').on(t.paymentId),
    index('refunds_report_idx').on(t.currency, t.refundedAt, t.amount),
    // The Payments list pages refunds newest first by (refunded_at, id).
    index('refunds_refunded_idx').on(t.refundedAt, t.id),
    uniqueIndex('refunds_provider_uq').on(t.provider, t.providerId),
    check('refunds_amount_positive_ck', sql`${t.amount} > 0`),
  ],
);

export const gatewayProvider = pgEnum('gateway_provider', ['stripe', 'paypal']);

/**
 * One customer's try at paying an invoice through a gateway: a Stripe Checkout Session or a
 * PayPal order. The attempt number makes the gateway idempotency key, so a retried request
 * never opens a second session for the same click.
 */
export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    provider: gatewayProvider('provider').notNull(),
    attempt: integer('attempt').notNull(),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    // The session or order id, and where the customer pays it; null until the gateway answered.
    providerRef: text('provider_ref'),
    url: text('url'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payment_attempts_invoice_uq').on(t.invoiceId, t.provider, t.attempt),
    uniqueIndex('payment_attempts_ref_uq').on(t.provider, t.providerRef),
  ],
);

/**
 * Every webhook delivery that passed its signature check, stored once per gateway event id:
 * a redelivered event finds its row and records nothing twice. Handling is retried until
 * `processed_at` is set.
 */
export const gatewayEvents = pgTable(
  'gateway_events',
  {
    id: id(),
    provider: gatewayProvider('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true, precision: 3 }),
    // What handling did (e.g. "payment recorded", "ignored: unknown invoice") or its last error.
    outcome: text('outcome'),
  },
  (t) => [uniqueIndex('gateway_events_event_uq').on(t.provider, t.eventId), index('gateway_events_received_idx').on(t.receivedAt)],
);
