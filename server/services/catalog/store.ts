import { and, asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { coupons, optionGroups, optionPrices, options, productPrices, products } from '@/db/schema';
import type { Scope } from '@/server/auth/actor';
import { notFound } from '@/server/errors';
import type { UpdateProductInput } from '@/server/schemas/catalog';

export type CouponRow = typeof coupons.$inferSelect;

export type ProductView = typeof products.$inferSelect & {
  prices: Array<typeof productPrices.$inferSelect>;
  optionGroups: Array<typeof optionGroups.$inferSelect & { options: Array<typeof options.$inferSelect & { prices: Array<typeof optionPrices.$inferSelect> }> }>;
};

/** Products with their prices and option groups, read in four queries whatever their number. */
export async function loadProducts(db: Database, ids: readonly string[]): Promise<ProductView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(products)
    .where(inArray(products.id, [...ids]))
    .orderBy(desc(products.createdAt), desc(products.id));
  const [prices, groups] = await Promise.all([
    db
      .select()
      .from(productPrices)
      .where(inArray(productPrices.productId, [...ids])),
    db
      .select()
      .from(optionGroups)
      .where(inArray(optionGroups.productId, [...ids]))
      .orderBy(asc(optionGroups.position)),
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

/** The product row's own columns, as both the create and the edit form send them. */
export const productColumns = (input: Omit<UpdateProductInput, 'id' | 'active'>) => ({
  name: input.name,
  description: input.description ?? null,
  features: input.features,
  category: input.category ?? null,
  type: input.type,
  autoActivate: input.autoActivate,
  provisioningModule: input.provisioningModule,
  provisioningUrl: input.provisioningModule === 'webhook' ? input.provisioningUrl : null,
  includedCredits: input.includedCredits?.amount ?? null,
  creditsRollover: input.includedCredits?.rollover ?? false,
  taxCode: input.taxCode,
});

type PricesInput = UpdateProductInput['prices'];
type GroupsInput = UpdateProductInput['optionGroups'];

/** Replaces a product's prices; a usage product's keep their exact price per unit beside the rounded one. */
export async function writePrices(tx: Database, productId: string, type: UpdateProductInput['type'], prices: PricesInput): Promise<void> {
  await tx.delete(productPrices).where(eq(productPrices.productId, productId));
  await tx.insert(productPrices).values(
    prices.map((p) => ({
      productId,
      cycle: p.cycle,
      currency: p.currency,
      amount: p.amount,
      setupFee: p.setupFee ?? 0n,
      unitAmount: type === 'usage' ? p.unitAmount : null,
    })),
  );
}

/**
 * Makes the product's option groups exactly `groups`, in that order. A group or option sent with
 * the id of one this product already has is updated in place, so the ids that placed orders and
 * renewals carry keep meaning the same choice; the rest are created, and those not sent go.
 */
export async function writeOptionGroups(tx: Database, productId: string, groups: GroupsInput): Promise<void> {
  const existingGroups = await tx.select({ id: optionGroups.id }).from(optionGroups).where(eq(optionGroups.productId, productId));
  const ownGroups = new Set(existingGroups.map((g) => g.id));
  const ownOptions = new Set(
    ownGroups.size
      ? (
          await tx
            .select({ id: options.id })
            .from(options)
            .where(inArray(options.groupId, [...ownGroups]))
        ).map((o) => o.id)
      : [],
  );
  const keptGroups: string[] = [];
  const keptOptions: string[] = [];
  for (const [position, group] of groups.entries()) {
    const values = { productId, name: group.name, kind: group.kind, required: group.required, position };
    let groupId: string;
    if (group.id && ownGroups.has(group.id)) {
      await tx.update(optionGroups).set(values).where(eq(optionGroups.id, group.id));
      groupId = group.id;
    } else {
      const [row] = await tx.insert(optionGroups).values(values).returning({ id: optionGroups.id });
      groupId = row!.id;
    }
    keptGroups.push(groupId);
    for (const [optionPosition, option] of group.options.entries()) {
      let optionId: string;
      if (option.id && ownOptions.has(option.id)) {
        await tx.update(options).set({ groupId, name: option.name, position: optionPosition }).where(eq(options.id, option.id));
        await tx.delete(optionPrices).where(eq(optionPrices.optionId, option.id));
        optionId = option.id;
      } else {
        const [row] = await tx.insert(options).values({ groupId, name: option.name, position: optionPosition }).returning({ id: options.id });
        optionId = row!.id;
      }
      keptOptions.push(optionId);
      if (option.prices.length > 0) {
        await tx.insert(optionPrices).values(option.prices.map((p) => ({ optionId, cycle: p.cycle, currency: p.currency, amount: p.amount })));
      }
    }
  }
  if (keptGroups.length > 0) {
    await tx.delete(options).where(and(inArray(options.groupId, keptGroups), keptOptions.length ? notInArray(options.id, keptOptions) : undefined));
  }
  await tx.delete(optionGroups).where(and(eq(optionGroups.productId, productId), keptGroups.length ? notInArray(optionGroups.id, keptGroups) : undefined));
}

/**
 * Where a product is provisioned is the desk's: a provisioning URL may carry a key or name an
 * internal panel, so only the desk reads it (a reseller still sees which module applies).
 */
export const productAsSeenBy = (scope: Scope, product: ProductView): ProductView => (scope.kind === 'all' ? product : { ...product, provisioningUrl: null });
