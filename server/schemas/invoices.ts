import { z } from 'zod';
import { MILLI, parseMilli } from '../billing/decimal';
import { invoiceStatuses, type InvoiceStatus } from '../billing/invoice-status';
import { isPlainDate } from '../billing/periods';
import { booleanParam, currencyCode, id, isoInstant, listInput, optionalText, requiredText, sortParam, type DomainInput } from './common';
import { billingAddressInput, customerOutput } from './customers';
import { deskPaymentMethods } from './invoice-desk';

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

/** Text a PATCH may clear: absent leaves it, null or an empty string removes it. */
const clearableText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional(),
  );

/** An amount in minor units: a whole number, never a float. */
export const minorUnits = z
  .number({ error: 'must be an integer amount in minor units' })
  .int('must be an integer amount in minor units (no decimals)')
  .refine((n) => Number.isSafeInteger(n), 'is too large')
  .transform((n) => BigInt(n));

const invoiceItemFields = {
  description: z.string({ error: 'is required' }).trim().min(1, 'is required').max(1000, 'must be at most 1000 characters'),
  quantity: decimal3('quantity').refine((q) => q > 0n, 'must be greater than 0'),
  unit_price: minorUnits.refine((p) => p > -MAX_UNIT_PRICE && p < MAX_UNIT_PRICE, 'must be less than 10^13 in absolute value'),
  tax_rate: decimal3('tax_rate')
    .refine((r) => r >= 0n && r <= 100n * MILLI, 'must be between 0 and 100')
    .optional(),
  // The period the line covers, both days included.
  period_start: plainDate.nullable().optional(),
  period_end: plainDate.nullable().optional(),
  // A tax classification code (HSN/SAC).
  code: clearableText(50),
};

function checkPeriod(item: { period_start?: string | null | undefined; period_end?: string | null | undefined }, ctx: z.RefinementCtx) {
  if (!item.period_start !== !item.period_end) {
    ctx.addIssue({ code: 'custom', path: [item.period_start ? 'period_end' : 'period_start'], message: 'is required with the other end of the period' });
  } else if (item.period_start && item.period_end && item.period_end < item.period_start) {
    ctx.addIssue({ code: 'custom', path: ['period_end'], message: 'must not be before the period start' });
  }
}

export const invoiceItemInput = z.strictObject(invoiceItemFields).superRefine(checkPeriod);
export type InvoiceItemInput = DomainInput<typeof invoiceItemInput>;

/**
 * An item of an edit: with the `id` of one of the invoice's lines it is that line, edited (it
 * keeps the service it bills, and its period and code unless they are sent); without, a new line.
 */
export const invoiceEditItemInput = z
  .strictObject({
    id: id.optional().describe('an existing line of this invoice, edited in place: it keeps the service period it bills; omit for a new line'),
    ...invoiceItemFields,
  })
  .superRefine(checkPeriod);
export type InvoiceEditItemInput = DomainInput<typeof invoiceEditItemInput>;

const itemList = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: 'must be a list of items' }).min(1, 'must have at least one item').max(500, 'must have at most 500 items');
const items = itemList(invoiceItemInput);

const invoiceFields = {
  currency: currencyCode.optional(),
  due_date: plainDate.optional(),
  issue_date: plainDate.optional(),
  notes: z.string().max(10_000, 'must be at most 10000 characters').optional(),
  items,
};

const internalNotes = z.string().max(10_000, 'must be at most 10000 characters');

export const createInvoiceInput = z.strictObject({
  customer_id: id,
  kind: z
    .enum(['invoice', 'proforma'], { error: 'must be invoice or proforma' })
    .optional()
    .describe('invoice (the default) or proforma: a proforma has its own number series, is no tax document, and becomes a paid invoice when paid in full'),
  status: z.enum(['draft', 'pending']).default('pending'),
  ...invoiceFields,
  internal_notes: internalNotes.optional().describe('the desk’s own notes: never printed, mailed or shown to the customer'),
});
export type CreateInvoiceInput = DomainInput<typeof createInvoiceInput>;

