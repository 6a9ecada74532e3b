import { z } from 'zod';
import { divRound, formatMicro, MICRO, MILLI, parseMicro, parseMilli } from '../billing/decimal';
import { priceCycles, type PriceCycle } from '../billing/periods';
import { currencyCode, id, isoInstant, listInput, optionalText, requiredText, type DomainInput } from './common';

export { type PriceCycle, priceCycles };

const amount = z
  .number({ error: 'must be an integer amount in minor units' })
  .int('must be an integer amount in minor units (no decimals)')
  .min(0, 'must not be negative')
  .refine(Number.isSafeInteger, 'is too large')
  .transform((n) => BigInt(n));

/**
 * A price per unit: whole minor units, or for a usage product a decimal string with up to six
 * decimals ("0.015"). Read exactly into micro units; which products may have decimals is
 * checked with the product (`checkProduct`).
 */
export const unitAmount = z.union([z.number(), z.string()], { error: 'must be an amount in minor units' }).transform((value, ctx) => {
  const micro = parseMicro(value);
  if (micro === null || micro < 0n) {
    ctx.addIssue({
      code: 'custom',
      message: micro === null ? 'must be an amount in minor units with at most 6 decimals' : 'must not be negative',
    });
    return z.NEVER;
  }
  return micro;
});

const priceFields = {
  cycle: z.enum(priceCycles, { error: `must be one of ${priceCycles.join(', ')}` }),
  currency: currencyCode,
};

// `amount` keeps meaning whole minor units (rounded for a usage product's list price);
// `unit_amount` is the exact price per unit, kept for usage products.
const priceInput = z
  .strictObject({ ...priceFields, amount: unitAmount, setup_fee: amount.optional() })
  .transform(({ amount: micro, ...price }) => ({ ...price, amount: divRound(micro, MICRO), unit_amount: formatMicro(micro) }));

const optionInput = z.strictObject({
  // Present when editing: the option keeps its identity (orders refer to it by id).
  id: id.optional(),
  name: requiredText(200),
  prices: z
    .array(z.strictObject({ ...priceFields, amount }))
    .max(50)
    .default([]),
});

const includedCredits = z
  .strictObject({
    amount: amount.refine((a) => a > 0n, 'must be greater than 0'),
    rollover: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .nullable()
  .default(null);

const optionGroupInput = z.strictObject({
  id: id.optional(),
  name: requiredText(200),
  kind: z.enum(['select', 'radio', 'quantity', 'checkbox']),
  required: z.boolean().default(false),
  options: z.array(optionInput).min(1, 'must have at least one option').max(100),
});

const uniquePrices = (prices: ReadonlyArray<{ cycle: string; currency: string }>) =>
  new Set(prices.map((p) => `${p.cycle}/${p.currency}`)).size === prices.length;

// The store's bullets: short markdown lines; blank ones (a trailing newline in the editor) drop out.
const features = z
  .array(z.string({ error: 'must be text' }).trim().max(200, 'must be at most 200 characters'))
  .max(20, 'must have at most 20 features')
  .default([])
  .transform((lines) => lines.filter((line) => line !== ''));

const productFields = {
  name: requiredText(200),
  // Markdown, shown sanitized in the store.
  description: optionalText(5000),
  features,
  category: optionalText(100),
  type: z.enum(['recurring', 'one_time', 'usage']),
  auto_activate: z.boolean().default(true),
  prices: z.array(priceInput).min(1, 'must have at least one price').max(50).refine(uniquePrices, 'must not repeat a cycle and currency'),
  option_groups: z.array(optionGroupInput).max(30).default([]),
  provisioning_module: z.enum(['manual', 'webhook'], { error: 'must be manual or webhook' }).nullable().default(null),
  provisioning_url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2000)
    .nullable()
    .default(null),
  // Prepaid credits per period, in minor units of the price's currency (the wallet's).
  included_credits: includedCredits,
  // The code printed on its invoice lines (HSN/SAC, …).
  tax_code: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.string().trim().max(50, 'must be at most 50 characters').nullable().default(null),
  ),
};

function checkProduct(
  product: {
    type: 'recurring' | 'one_time' | 'usage';
    prices: ReadonlyArray<{ cycle: PriceCycle; unit_amount: string; setup_fee?: bigint | undefined }>;
    option_groups: readonly unknown[];
    provisioning_module: 'manual' | 'webhook' | null;
    provisioning_url: string | null;
  },
  ctx: z.RefinementCtx,
) {
  if (product.provisioning_module === 'webhook' && !product.provisioning_url) {
    ctx.addIssue({ code: 'custom', path: ['provisioning_url'], message: 'is required for webhook provisioning' });
  }
  const usage = product.type === 'usage';
  product.prices.forEach((price, index) => {
    if ((price.cycle === 'one_time') !== (product.type === 'one_time')) {
      ctx.addIssue({
        code: 'custom',
        path: ['prices', index, 'cycle'],
        message: product.type === 'one_time' ? 'must be one_time for a one-time product' : `must be a billing cycle for a ${product.type} product`,
      });
    }
    // Zod runs this check even when a price's own fields failed (a bad currency leaves it half
    // parsed), so a missing amount is that price's error already, not this one.
    if (!usage && typeof price.unit_amount === 'string' && price.unit_amount.includes('.')) {
      ctx.addIssue({
        code: 'custom',
        path: ['prices', index, 'amount'],
        message: 'must be an integer amount in minor units (decimals only for a usage product)',
      });
    }
    // Usage is billed in arrears on a contract's invoice, which carries no setup fee.
    if (usage && (price.setup_fee ?? 0n) > 0n) {
      ctx.addIssue({ code: 'custom', path: ['prices', index, 'setup_fee'], message: 'must be empty for a usage product' });
    }
  });
  if (usage && product.option_groups.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['option_groups'], message: 'must be empty for a usage product (it is priced per unit used)' });
  }
}

