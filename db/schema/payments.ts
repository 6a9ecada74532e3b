import { sql } from 'drizzle-orm';
import { boolean, char, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, money } from './columns';
import { customers } from './customers';
import { invoices } from './invoices';

export const paymentMethod = pgEnum('payment_method', [
  'cash',
  'card',
  'bank_transfer',
  'prepaid_card',
  'collector',
  'online',
  'stripe',
  'paypal',
  'credit',
]);

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
    uniqueIndex('refunds_provider_uq').on(t.provider, t.providerId),
    check('refunds_amount_positive_ck', sql`${t.amount} > 0`),
  ],
);
