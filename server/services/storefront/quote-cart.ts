import { parseMilli } from '@/server/billing/decimal';
import { taxRateFor } from '@/server/billing/tax-defaults';
import type { QuoteInput } from '@/server/schemas/store';
import type { ServiceContext } from '@/server/services/context';
import { priceItems } from '@/server/services/invoices/store';
import { firstInvoiceItems, priceCart } from '@/server/services/orders/pricing';
import { readBillingSettings } from '@/server/services/settings/read';
import { shopperOf } from './read';

export type QuoteLine = {
  productId: string;
  name: string;
  cycle: string;
  quantity: number;
  options: Array<{ name: string; quantity: number; amount: bigint }>;
  /** Plan plus options, per unit and cycle. */
  unitPrice: bigint;
  setupFee: bigint;
  discount: bigint;
};

export type Quote = {
  currency: string;
  lines: QuoteLine[];
  coupon: { code: string } | null;
  /** Plans, options and setup fees as priced, before the coupon and tax. */
  itemsTotal: bigint;
  discount: bigint;
  taxLabel: string;
  taxMode: 'exclusive' | 'inclusive';
  tax: bigint;
  /** What the first invoice will ask for. */
  total: bigint;
  /** A signed-in client's credit balance in the quote's currency; null for a visitor. */
  creditBalance: bigint | null;
};

/**
 * What the cart would cost if ordered now, priced exactly as placing the order prices it
 * (catalog prices, coupon rules, the first invoice's lines and tax). Public and read-only:
 * a refused coupon or an item that cannot be priced is a validation error on its field.
 */
export async function quoteCart(ctx: ServiceContext, input: QuoteInput): Promise<Quote> {
  const [{ customer, currency }, settings] = await Promise.all([shopperOf(ctx.db, ctx.actor), readBillingSettings(ctx.db)]);
  const cart = await priceCart(ctx.db, {
    items: input.items,
    couponCode: input.couponCode,
    currency,
    customerId: customer?.id ?? null,
    now: ctx.now,
    lockCoupon: false,
    usage: false,
  });
  // A signed-in client's tax defaults apply, as they will on the order's first invoice.
  const taxRate = customer ? taxRateFor(parseMilli(settings.tax_rate)!, customer) : parseMilli(settings.tax_rate)!;
  const { totals } = priceItems(
    firstInvoiceItems(cart, taxRate, ({ product }) => product.name).map((d) => d.item),
    settings.tax_mode,
    taxRate,
  );
  const lines = cart.items.map(({ item, product, price, discount }) => ({
    productId: product.id,
    name: product.name,
    cycle: item.cycle,
    quantity: item.quantity,
    options: price.options.map((o) => ({ name: o.name, quantity: o.quantity, amount: o.amount })),
    unitPrice: price.unitPrice,
    setupFee: price.setupFee,
    discount,
  }));
  return {
    currency,
    lines,
    coupon: cart.coupon && { code: cart.coupon.code },
    itemsTotal: lines.reduce((sum, l) => sum + (l.unitPrice + l.setupFee) * BigInt(l.quantity), 0n),
    discount: cart.discountTotal,
    taxLabel: settings.tax_label,
    taxMode: settings.tax_mode,
    tax: totals.tax,
    total: totals.total,
    creditBalance: customer ? customer.creditBalance : null,
  };
}