export const createProductInput = z.strictObject(productFields).superRefine(checkProduct);
export type CreateProductInput = DomainInput<typeof createProductInput>;

/**
 * The whole product as the editor shows it: prices and option groups are replaced, and groups or
 * options sent with their id keep it. `active: false` takes the product off sale; orders placed
 * before keep their prices either way.
 */
const productChanges = { ...productFields, active: z.boolean().default(true) };
/** PUT /api/v1/products/{id}'s body: the same, the id being the path's. */
export const replaceProductInput = z.strictObject(productChanges).superRefine(checkProduct);
export const updateProductInput = z.strictObject({ ...productChanges, id }).superRefine(checkProduct);
export type UpdateProductInput = DomainInput<typeof updateProductInput>;

export const listProductsInput = listInput;

const priceOutput = z.object({
  cycle: z.enum(priceCycles),
  currency: z.string(),
  amount: z.union([z.number().int(), z.string()]).describe('minor units; per unit as a decimal string for a usage product'),
  setup_fee: z.number().int(),
});
export const productOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().describe('markdown'),
  features: z.array(z.string()).describe('the store’s feature bullets, one markdown line each'),
  category: z.string().nullable(),
  type: z.enum(['recurring', 'one_time', 'usage']),
  auto_activate: z.boolean(),
  active: z.boolean(),
  provisioning_module: z.enum(['manual', 'webhook']).nullable(),
  provisioning_url: z.string().nullable(),
  included_credits: z.object({ amount: z.number().int(), rollover: z.boolean() }).nullable(),
  tax_code: z.string().nullable(),
  prices: z.array(priceOutput),
  option_groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['select', 'radio', 'quantity', 'checkbox']),
      required: z.boolean(),
      options: z.array(
        z.object({ id: z.string(), name: z.string(), prices: z.array(priceOutput.omit({ setup_fee: true }).extend({ amount: z.number().int() })) }),
      ),
    }),
  ),
  created_at: z.string(),
});

export const createCouponInput = z
  .strictObject({
    code: z
      .string({ error: 'is required' })
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(50)
      .regex(/^[A-Za-z0-9_-]+$/, 'may use letters, digits, - and _ only'),
    type: z.enum(['percent', 'fixed']),
    value: z.union([z.number(), z.string()], { error: 'is required' }),
    currency: currencyCode.optional(),
    duration: z.enum(['once', 'repeating', 'forever']),
    cycles: z.number().int().min(1).max(120).optional(),
    max_uses: z.number().int().min(1).optional(),
    once_per_customer: z.boolean().default(false),
    expires_at: isoInstant.optional(),
    product_ids: z.array(id).max(100).default([]),
  })
  .transform((coupon, ctx) => {
    // Percent: up to three decimals, stored in milli-percent; fixed: whole minor units.
    const value =
      coupon.type === 'percent'
        ? parseMilli(coupon.value)
        : typeof coupon.value === 'number' && Number.isSafeInteger(coupon.value)
          ? BigInt(coupon.value)
          : null;
    if (value === null || value <= 0n || (coupon.type === 'percent' && value > 100n * MILLI)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: coupon.type === 'percent' ? 'must be a percent above 0 and at most 100' : 'must be a positive integer amount in minor units',
      });
      return z.NEVER;
    }
    if (coupon.type === 'fixed' && !coupon.currency) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required for a fixed discount' });
      return z.NEVER;
    }
    if (coupon.duration === 'repeating' && !coupon.cycles) {
      ctx.addIssue({ code: 'custom', path: ['cycles'], message: 'is required for a repeating coupon' });
      return z.NEVER;
    }
    return { ...coupon, value };
  });
export type CreateCouponInput = DomainInput<typeof createCouponInput>;

export const couponOutput = z.object({
  id: z.string(),
  code: z.string(),
  type: z.enum(['percent', 'fixed']),
  value: z.union([z.number(), z.string()]).describe('percent as a decimal string, or minor units for fixed'),
  currency: z.string().nullable(),
  duration: z.enum(['once', 'repeating', 'forever']),
  cycles: z.number().nullable(),
  max_uses: z.number().nullable(),
  once_per_customer: z.boolean(),
  expires_at: z.string().nullable(),
  product_ids: z.array(z.string()),
  created_at: z.string(),
});