/**
 * A field of the invoice object the server computes. The contract has a create that carries one
 * (an integration posting back what it read, or its own running total) ignore it rather than
 * refuse it; unknown keys are still refused. readOnly tells generated clients the same.
 */
const computed = (description: string) =>
  z
    .unknown()
    .optional()
    .meta({ readOnly: true, description: `${description}; computed by the server, ignored if sent` });

const computedItemFields = {
  id: computed('the line’s id'),
  subtotal: computed('quantity × unit price'),
  tax: computed('the line’s tax'),
  total: computed('subtotal + tax'),
};

const computedInvoiceFields = {
  id: computed('the invoice’s id'),
  number: computed('the gapless number, assigned when the invoice is finalized'),
  subtotal: computed('Σ line subtotals'),
  tax_total: computed('Σ line taxes'),
  total: computed('subtotal + tax_total'),
  amount_paid: computed('Σ payments'),
  amount_refunded: computed('Σ refunds'),
  balance: computed('what is still owed'),
  paid_at: computed('when it was paid in full'),
  deleted_at: computed('when it was deleted'),
  public_url: computed('the customer’s link'),
  notifications: computed('the log of sends'),
  created_at: computed('when it was created'),
};

function withoutKeys<K extends string>(fields: Record<K, unknown>) {
  const ignored = new Set<string>(Object.keys(fields));
  return <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([key]) => !ignored.has(key))) as Omit<T, K>;
}

const invoiceItemRequest = z
  .strictObject({ ...invoiceItemFields, ...computedItemFields })
  .superRefine(checkPeriod)
  .transform(withoutKeys(computedItemFields));

/**
 * `POST /api/v1/invoices`: the create input, plus the invoice object's computed fields accepted
 * and dropped. A status the server computes (paid, overdue …) is dropped too: the invoice starts
 * pending.
 */
export const createInvoiceRequest = z
  .strictObject({
    ...createInvoiceInput.shape,
    status: z
      .enum(invoiceStatuses, { error: `must be one of ${invoiceStatuses.join(', ')}` })
      .optional()
      .transform((status) => (status === 'draft' ? status : 'pending'))
      .describe('draft or pending (the default); any other status is computed by the server and ignored'),
    items: itemList(invoiceItemRequest),
    ...computedInvoiceFields,
  })
  .transform(withoutKeys(computedInvoiceFields));

/**
 * Changes to a numbered document's addressee (its customer snapshot): absent fields stay, null
 * or empty ones are removed. The customer record itself is not touched.
 */
export const customerSnapshotInput = z.strictObject({
  name: requiredText(200).optional(),
  company: clearableText(200),
  tax_id: clearableText(50),
  billing_address: billingAddressInput.nullable().optional(),
  place_of_supply: clearableText(100),
});

/**
 * On the money actions (API.md, "Previews"): answer with what the call would write — the same
 * shape, with `preview: true` — and write nothing.
 */
export const preview = z.boolean().optional().describe('answer with what the call would write, and write nothing');
/** A preview's answer says so; ids it shows belong to documents that were never written. */
export const previewed = <S extends z.ZodObject>(output: S) =>
  output.extend({ preview: z.literal(true).optional().describe('present on a preview: nothing was written, and its ids name no record') });

