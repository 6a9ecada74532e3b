import { z } from 'zod';
import { formatMicro, MICRO } from '../billing/decimal';
import { orderStatuses } from '../billing/order-status';
import { priceCycles, unitAmount } from './catalog';
import { id, listInput, optionalText, sortParam, type DomainInput } from './common';
import { MAX_UNIT_PRICE, minorUnits, paymentMethods, plainDate, preview } from './invoices';

const chosenOptions = z
  .array(z.strictObject({ option_id: id, quantity: z.number().int().min(1).max(100_000).default(1) }))
  .max(50)
  .default([]);

const cartItem = z.strictObject({
  product_id: id,
  cycle: z.enum(priceCycles, { error: `must be one of ${priceCycles.join(', ')}` }),
  quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000).default(1),
  options: chosenOptions,
});
const itemList = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: 'must be a list of items' }).min(1, 'must have at least one item').max(50, 'must have at most 50 items');

/** What a cart holds: products, cycles and options — never a price (the storefront's items). */
export const cartItemsInput = itemList(cartItem);

/** The wire's e-mail modes; the database's auto_email enum spells the last one invoice_and_link. */
export const emailModes = ['off', 'invoice', 'invoice_with_payment_link'] as const;
export type EmailMode = (typeof emailModes)[number];

// The contract fields (docs/contract-orders.md): any of them, or `draft: true`, makes a contract
// order, billed on its billing day by the billing run instead of by a first invoice.
const contractFields = {
  name: optionalText(200),
  contact_email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().toLowerCase().pipe(z.email('must be a valid e-mail address').max(320)).optional(),
  ),
  billing_day: z.number().int('must be a whole number').min(1, 'must be 1 to 31').max(31, 'must be 1 to 31').optional(),
  due_days: z.number().int('must be a whole number').min(0, 'must be 0 to 365').max(365, 'must be 0 to 365').optional(),
  start_date: plainDate.optional(),
  end_date: plainDate.nullable().optional(),
  email_mode: z.enum(emailModes, { error: `must be one of ${emailModes.join(', ')}` }).optional(),
  items: itemList(
    cartItem.extend({
      // A custom amount per unit and cycle, in minor units, instead of the catalog's plan and
      // options: whole (bigint), or for a usage product's unit price a decimal string with up to
      // six decimals (priceCart refuses decimals on other products).
      price: unitAmount
        .refine((p) => p < MAX_UNIT_PRICE * MICRO, 'must be 0 or more, below 10^13')
        .transform((p) => (p % MICRO === 0n ? p / MICRO : formatMicro(p)))
        .optional(),
    }),
  ),
};

export const placeOrderInput = z.strictObject({
  customer_id: id,
  coupon_code: optionalText(50),
  payment_method: optionalText(50),
  draft: z.boolean().optional(),
  document: z
    .enum(['invoice', 'proforma'], { error: 'must be invoice or proforma' })
    .optional()
    .describe('the order’s first document: an invoice (the default), or a proforma that becomes the invoice when paid'),
  ...contractFields,
});
export type PlaceOrderInput = DomainInput<typeof placeOrderInput>;

/** A draft contract order's changes: the same fields, each optional; `items` replaces the lines. */
export const updateOrderInput = z.strictObject({
  payment_method: optionalText(50),
  ...contractFields,
  contact_email: contractFields.contact_email.nullable(),
  items: contractFields.items.optional(),
});
export type UpdateOrderInput = DomainInput<typeof updateOrderInput>;

export const orderIdInput = z.object({ id });
/** The order page's Create invoice / Create proforma: a draft for the order's lines. */
export const orderDocumentInput = z.strictObject({ kind: z.enum(['invoice', 'proforma'], { error: 'must be invoice or proforma' }) });
export const changeOrderStatusInput = z.strictObject({ status: z.enum(orderStatuses) });

/** What the order list sorts by (`sort`, `-` for descending); absent: newest first. */
export const orderSortKeys = ['number', 'customer', 'total', 'created'] as const;
export type OrderSortKey = (typeof orderSortKeys)[number];

