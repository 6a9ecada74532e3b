import { and, count, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { couponRedemptions, coupons, type ChosenOption } from '@/db/schema';
import { couponDiscount, couponRefusal, couponRefusalMessage, type Coupon } from '@/server/billing/coupons';
import { MILLI, trimDecimal } from '@/server/billing/decimal';
import { priceLine, type LinePrice, type PricedOption } from '@/server/billing/pricing';
import { AppError } from '@/server/errors';
import type { InvoiceItemInput } from '@/server/schemas/invoices';
import type { PlaceOrderInput } from '@/server/schemas/orders';
import { loadProducts, type CouponRow, type ProductView } from '@/server/services/catalog/store';

export type PricedItem = {
  item: PlaceOrderInput['items'][number];
  product: ProductView;
  price: Extract<LinePrice, { ok: true }>;
  /** What the coupon takes off this item's plan and options (never its setup fee). */
  discount: bigint;
  /**
   * A usage product's price per unit (minor units, up to six decimals, the catalog's or the
   * custom one), billed in arrears; its `price.unitPrice` is then 0. Null for other products.
   */
  usageUnitPrice: string | null;
};
export type PricedCart = { items: PricedItem[]; coupon: CouponRow | null; discountTotal: bigint };

/**
 * What an order for these items would cost now: every price from the catalog (never from the
 * caller), the coupon checked and applied. Placing an order and the storefront's quote both
 * price through here, so the quote a customer sees is the order they get.
 *
 * `customerId` is null for a visitor, who cannot have used a coupon yet; `lockCoupon` locks the
 * coupon row (inside the placing transaction) so two orders cannot both take its last use.
 */
export async function priceCart(
  tx: Database,
  input: {
    items: PlaceOrderInput['items'];
    couponCode: string | undefined;
    currency: string;
    customerId: string | null;
    now: Date;
    lockCoupon: boolean;
    /** Whether usage products may be ordered: on contract orders only, billed in arrears by the run. */
    usage: boolean;
  },
): Promise<PricedCart> {
  const catalog = await loadProducts(tx, [...new Set(input.items.map((i) => i.productId))]);
  const priced = input.items.map((item, index) => {
    const product = catalog.find((p) => p.id === item.productId && p.active);
    if (!product) throw new AppError('validation', 'Unknown product', { [`items.${index}.product_id`]: 'is not a product on sale' });
    // A desk's custom price per unit and cycle (orders only; a cart's items carry none).
    const custom = 'price' in item ? item.price : undefined;
    if (product.type === 'usage') return priceUsage(product, item, index, custom, input);
    if (typeof custom === 'string') {
      throw new AppError('validation', 'An item cannot be priced', {
        [`items.${index}.price`]: 'must be an integer amount in minor units (decimals only for a usage product)',
      });
    }
    const price = priceLine(
      product,
      item.cycle,
      input.currency,
      item.options.map((o) => ({ optionId: o.optionId, quantity: o.quantity })),
    );
    if (!price.ok) throw new AppError('validation', 'An item cannot be priced', { [`items.${index}.${price.field}`]: price.message });
    return { item, product, price: custom === undefined ? price : { ...price, unitPrice: custom }, usageUnitPrice: null };
  });

  const coupon = input.couponCode ? await redeemableCoupon(tx, { ...input, couponCode: input.couponCode, productIds: priced.map((p) => p.product.id) }) : null;
  const items = priced.map((p) => ({ ...p, discount: coupon ? itemDiscount(coupon, p.product.id, p.price.unitPrice * BigInt(p.item.quantity)) : 0n }));
  return { items, coupon, discountTotal: items.reduce((sum, i) => sum + i.discount, 0n) };
}

/**
 * A usage item: one line per product (no seats — it is billed by the units used), priced per unit
 * in arrears, so it adds nothing to the order's total per period.
 */
function priceUsage(
  product: ProductView,
  item: PlaceOrderInput['items'][number],
  index: number,
  custom: bigint | string | undefined,
  input: { currency: string; usage: boolean },
): Omit<PricedItem, 'discount'> {
  if (!input.usage) {
    throw new AppError('validation', 'Usage is billed on contract orders only', {
      [`items.${index}.product_id`]: 'is a usage product, billed on a contract order only',
    });
  }
  if (item.quantity !== 1) {
    throw new AppError('validation', 'A usage line has no seats', {
      [`items.${index}.quantity`]: 'must be 1 for a usage product (it is billed per unit used)',
    });
  }
  if (item.options.length > 0) {
    throw new AppError('validation', 'An item cannot be priced', { [`items.${index}.options`]: `must be empty: ${product.name} is priced per unit used` });
  }
  const plan = product.prices.find((p) => p.cycle === item.cycle && p.currency === input.currency);
  if (!plan)
    throw new AppError('validation', 'An item cannot be priced', { [`items.${index}.cycle`]: `is not offered for ${product.name} in ${input.currency}` });
  const unitPrice = custom === undefined ? trimDecimal(plan.unitAmount ?? plan.amount.toString()) : custom.toString();
  return { item, product, price: { ok: true, unitPrice: 0n, planPrice: 0n, setupFee: 0n, options: [] }, usageUnitPrice: unitPrice };
}

/** The coupon with this code (any case) when it may be redeemed on these products now. */
async function redeemableCoupon(
  tx: Database,
  input: { couponCode: string; productIds: string[]; currency: string; customerId: string | null; now: Date; lockCoupon: boolean },
): Promise<CouponRow> {
  const query = tx
    .select()
    .from(coupons)
    .where(eq(sql`lower(${coupons.code})`, input.couponCode.toLowerCase()));
  const [coupon] = input.lockCoupon ? await query.for('update') : await query;
  if (!coupon) throw new AppError('validation', 'Unknown coupon', { coupon_code: 'There is no coupon with this code' });
  const [[total], [mine]] = await Promise.all([
    tx.select({ n: count() }).from(couponRedemptions).where(eq(couponRedemptions.couponId, coupon.id)),
    input.customerId
      ? tx
          .select({ n: count() })
          .from(couponRedemptions)
          .where(and(eq(couponRedemptions.couponId, coupon.id), eq(couponRedemptions.customerId, input.customerId)))
      : Promise.resolve([{ n: 0 }]),
  ]);
  const refusal = couponRefusal(asCoupon(coupon), {
    now: input.now,
    productIds: input.productIds,
    currency: input.currency,
    totalUses: total!.n,
    customerUses: mine!.n,
  });
  if (refusal) throw new AppError('validation', couponRefusalMessage[refusal], { coupon_code: couponRefusalMessage[refusal] });
  return coupon;
}

const itemDiscount = (coupon: CouponRow, productId: string, amount: bigint) =>
  coupon.productIds.length === 0 || coupon.productIds.includes(productId) ? couponDiscount(asCoupon(coupon), amount) : 0n;

/**
 * The first invoice's items for a priced cart, in order: each item's plan line (`plan` is the
 * item's index) and setup fee, then one negative line for the coupon.
 */
export function firstInvoiceItems(
  cart: PricedCart,
  taxRate: bigint,
  planLabel: (item: PricedItem, index: number) => string,
): Array<{ item: InvoiceItemInput & { taxRate: bigint }; plan: number | null }> {
  const drafts: Array<{ item: InvoiceItemInput & { taxRate: bigint }; plan: number | null }> = [];
  cart.items.forEach((priced, index) => {
    const quantity = BigInt(priced.item.quantity) * MILLI;
    // The product's tax code (HSN/SAC) goes with its plan and its setup fee.
    const code = priced.product.taxCode;
    drafts.push({ item: { description: planLabel(priced, index), quantity, unitPrice: priced.price.unitPrice, taxRate, code }, plan: index });
    if (priced.price.setupFee > 0n) {
      drafts.push({ item: { description: `Setup fee: ${priced.product.name}`, quantity, unitPrice: priced.price.setupFee, taxRate, code }, plan: null });
    }
  });
  if (cart.coupon && cart.discountTotal > 0n) {
    drafts.push({ item: { description: `Coupon ${cart.coupon.code}`, quantity: MILLI, unitPrice: -cart.discountTotal, taxRate }, plan: null });
  }
  return drafts;
}

export function asCoupon(row: CouponRow): Coupon {
  return {
    type: row.type,
    value: row.value,
    currency: row.currency,
    duration: row.duration,
    cycles: row.cycles,
    maxUses: row.maxUses,
    oncePerCustomer: row.oncePerCustomer,
    expiresAt: row.expiresAt,
    productIds: row.productIds,
  };
}

/** Priced options as an order line and its service keep them (amounts as text, for JSON). */
export const storedOptions = (options: readonly PricedOption[]): ChosenOption[] => options.map((o) => ({ ...o, amount: o.amount.toString() }));