export const updateInvoiceInput = z.strictObject({
  currency: invoiceFields.currency,
  due_date: invoiceFields.due_date,
  issue_date: invoiceFields.issue_date,
  notes: z.string().max(10_000, 'must be at most 10000 characters').nullable().optional(),
  items: itemList(invoiceEditItemInput).optional(),
  // The customer's purchase order or contract number.
  po_number: clearableText(100),
  customer_snapshot: customerSnapshotInput.optional(),
  // Never printed: editable on any document, paid or cancelled, when sent alone.
  internal_notes: internalNotes.nullable().optional(),
  preview,
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

// Gateway payments are recorded by their gateways and credit by Apply credit, so the schema (and
// the OpenAPI document generated from it) offers only money received outside Cashdesk.
export const markPaidInput = z.strictObject({
  method: z.enum(deskPaymentMethods, { error: `must be a method received outside Cashdesk: ${deskPaymentMethods.join(', ')}` }).optional(),
  reference: optionalText(200),
});

export const invoiceIdInput = z.object({ id });

/** Apply credit balance: all it covers (no amount), or the part the desk or the customer types. */
export const applyCreditInput = z.strictObject({
  amount: minorUnits
    .refine((a) => a > 0n, 'must be greater than 0')
    .optional()
    .describe('minor units to take from the credit balance; omitted: as much as it covers, up to the balance due'),
});

const integerParam = z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').refine(Number.isSafeInteger, 'is too large');

/** At most a few pages of a list: what a selection on the console (bulk actions, Export selected) may hold. */
export const bulkLimit = 100;

/**
 * A list's status filter: one status, or several separated by commas — `pending,partial,overdue`
 * is what is still open (the aging report's cells link to it).
 */
const statusFilter = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((status) => status.trim()).filter(Boolean))
  .refine(
    (statuses) => statuses.length > 0 && statuses.every((status) => (invoiceStatuses as readonly string[]).includes(status)),
    `must be one or more of ${invoiceStatuses.join(', ')}, separated by commas`,
  )
  .transform((statuses) => statuses as InvoiceStatus[]);

/** What the invoice list sorts by (`sort`, `-` for descending); absent: newest first. */
export const invoiceSortKeys = ['number', 'customer', 'issued', 'due', 'total', 'created'] as const;
export type InvoiceSortKey = (typeof invoiceSortKeys)[number];

export const listInvoicesInput = listInput.extend({
  status: statusFilter.optional(),
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
  sort: sortParam(invoiceSortKeys).optional(),
  /** Only these invoices, comma-separated in a URL (the console's Export selected). */
  ids: z
    .union([z.string().transform((list) => list.split(',').filter(Boolean)), z.array(z.string())], { error: 'must be invoice ids separated by commas' })
    .pipe(z.array(id).max(bulkLimit, `must list at most ${bulkLimit} ids`))
    .optional(),
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
  period_start: z.string().nullable().describe('first day of the period the line covers'),
  period_end: z.string().nullable().describe('last day of the period the line covers (included)'),
  code: z.string().nullable().describe('tax classification code, e.g. HSN/SAC'),
});

export const customerSnapshotOutput = z
  .object({
    name: z.string(),
    company: z.string().nullable(),
    email: z.string(),
    tax_id: z.string().nullable(),
    billing_address: customerOutput.shape.billing_address,
    place_of_supply: z.string().nullable(),
  })
  .nullable()
  .describe('the addressee, frozen when the number was assigned; null for drafts and documents numbered before snapshots');

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
  notes: z.string().nullable().describe('printed on the document'),
  internal_notes: z.string().nullable().optional().describe('the desk’s own notes; absent from what a customer reads'),
  proforma_id: z.string().nullable().describe('on an invoice issued for a paid proforma, that proforma'),
  converted_invoice_id: z.string().nullable().describe('on a paid proforma, the invoice it became'),
  consolidated_into_id: z.string().nullable(),
  corrects_invoice_id: z.string().nullable(),
  order_id: z.string().nullable(),
  order_name: z.string().nullable().describe('the contract order’s name, shown to the customer'),
  po_number: z.string().nullable(),
  customer_snapshot: customerSnapshotOutput,
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
  status: z.enum(['sending', 'sent', 'failed', 'skipped']),
  detail: z.string().nullable().describe('the provider’s error for a failed send, or why a channel was skipped'),
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
  preview,
});
export type RefundInput = DomainInput<typeof refundInput>;

export const correctionInput = z.strictObject({
  items,
  reason: z.string({ error: 'is required' }).trim().min(1, 'is required').max(1000),
  preview,
});

/** A customer's open invoices in one currency merged into one (DESIGN.md §4). */
export const consolidateInput = z.strictObject({ currency: currencyCode.optional(), preview });

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
  credit_note: invoiceOutput.nullable(),
});
