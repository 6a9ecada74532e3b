import { z } from 'zod';
import { MILLI, parseMilli } from '../billing/decimal';
import { invoiceStatuses } from '../billing/invoice-status';
import { isPlainDate } from '../billing/periods';
import { booleanParam, currencyCode, id, isoInstant, listInput, optionalText, type DomainInput } from './common';

export const MAX_UNIT_PRICE = 10n ** 13n;

/** A decimal with up to three places, as a number or a string, in milli units. */
const decimal3 = (field: string) =>
  z.union([z.number(), z.string()], { error: `${field} must be a number or a decimal string` }).transform((value, ctx) => {
    const milli = parseMilli(value);
    if (milli === null) {
      ctx.addIssue({ code: 'custom', message: 'must be a decimal with at most 3 decimal places' });
      return z.NEVER;
    }
    return milli;
  });

export const plainDate = z.string().refine(isPlainDate, 'must be a date like 2026-01-31');

/** An amount in minor units: a whole number, never a float. */
export const minorUnits = z
  .number({ error: 'must be an integer amount in minor units' })
  .int('must be an integer amount in minor units (no decimals)')
  .refine((n) => Number.isSafeInteger(n), 'is too large')
  .transform((n) => BigInt(n));

export const invoiceItemInput = z.strictObject({
  description: z.string({ error: 'is required' }).trim().min(1, 'is required').max(1000, 'must be at most 1000 characters'),
  quantity: decimal3('quantity').refine((q) => q > 0n, 'must be greater than 0'),
  unit_price: minorUnits.refine((p) => p > -MAX_UNIT_PRICE && p < MAX_UNIT_PRICE, 'must be less than 10^13 in absolute value'),
  tax_rate: decimal3('tax_rate')
    .refine((r) => r >= 0n && r <= 100n * MILLI, 'must be between 0 and 100')
    .optional(),
});
export type InvoiceItemInput = DomainInput<typeof invoiceItemInput>;

const items = z.array(invoiceItemInput, { error: 'must be a list of items' }).min(1, 'must have at least one item').max(500, 'must have at most 500 items');

const invoiceFields = {
  currency: currencyCode.optional(),
  due_date: plainDate.optional(),
  issue_date: plainDate.optional(),
  notes: z.string().max(10_000, 'must be at most 10000 characters').optional(),
  items,
};

export const createInvoiceInput = z.strictObject({
  customer_id: id,
  status: z.enum(['draft', 'pending']).default('pending'),
  ...invoiceFields,
});
export type CreateInvoiceInput = DomainInput<typeof createInvoiceInput>;

export const updateInvoiceInput = z.strictObject({
  currency: invoiceFields.currency,
  due_date: invoiceFields.due_date,
  issue_date: invoiceFields.issue_date,
  notes: z.string().max(10_000, 'must be at most 10000 characters').nullable().optional(),
  items: items.optional(),
});
export type UpdateInvoiceInput = DomainInput<typeof updateInvoiceInput>;

export const paymentMethods = ['cash', 'card', 'bank_transfer', 'prepaid_card', 'collector', 'online', 'stripe', 'paypal', 'credit'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const recordPaymentInput = z.strictObject({
  amount: minorUnits.refine((a) => a > 0n, 'must be greater than 0'),
  method: z.enum(paymentMethods, { error: `must be one of ${paymentMethods.join(', ')}` }),
  reference: optionalText(200),
  paid_at: isoInstant.optional(),
});
export type RecordPaymentInput = DomainInput<typeof recordPaymentInput>;

export const markPaidInput = z.strictObject({
  method: z.enum(paymentMethods, { error: `must be one of ${paymentMethods.join(', ')}` }).optional(),
  reference: optionalText(200),
});

export const invoiceIdInput = z.object({ id });

const integerParam = z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').refine(Number.isSafeInteger, 'is too large');

export const listInvoicesInput = listInput.extend({
  status: z.enum(invoiceStatuses).optional(),
  kind: z.enum(['invoice', 'proforma', 'credit_note', 'debit_note']).optional(),
  customer: optionalText(200),
  date_field: z.enum(['issue', 'due']).default('issue'),
  from: plainDate.optional(),
  to: plainDate.optional(),
  currency: currencyCode.optional(),
  min_total: integerParam.optional(),
  max_total: integerParam.optional(),
  reseller_id: id.optional(),
  order_id: id.optional(),
  include_deleted: booleanParam.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ListInvoicesInput = DomainInput<typeof listInvoicesInput>;

export const publicInvoiceInput = z.object({ token: z.string().max(200).default('') });

const itemOutput = z.object({
  id: z.string(),
  description: z.string(),
  quantity: z.string(),
  unit_price: z.number().int(),
  tax_rate: z.string(),
  subtotal: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
});

export const invoiceOutput = z.object({
  id: z.string(),
  number: z.string().nullable(),
  kind: z.enum(['invoice', 'proforma', 'credit_note', 'debit_note']),
  status: z.enum(invoiceStatuses),
  customer_id: z.string(),
  currency: z.string(),
  issue_date: z.string(),
  due_date: z.string(),
  paid_at: z.string().nullable(),
  deleted_at: z.string().nullable(),
  subtotal: z.number().int(),
  tax_total: z.number().int(),
  total: z.number().int(),
  amount_paid: z.number().int(),
  amount_refunded: z.number().int(),
  balance: z.number().int(),
  items: z.array(itemOutput),
  notes: z.string().nullable(),
  consolidated_into_id: z.string().nullable(),
  corrects_invoice_id: z.string().nullable(),
  order_id: z.string().nullable(),
  public_url: z.string(),
  notifications: z.array(z.object({ at: z.string(), channel: z.string(), status: z.string(), detail: z.string().nullable() })),
  created_at: z.string(),
});

export const channelNames = { email: 'E-mail', sms: 'SMS', whatsapp: 'WhatsApp' } as const;
export type Channel = keyof typeof channelNames;
export const sendInvoiceInput = z.strictObject({ channel: z.enum(['email', 'sms', 'whatsapp'], { error: 'must be email, sms or whatsapp' }) });

/** One entry of an invoice's notification log. */
export const notificationOutput = z.object({
  id: z.string(),
  at: z.string(),
  channel: z.enum(['email', 'sms', 'whatsapp']),
  recipient: z.string(),
  status: z.enum(['sending', 'sent', 'failed']),
  detail: z.string().nullable().describe('the provider’s error for a failed send'),
  provider_message_id: z.string().nullable(),
  triggered_by: z.string(),
});

export const paymentOutput = z.object({
  id: z.string(),
  amount: z.number().int(),
  method: z.enum(paymentMethods),
  reference: z.string().nullable(),
  paid_at: z.string(),
});

export const refundInput = z.strictObject({
  amount: minorUnits.refine((a) => a > 0n, 'must be greater than 0').optional(),
  payment_id: id.optional(),
  reason: optionalText(500),
  to_credit: z.boolean().default(false),
});
export type RefundInput = DomainInput<typeof refundInput>;

export const correctionInput = z.strictObject({
  items,
  reason: z.string({ error: 'is required' }).trim().min(1, 'is required').max(1000),
});

export const refundOutput = z.object({
  refund: z.object({
    id: z.string(),
    amount: z.number().int(),
    method: z.string(),
    to_credit: z.boolean(),
    payment_id: z.string().nullable(),
    reason: z.string().nullable(),
    created_at: z.string(),
  }),
  invoice: invoiceOutput,
  credit_note_id: z.string().nullable(),
});
