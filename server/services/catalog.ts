import { asc, desc, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { optionGroups, optionPrices, options, productPrices, products } from '@/db/schema';
import { notFound } from '../errors';

export type ProductView = typeof products.$inferSelect & {
  prices: Array<typeof productPrices.$inferSelect>;
  optionGroups: Array<typeof optionGroups.$inferSelect & { options: Array<typeof options.$inferSelect & { prices: Array<typeof optionPrices.$inferSelect> }> }>;
};

/** Products with their prices and option groups, read in four queries whatever their number. */
export async function loadProducts(db: Database, ids: readonly string[]): Promise<ProductView[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(products).where(inArray(products.id, [...ids])).orderBy(desc(products.createdAt), desc(products.id));
  const [prices, groups] = await Promise.all([
    db.select().from(productPrices).where(inArray(productPrices.productId, [...ids])),
    db.select().from(optionGroups).where(inArray(optionGroups.productId, [...ids])).orderBy(asc(optionGroups.position)),
  ]);
  const groupIds = groups.map((g) => g.id);
  const opts = groupIds.length ? await db.select().from(options).where(inArray(options.groupId, groupIds)).orderBy(asc(options.position)) : [];
  const optIds = opts.map((o) => o.id);
  const optPrices = optIds.length ? await db.select().from(optionPrices).where(inArray(optionPrices.optionId, optIds)) : [];
  return rows.map((product) => ({
    ...product,
    prices: prices.filter((p) => p.productId === product.id),
    optionGroups: groups
      .filter((g) => g.productId === product.id)
      .map((group) => ({
        ...group,
        options: opts.filter((o) => o.groupId === group.id).map((option) => ({ ...option, prices: optPrices.filter((p) => p.optionId === option.id) })),
      })),
  }));
}

export async function loadProduct(db: Database, id: string): Promise<ProductView> {
  const [product] = await loadProducts(db, [id]);
  if (!product) throw notFound('Product');
  return product;
}

