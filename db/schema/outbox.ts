import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { invoices } from './invoices';

/**
 * Where e-mail goes when no provider is configured (no RESEND_API_KEY): every message as it
 * would have been sent, so a fresh `npm start` shows in Admin → Outbox what customers would get.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    from: text('from').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    // File names only: the PDF is rendered again from the invoice when someone wants it.
    attachments: jsonb('attachments').$type<string[]>().notNull().default([]),
    template: text('template').notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'set null' }),
    // The sender's idempotency key, honoured as Resend honours it: a retried send is kept once.
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
  },
  (t) => [index('email_outbox_created_idx').on(t.createdAt, t.id), uniqueIndex('email_outbox_idempotency_uq').on(t.idempotencyKey)],
);
