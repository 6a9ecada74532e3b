import { sql } from 'drizzle-orm';
import { char, check, date, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, money } from './columns';
import { customers } from './customers';
import { invoices } from './invoices';
import { payments, refunds } from './payments';

export const transactionType = pgEnum('transaction_type', ['income', 'refund', 'credit', 'commission_payout']);

/**
 * The money ledger (`GET /api/v1/transactions`): one row each time money moves, written in the
 * same database transaction as the movement itself — an `income` per payment, a `refund` per
 * refund, a `credit` per credit granted outside an invoice, a `commission_payout` per payout to
 * a reseller. Amounts are always positive; the type says which way the money went.
 */
export const ledgerTransactions = pgTable(
  'transactions',
  {
    id: id(),
    type: transactionType('type').notNull(),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    paymentId: uuid('payment_id').references(() => payments.id),
    refundId: uuid('refund_id').references(() => refunds.id),
    customerId: uuid('customer_id').references(() => customers.id),
    // The reseller whose book it belongs to when it was written (the customer's, or the payee).
    resellerId: uuid('reseller_id').references(() => users.id),
    reference: text('reference'),
    // Who moved it, as the audit log names them (a user's e-mail, an API key, stripe, system).
    actor: text('actor').notNull(),
    // A payout settles the commission on invoices issued in this range (inclusive).
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    createdAt: createdAt(),
  },
  (t) => [
    index('transactions_created_idx').on(t.createdAt, t.id),
    index('transactions_customer_idx').on(t.customerId, t.createdAt),
    index('transactions_reseller_idx').on(t.resellerId, t.type, t.currency),
    // Exactly one ledger row per payment and per refund, however often the write is retried.
    uniqueIndex('transactions_payment_uq')
      .on(t.paymentId)
      .where(sql`${t.type} = 'income'`),
    uniqueIndex('transactions_refund_uq')
      .on(t.refundId)
      .where(sql`${t.type} = 'refund'`),
    check('transactions_amount_positive_ck', sql`${t.amount} > 0`),
    check(
      'transactions_payout_period_ck',
      sql`${t.type} <> 'commission_payout' or (${t.resellerId} is not null and ${t.periodFrom} is not null and ${t.periodTo} is not null)`,
    ),
  ],
);
