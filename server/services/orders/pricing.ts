import { and, count, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { couponRedemptions, coupons } from '@/db/schema';
import { couponDiscount, couponRefusal, couponRefusalMessage, type Coupon } from '@/server/billing/coupons';
import { MILLI } from '@/server/billing/decimal';
import { priceLine, type LinePrice } from '@/server/billing/pricing';
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
  },
): Promise<PricedCart> {
  const catalog = await loadProducts(tx, [...new Set(input.items.map((i) => i.productId))]);
  const priced = input.items.map((item, index) => {
    const product = catalog.find((p) => p.id === item.productId && p.active);
    if (!product) throw new AppError('validation', 'Unknown product', { [`items.${index}.product_id`]: 'is not a product on sale' });
    const price = priceLine(
      product,
      item.cycle,
      input.currency,
      item.options.map((o) => ({ optionId: o.optionId, quantity: o.quantity })),
    );
    if (!price.ok) throw new AppError('validation', 'An item cannot be priced', { [`items.${index}.${price.field}`]: price.message });
    // A desk's custom price per unit and cycle (orders only; a cart's items carry none).
    const custom = 'price' in item ? item.price : undefined;
    return { item, product, price: custom === undefined ? price : { ...price, unitPrice: custom } };
  });

  const coupon = input.couponCode ? await redeemableCoupon(tx, { ...input, couponCode: input.couponCode, productIds: priced.map((p) => p.product.id) }) : null;
  const items = priced.map((p) => ({ ...p, discount: coupon ? itemDiscount(coupon, p.product.id, p.price.unitPrice * BigInt(p.item.quantity)) : 0n }));
  return { items, coupon, discountTotal: items.reduce((sum, i) => sum + i.discount, 0n) };
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
    drafts.push({ item: { description: planLabel(priced, index), quantity, unitPrice: priced.price.unitPrice, taxRate }, plan: index });
    if (priced.price.setupFee > 0n) {
      drafts.push({ item: { description: `Setup fee: ${priced.product.name}`, quantity, unitPrice: priced.price.setupFee, taxRate }, plan: null });
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
