import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { orderStatuses, serviceStatuses } from '../../server/billing/order-status';
import { users } from './auth';
import { coupons, priceCycle, products } from './catalog';
import { createdAt, id, money, updatedAt } from './columns';
import { customers } from './customers';

export const orderStatus = pgEnum('order_status', orderStatuses);
export const autoEmailMode = pgEnum('auto_email_mode', ['off', 'invoice', 'invoice_and_link']);
export const serviceStatus = pgEnum('service_status', serviceStatuses);

export type OrderContact = { name: string; email: string };
/** The options chosen on a line, priced when the order was placed. */
export type ChosenOption = { groupId: string; optionId: string; name: string; quantity: number; amount: string };

export const orders = pgTable(
  'orders',
  {
    id: id(),
    number: text('number').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contact: jsonb('contact').$type<OrderContact>(),
    name: text('name').notNull(),
    status: orderStatus('status').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    // The first invoice's total, kept for lists and filters.
    total: money('total').notNull(),
    billingDay: smallint('billing_day').notNull(),
    dueDays: integer('due_days').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    autoEmail: autoEmailMode('auto_email').notNull().default('invoice'),
    // A contract order (docs/contract-orders.md): no first invoice; the billing run invoices it on
    // its billing day from start_date to end_date, and it may be a draft or paused. Store orders
    // (false) keep the first invoice at placement and the renewal window.
    contract: boolean('contract').notNull().default(false),
    // Paid, but a product needs an admin's approval before it goes live.
    awaitingApproval: boolean('awaiting_approval').notNull().default(false),
    // An admin approved it (possibly before it was paid): paying it later must not queue it for
    // approval a second time.
    approvedAt: timestamp('approved_at', { withTimezone: true, precision: 3 }),
    couponId: uuid('coupon_id').references(() => coupons.id),
    paymentMethod: text('payment_method'),
    // Set when dunning suspended the order for this unpaid invoice: paying it reactivates the
    // order. An admin's own suspension leaves it null and stays until the admin lifts it.
    suspendedForInvoiceId: uuid('suspended_for_invoice_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('orders_number_uq').on(t.number),
    index('orders_created_idx').on(t.createdAt, t.id),
    index('orders_customer_created_idx').on(t.customerId, t.createdAt, t.id),
    index('orders_status_created_idx').on(t.status, t.createdAt, t.id),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    description: text('description').notNull(),
    cycle: priceCycle('cycle').notNull(),
    quantity: numeric('quantity', { precision: 15, scale: 3 }).notNull(),
    // Plan price plus chosen options, per unit and cycle.
    unitPrice: money('unit_price').notNull(),
    setupFee: money('setup_fee')
      .notNull()
      .default(sql`0`),
    options: jsonb('options').$type<ChosenOption[]>().notNull().default([]),
    // A usage line's price per unit (minor units, up to 6 decimals); unit_price is then 0.
    usageUnitPrice: numeric('usage_unit_price', { precision: 24, scale: 6 }),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId), index('order_lines_product_idx').on(t.productId)],
);

export const orderLabels = pgTable(
  'order_labels',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
  },
  (t) => [primaryKey({ name: 'order_labels_pk', columns: [t.orderId, t.label] })],
);

export const services = pgTable(
  'services',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    orderLineId: uuid('order_line_id').references(() => orderLines.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    name: text('name').notNull(),
    cycle: priceCycle('cycle').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    // Per cycle, after coupon-free options: what a renewal bills.
    price: money('price').notNull(),
    // Seats: price is the unit price times this, and the billing run's line says how many.
    quantity: integer('quantity').notNull().default(1),
    // The options the service runs with now (its order line's at first, a plan change's after):
    // renewal lines list them, as the first invoice did, and a plan change starts from them.
    options: jsonb('options').$type<ChosenOption[]>().notNull().default([]),
    // A cancellation the customer asked for at the end of the paid period: no period starting on
    // or after this day is billed, and the daily dunning run cancels the service on it.
    cancelAt: date('cancel_at', { mode: 'string' }),
    // A usage service (non-null): billed in arrears, the period's usage records × this price per
    // unit (minor units, up to 6 decimals), rounded once per line; `price` is then 0.
    usageUnitPrice: numeric('usage_unit_price', { precision: 24, scale: 6 }),
    status: serviceStatus('status').notNull(),
    billingDay: smallint('billing_day').notNull(),
    // The current paid-up period [period_start, period_end); next_due_date is period_end.
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    nextDueDate: date('next_due_date', { mode: 'string' }).notNull(),
    // A coupon's discount per renewal (how many renewals it still applies to: billing_schedule).
    recurringDiscount: money('recurring_discount')
      .notNull()
      .default(sql`0`),
    // Set up at the provider (by its webhook, or marked by an admin for manual provisioning);
    // null for products with nothing to provision.
    provisionedAt: timestamp('provisioned_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('services_customer_idx').on(t.customerId, t.createdAt, t.id),
    index('services_order_idx').on(t.orderId),
    // The Services list pages newest first by (created_at, id).
    index('services_created_idx').on(t.createdAt, t.id),
  ],
);

// What the billing run reads and advances for each service, apart from the wide services row:
// a run updates every billed service, and narrow rows with only a primary key make those
// updates less than half as costly. No index on billed_until: one sequential scan of this
// narrow table finds what is due, and the updates stay HOT.
export const billingSchedule = pgTable('billing_schedule', {
  serviceId: uuid('service_id')
    .primaryKey()
    .references(() => services.id),
  // The end of the last period invoiced: the billing run bills [billed_until, +1 cycle) next.
  billedUntil: date('billed_until', { mode: 'string' }).notNull(),
  // Renewals the service's coupon still discounts; null: for ever (or no coupon).
  discountCyclesLeft: integer('discount_cycles_left'),
});

export const noteScope = pgEnum('note_scope', ['order', 'customer']);

export const notes = pgTable(
  'notes',
  {
    id: id(),
    scope: noteScope('scope').notNull(),
    orderId: uuid('order_id').references((): AnyPgColumn => orders.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('notes_order_idx').on(t.orderId, t.createdAt),
    index('notes_customer_idx').on(t.customerId, t.createdAt),
    check('notes_order_scope_ck', sql`${t.scope} = 'customer' or ${t.orderId} is not null`),
  ],
);

export const couponRedemptions = pgTable(
  'coupon_redemptions',
  {
    id: id(),
    couponId: uuid('coupon_id')
      .notNull()
      .references(() => coupons.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    createdAt: createdAt(),
  },
  (t) => [index('coupon_redemptions_coupon_customer_idx').on(t.couponId, t.customerId)],
);

// Usage reported for a usage service (`POST /api/v1/usage`), billed in arrears by the billing run.
export const usageRecords = pgTable(
  'usage_records',
  {
    id: id(),
    // The reporter's id for the record (its own, or this row's id when none was given): the same
    // key twice for a customer is one record, so a retried report counts once.
    key: text('key').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    quantity: numeric('quantity', { precision: 24, scale: 6 }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    // The invoice that billed it; null until then. A record reported after its period was billed
    // is still unbilled, so it goes on the next invoice rather than being lost.
    invoiceId: uuid('invoice_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('usage_records_customer_key_uq').on(t.customerId, t.key),
    // The billing run sums a service's unbilled records.
    index('usage_records_unbilled_idx')
      .on(t.serviceId, t.occurredAt)
      .where(sql`${t.invoiceId} is null`),
    check('usage_records_quantity_ck', sql`${t.quantity} > 0`),
  ],
);
