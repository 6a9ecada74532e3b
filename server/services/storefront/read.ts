import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '@/db';
import { productPrices, products } from '@/db/schema';
import type { Actor } from '@/server/auth/actor';
import { priceCycles, type PriceCycle } from '@/server/billing/periods';
import type { CatalogProduct } from '@/server/billing/pricing';
import { cycleSaving } from '@/server/billing/savings';
import { loadProducts } from '@/server/services/catalog/store';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer, type CustomerView } from '@/server/services/customers/store';
import { readBillingSettings } from '@/server/services/settings/read';

/** A product as the storefront sells it: only the shopper's currency, cycles in billing order. */
export type StoreProduct = Omit<CatalogProduct, 'prices'> & {
  /** Markdown; render it sanitized. */
  description: string | null;
  /** Feature bullets, one markdown line each. */
  features: string[];
  category: string | null;
  type: 'recurring' | 'one_time' | 'usage';
  /** `savings`: against paying monthly for as long, of the plan price alone. */
  prices: Array<{ cycle: PriceCycle; currency: string; amount: bigint; setupFee: bigint; savingsPercent: number | null; savings: bigint | null }>;
};

export type Storefront = {
  currency: string;
  decimals: number | null;
  /** Uncategorised products come last, under "Other". */
  categories: Array<{ name: string; products: StoreProduct[] }>;
};

export const otherCategory = 'Other';

/**
 * Who is shopping and in which currency: a client buys in their customer's currency; a
 * visitor (and staff looking at the store) sees the billing settings' default currency.
 */
export async function shopperOf(db: Database, actor: Actor): Promise<{ customer: CustomerView | null; currency: string }> {
  if (actor.scope.kind === 'customer') {
    const customer = await findCustomer(db, actor.scope, actor.scope.customerId);
    return { customer, currency: customer.currency };
  }
  return { customer: null, currency: (await readBillingSettings(db)).currency };
}

/**
 * The currencies a new customer may choose: the store's own (the settings' default, in which
 * visitors shop) and every other one some product on sale is priced in. There is no separate
 * list to keep: a currency is enabled by pricing a product in it.
 */
export async function storeCurrencies(db: Database): Promise<{ default: string; all: string[] }> {
  const [{ currency }, rows] = await Promise.all([
    readBillingSettings(db),
    db
      .selectDistinct({ currency: productPrices.currency })
      .from(productPrices)
      .innerJoin(products, eq(products.id, productPrices.productId))
      .where(and(eq(products.active, true), ne(products.type, 'usage'))),
  ]);
  return { default: currency, all: [...new Set([currency, ...rows.map((r) => r.currency)])].sort() };
}

/** The products on sale in the shopper's currency, grouped by category. Public: no permission. */
export async function readStorefront(ctx: ServiceContext): Promise<Storefront> {
  const [{ currency }, settings] = await Promise.all([shopperOf(ctx.db, ctx.actor), readBillingSettings(ctx.db)]);
  const rows = await ctx.db.select({ id: products.id }).from(products).where(eq(products.active, true)).orderBy(asc(products.name));
  const sale = (
    await loadProducts(
      ctx.db,
      rows.map((r) => r.id),
    )
  )
    // Usage is billed in arrears on a contract order, which the desk sets up: never at checkout.
    .filter((product) => product.type !== 'usage')
    .map((product) => storeProduct(product, currency))
    .filter((product) => product.prices.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));

  const byCategory = new Map<string, StoreProduct[]>();
  for (const product of sale) {
    const name = product.category ?? otherCategory;
    byCategory.set(name, [...(byCategory.get(name) ?? []), product]);
  }
  const names = [...byCategory.keys()].sort((a, b) => (a === otherCategory ? 1 : b === otherCategory ? -1 : a.localeCompare(b)));
  return { currency, decimals: settings.display_decimals ?? null, categories: names.map((name) => ({ name, products: byCategory.get(name)! })) };
}

/** One product on sale in the shopper's currency; null when it is not (unknown, inactive, unpriced). */
export async function readStoreProduct(ctx: ServiceContext, input: { id: string }): Promise<{ product: StoreProduct; currency: string } | null> {
  const { currency } = await shopperOf(ctx.db, ctx.actor);
  const [row] = await loadProducts(ctx.db, [input.id]);
  if (!row?.active || row.type === 'usage') return null;
  const product = storeProduct(row, currency);
  return product.prices.length > 0 ? { product, currency } : null;
}

function storeProduct(product: Awaited<ReturnType<typeof loadProducts>>[number], currency: string): StoreProduct {
  const prices = product.prices.filter((p) => p.currency === currency).sort((a, b) => priceCycles.indexOf(a.cycle) - priceCycles.indexOf(b.cycle));
  const monthly = prices.find((p) => p.cycle === 'monthly')?.amount;
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    features: product.features,
    category: product.category,
    type: product.type,
    prices: prices.map((p) => {
      const saving = cycleSaving(p.cycle, p.amount, monthly);
      return { cycle: p.cycle, currency, amount: p.amount, setupFee: p.setupFee, savingsPercent: saving?.percent ?? null, savings: saving?.amount ?? null };
    }),
    optionGroups: product.optionGroups.map((group) => ({
      id: group.id,
      name: group.name,
      kind: group.kind,
      required: group.required,
      options: group.options.map((option) => ({
        id: option.id,
        name: option.name,
        prices: option.prices.filter((p) => p.currency === currency).map((p) => ({ cycle: p.cycle, currency, amount: p.amount })),
      })),
    })),
  };
}
