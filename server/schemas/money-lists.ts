import { z } from 'zod';
import { serviceStatuses } from '../billing/order-status';
import { currencyCode, id, listInput, optionalText, sortParam, type DomainInput } from './common';
import { paymentMethods, plainDate } from './invoices';

/*
 * The Payments and Services lists (docs/payments-and-services.md): the console's pages, tRPC
 * `payments.list` / `services.list` and GET /api/v1/payments, /api/v1/services read the same
 * filters, snake_case on the wire.
 */

export const paymentEntryTypes = ['payment', 'refund'] as const;
export type PaymentEntryType = (typeof paymentEntryTypes)[number];

const customerFilter = optionalText(200);

/** What the Payments list sorts by (`sort`, `-` for descending); absent: newest first by date. */
export const paymentSortKeys = ['date', 'amount'] as const;

export const listPaymentsInput = listInput.extend({
  type: z.enum(paymentEntryTypes).optional(),
  method: z.enum(paymentMethods).optional(),
  // On the date the money moved: a payment's paid_at, a refund's refunded_at (whole UTC days).
  from: plainDate.optional(),
  to: plainDate.optional(),
  // The customer's id, or part of its name or e-mail.
  customer: customerFilter,
  currency: currencyCode.optional(),
  // The reseller whose book holds the customer now.
  reseller_id: id.optional(),
  sort: sortParam(paymentSortKeys).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ListPaymentsInput = DomainInput<typeof listPaymentsInput>;

export const paymentEntryOutput = z.object({
  id: z.string(),
  type: z.enum(paymentEntryTypes),
  date: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  method: z.enum(paymentMethods),
  reference: z.string().nullable(),
  provider: z.string().nullable(),
  provider_id: z.string().nullable(),
  invoice_id: z.string(),
  invoice_number: z.string().nullable(),
  customer_id: z.string(),
  customer_name: z.string(),
  recorded_by: z.string().nullable(),
});

/** How far ahead "terminating soon" looks, in days. */
export const terminatingWithin = z.coerce
  .number({ error: 'must be a number of days' })
  .int('must be a whole number of days')
  .min(0, 'must be between 0 and 365')
  .max(365, 'must be between 0 and 365');

/** What the Services list sorts by (`sort`, `-` for descending); absent: newest first. */
export const serviceSortKeys = ['name', 'customer', 'next_due', 'created'] as const;
export type ServiceSortKey = (typeof serviceSortKeys)[number];

export const listServicesInput = listInput.extend({
  status: z.enum(serviceStatuses).optional(),
  product_id: id.optional(),
  customer: customerFilter,
  // On next_due_date, both ends included.
  due_from: plainDate.optional(),
  due_to: plainDate.optional(),
  reseller_id: id.optional(),
  terminating_within: terminatingWithin.optional(),
  sort: sortParam(serviceSortKeys).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ListServicesInput = DomainInput<typeof listServicesInput>;

export const serviceEntryOutput = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(serviceStatuses),
  product_id: z.string(),
  product_name: z.string(),
  cycle: z.string(),
  currency: z.string(),
  price: z.number().int(),
  quantity: z.number().int(),
  usage_unit_price: z.string().nullable(),
  next_due_date: z.string(),
  terminates_on: z.string().nullable(),
  order_id: z.string(),
  order_number: z.string(),
  customer_id: z.string(),
  customer_name: z.string(),
  created_at: z.string(),
});
