import { z } from 'zod';
import { orderStatuses } from '../billing/order-status';
import { priceCycles } from './catalog';
import { id, listInput, optionalText, type DomainInput } from './common';
import { MAX_UNIT_PRICE, minorUnits, paymentMethods, plainDate } from './invoices';

export const placeOrderInput = z.strictObject({
  customer_id: id,
  items: z
    .array(
      z.strictObject({
        product_id: id,
        cycle: z.enum(priceCycles, { error: `must be one of ${priceCycles.join(', ')}` }),
        quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000).default(1),
        options: z
          .array(z.strictObject({ option_id: id, quantity: z.number().int().min(1).max(100_000).default(1) }))
          .max(50)
          .default([]),
      }),
      { error: 'must be a list of items' },
    )
    .min(1, 'must have at least one item')
    .max(50, 'must have at most 50 items'),
  coupon_code: optionalText(50),
  payment_method: optionalText(50),
  name: optionalText(200),
});
export type PlaceOrderInput = DomainInput<typeof placeOrderInput>;

export const orderIdInput = z.object({ id });
export const changeOrderStatusInput = z.strictObject({ status: z.enum(orderStatuses) });

export const listOrdersInput = listInput.extend({
  status: z.enum(orderStatuses).optional(),
  customer: optionalText(200),
  product_id: id.optional(),
  from: plainDate.optional(),
  to: plainDate.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ListOrdersInput = DomainInput<typeof listOrdersInput>;

export const changePlanInput = z.strictObject({
  product_id: id,
  cycle: z.enum(priceCycles),
  preview: z.boolean().default(false),
  today: plainDate.optional(),
});
export type ChangePlanInput = DomainInput<typeof changePlanInput>;

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
      unit_price: z.number().int(),
      setup_fee: z.number().int(),
    }),
  ),
  services: z.array(serviceOutput),
  labels: z.array(z.string()),
  billing_day: z.number().int(),
  start_date: z.string(),
  payment_method: z.string().nullable(),
  created_at: z.string(),
});

export const changePlanOutput = z.object({
  unused_days: z.number().int(),
  period_days: z.number().int(),
  old_credit: z.number().int(),
  new_charge: z.number().int(),
  prorate: z.number().int(),
  invoice_id: z.string().nullable(),
  credit_note_id: z.string().nullable(),
});

export const orderPaymentMethodInput = z.strictObject({ id, payment_method: z.enum(paymentMethods, { error: `must be one of ${paymentMethods.join(', ')}` }) });

export const orderLabelInput = z.strictObject({
  id,
  label: z.string({ error: 'is required' }).trim().min(1, 'is required').max(40, 'must be at most 40 characters'),
});

export const editOrderPriceInput = z.strictObject({
  id,
  line_id: id,
  unit_price: minorUnits.refine((p) => p >= 0n && p < MAX_UNIT_PRICE, 'must be 0 or more, below 10^13'),
  reason: z.string({ error: 'is required' }).trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
});
export type EditOrderPriceInput = DomainInput<typeof editOrderPriceInput>;
