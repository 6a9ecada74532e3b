import { sql } from 'drizzle-orm';
import { char, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, money } from './columns';
import { customers } from './customers';
import { invoices } from './invoices';

/**
 * A batch of prepaid cards printed together: every card in it is worth `value` minor units of
 * `currency` until the end of `expires_on` (UTC). Voiding the batch voids its unused cards.
 */
export const voucherBatches = pgTable(
  'voucher_batches',
  {
    id: id(),
    name: text('name'),
    value: money('value').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    // The last day a card of the batch may be redeemed, inclusive.
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    count: integer('count').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    voidedAt: timestamp('voided_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    index('voucher_batches_created_idx').on(t.createdAt, t.id),
    check('voucher_batches_value_positive_ck', sql`${t.value} > 0`),
    check('voucher_batches_count_positive_ck', sql`${t.count} > 0`),
  ],
);

/**
 * One prepaid card. The code is looked up by `code_hash` (HMAC of the server secret and the bare
 * code) and kept otherwise only sealed (AES-GCM under the secret) for the batch's printable sheet
 * and CSV: a database dump alone neither redeems nor prints a card (docs/prepaid-cards.md).
 */
export const vouchers = pgTable(
  'vouchers',
  {
    id: id(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => voucherBatches.id),
    codeHash: text('code_hash').notNull(),
    codeSealed: text('code_sealed').notNull(),
    // The last four symbols, what the desk, the invoice line and receipts show.
    codeTail: char('code_tail', { length: 4 }).notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true, precision: 3 }),
    redeemedById: uuid('redeemed_by_id').references(() => customers.id),
    // The invoice its redemption wrote (paid with method prepaid_card).
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    voidedAt: timestamp('voided_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    // A code is one card, ever: generation redraws on a clash rather than minting a twin.
    uniqueIndex('vouchers_code_hash_uq').on(t.codeHash),
    index('vouchers_batch_idx').on(t.batchId, t.createdAt, t.id),
    index('vouchers_redeemed_by_idx').on(t.redeemedById),
    // Redeemed once and completely: the customer, the invoice and the moment go together.
    check('vouchers_redeemed_whole_ck', sql`(${t.redeemedAt} is null) = (${t.redeemedById} is null) and (${t.redeemedAt} is null) = (${t.invoiceId} is null)`),
    check('vouchers_redeemed_or_voided_ck', sql`${t.redeemedAt} is null or ${t.voidedAt} is null`),
  ],
);