export const listOrdersInput = listInput.extend({
  status: z.enum(orderStatuses).optional(),
  customer: optionalText(200),
  product_id: id.optional(),
  from: plainDate.optional(),
  to: plainDate.optional(),
  sort: sortParam(orderSortKeys).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ListOrdersInput = DomainInput<typeof listOrdersInput>;

/**
 * A service's new plan: product, cycle and the options it runs with (a required group's choice
 * is refused under `options.<group id>` when missing); `preview` writes nothing.
 */
export const changePlanInput = z.strictObject({
  product_id: id,
  cycle: z.enum(priceCycles),
  options: chosenOptions,
  preview: z.boolean().default(false),
  today: plainDate.optional(),
});
export type ChangePlanInput = DomainInput<typeof changePlanInput>;
/** The portal's plan change: the customer's own service, priced today (no date of their choosing). */
export const ownPlanChangeInput = changePlanInput.omit({ today: true }).extend({ service_id: id });

/** A customer's cancellation request for their own service (when it ends is the settings'). */
export const cancelOwnServiceInput = z.strictObject({ service_id: id, reason: optionalText(500), preview: preview });

/** A service's new seats (docs/contract-orders.md, "Seats"); `preview` writes nothing. */
export const changeSeatsInput = z.strictObject({
  quantity: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
  preview: z.boolean().default(false),
});
export type ChangeSeatsInput = DomainInput<typeof changeSeatsInput>;

export const serviceOutput = z.object({ id: z.string(), status: z.string(), next_due_date: z.string() });

export const orderOutput = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(orderStatuses),
  awaiting_approval: z.boolean(),
  customer_id: z.string(),
  name: z.string(),
  total: z.number().int(),
  currency: z.string(),
  invoice_id: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      product_id: z.string(),
      description: z.string(),
      cycle: z.string(),
      quantity: z.string(),
      unit_price: z.union([z.number().int(), z.string()]).describe('minor units; per unit as a decimal string on a usage line'),
      setup_fee: z.number().int(),
    }),
  ),
  services: z.array(serviceOutput),
  labels: z.array(z.string()),
  billing_day: z.number().int(),
  start_date: z.string(),
  payment_method: z.string().nullable(),
  created_at: z.string(),
  contract: z.boolean(),
  due_days: z.number().int(),
  end_date: z.string().nullable(),
  email_mode: z.enum(emailModes),
  contact_email: z.string().nullable(),
});

export const changePlanOutput = z.object({
  unused_days: z.number().int(),
  period_days: z.number().int(),
  old_credit: z.number().int(),
  new_charge: z.number().int(),
  prorate: z.number().int(),
  invoice_id: z.string().nullable(),
  credit_note_id: z.string().nullable(),
  new_price: z.number().int().describe('what the service renews at on the new plan, per cycle (minor units)'),
});

export const changeSeatsOutput = z.object({
  quantity: z.number().int(),
  previous_quantity: z.number().int(),
  unit_price: z.number().int(),
  price: z.number().int(),
  previous_price: z.number().int(),
  period_start: z.string().nullable(),
  period_end: z.string().nullable(),
  unused_days: z.number().int(),
  period_days: z.number().int(),
  old_credit: z.number().int(),
  new_charge: z.number().int(),
  prorate: z.number().int(),
  charge: z.number().int(),
  credit: z.number().int(),
  total: z.number().int(),
  invoice_id: z.string().nullable(),
  credit_note_id: z.string().nullable(),
});

export const orderPaymentMethodInput = z.strictObject({ id, payment_method: z.enum(paymentMethods, { error: `must be one of ${paymentMethods.join(', ')}` }) });

export const orderLabelInput = z.strictObject({
  id,
  label: z.string({ error: 'is required' }).trim().min(1, 'is required').max(40, 'must be at most 40 characters'),
});

/** What Edit price did: the order, and the document that carried the current period along. */
export const editOrderPriceOutput = z.object({
  order: orderOutput,
  invoice_id: z.string(),
  document: z.enum(['invoice_edited', 'credit_note', 'debit_note']),
  number: z.string().nullable().describe('the edited invoice’s or the note’s number'),
  total: z.number().int().describe('the edited invoice’s or the note’s total'),
  total_change: z.number().int().describe('what the current period is billed more (positive) or less (negative) than before'),
});

export const editOrderPriceInput = z.strictObject({
  id,
  line_id: id,
  unit_price: minorUnits.refine((p) => p >= 0n && p < MAX_UNIT_PRICE, 'must be 0 or more, below 10^13'),
  reason: z.string({ error: 'is required' }).trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
  preview,
});
export type EditOrderPriceInput = DomainInput<typeof editOrderPriceInput>;

/** Change customer: the order, its services and its unpaid documents move to another profile of the same person. */
export const changeOrderCustomerInput = z.strictObject({ id, customer_id: id });
export type ChangeOrderCustomerInput = DomainInput<typeof changeOrderCustomerInput>;
