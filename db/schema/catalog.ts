import { sql } from 'drizzle-orm';
import { boolean, char, check, index, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { priceCycles } from '../../server/billing/periods';
import { createdAt, id, money } from './columns';

// `usage`: billed in arrears for what was used in the period (usage records × a unit price).
export const productType = pgEnum('product_type', ['recurring', 'one_time', 'usage']);
export const priceCycle = pgEnum('price_cycle', priceCycles);
export const optionKind = pgEnum('option_kind', ['select', 'radio', 'quantity', 'checkbox']);

export const products = pgTable(
  'products',
  {
    id: id(),
    name: text('name').notNull(),
    // Markdown, rendered sanitized in the store (no raw HTML): a paragraph or two on the card.
    description: text('description'),
    // The store's bullet list, one short markdown line each, in the order shown.
    features: text('features')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    category: text('category'),
    type: productType('type').notNull(),
    // Paid orders of auto-activating products go live on their own; others wait for an admin.
    autoActivate: boolean('auto_activate').notNull().default(true),
    // How a paid service gets set up: null, nothing to do (it goes live at once); 'manual', an
    // admin marks it provisioned; 'webhook', a signed POST to provisioning_url (server/provisioning).
    provisioningModule: text('provisioning_module').$type<'manual' | 'webhook'>(),
    provisioningUrl: text('provisioning_url'),
    // Prepaid credits each period of a service includes (minor units of the service's currency),
    // posted to the customer's wallet; without rollover what is unused lapses at period end.
    includedCredits: money('included_credits'),
    creditsRollover: boolean('credits_rollover').notNull().default(false),
    // The tax code printed on its invoice lines (HSN/SAC in India, a CPV or customs code).
    taxCode: text('tax_code'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('products_created_idx').on(t.createdAt, t.id),
    check('products_included_credits_ck', sql`${t.includedCredits} is null or ${t.includedCredits} > 0`),
  ],
);

export const productPrices = pgTable(
  'product_prices',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    cycle: priceCycle('cycle').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    amount: money('amount').notNull(),
    setupFee: money('setup_fee')
      .notNull()
      .default(sql`0`),
    // A usage product's price per unit in minor units, sub-cent allowed (0.015 = 1.5 thousandths
    // of a cent); `amount` then holds it rounded, for lists. Null for other products.
    unitAmount: numeric('unit_amount', { precision: 24, scale: 6 }),
  },
  (t) => [
    primaryKey({ name: 'product_prices_pk', columns: [t.productId, t.cycle, t.currency] }),
    check('product_prices_amount_ck', sql`${t.amount} >= 0 and ${t.setupFee} >= 0 and (${t.unitAmount} is null or ${t.unitAmount} >= 0)`),
  ],
);

export const optionGroups = pgTable(
  'option_groups',
  {
    id: id(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: optionKind('kind').notNull(),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('option_groups_product_idx').on(t.productId, t.position)],
);

export const options = pgTable(
  'options',
  {
    id: id(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => optionGroups.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('options_group_idx').on(t.groupId, t.position)],
);

/** An option's price per cycle and currency; for `quantity` groups it is the price per unit. */
export const optionPrices = pgTable(
  'option_prices',
  {
    optionId: uuid('option_id')
      .notNull()
      .references(() => options.id, { onDelete: 'cascade' }),
    cycle: priceCycle('cycle').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    amount: money('amount').notNull(),
  },
  (t) => [primaryKey({ name: 'option_prices_pk', columns: [t.optionId, t.cycle, t.currency] }), check('option_prices_amount_ck', sql`${t.amount} >= 0`)],
);

export const couponType = pgEnum('coupon_type', ['percent', 'fixed']);
export const couponDuration = pgEnum('coupon_duration', ['once', 'repeating', 'forever']);

export const coupons = pgTable(
  'coupons',
  {
    id: id(),
    code: text('code').notNull(),
    type: couponType('type').notNull(),
    // percent: milli-percent (12.5% = 12500); fixed: minor units of `currency`.
    value: money('value').notNull(),
    currency: char('currency', { length: 3 }),
    duration: couponDuration('duration').notNull(),
    cycles: integer('cycles'),
    maxUses: integer('max_uses'),
    oncePerCustomer: boolean('once_per_customer').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
    productIds: uuid('product_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('coupons_code_lower_uq').on(sql`lower(${t.code})`), check('coupons_value_ck', sql`${t.value} > 0`)],
);
