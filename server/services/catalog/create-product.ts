import { desc } from 'drizzle-orm';
import { products } from '@/db/schema';
import { type Scope, requirePermission } from '@/server/auth/actor';
import type { CreateProductInput } from '@/server/schemas/catalog';
import { audit } from '@/server/services/audit/record';
import { type ProductView, loadProduct, loadProducts, productColumns, writeOptionGroups, writePrices } from './store';
import type { ServiceContext } from '@/server/services/context';
import { type ListInput, afterCursor, decodeCursor, toPage } from '@/server/services/pagination';

export async function createProduct(ctx: ServiceContext, input: CreateProductInput): Promise<ProductView> {
  requirePermission(ctx.actor, 'catalog.manage');
  return ctx.db.transaction(async (tx) => {
    const [product] = await tx
      .insert(products)
      .values({
        ...productColumns(input),
        createdAt: ctx.now,
      })
      .returning({ id: products.id });
    const productId = product!.id;
    await writePrices(tx, productId, input.prices);
    await writeOptionGroups(tx, productId, input.option_groups);
    const view = await loadProduct(tx, productId);
    await audit(tx, ctx.actor, 'product.created', { type: 'product', id: productId }, { after: view });
    return view;
  });
}

/**
 * Where a product is provisioned is the desk's: a provisioning URL may carry a key or name an
 * internal panel, so only the desk reads it (a reseller still sees which module applies).
 */
const asSeenBy = (scope: Scope, product: ProductView): ProductView => (scope.kind === 'all' ? product : { ...product, provisioningUrl: null });

export async function listProducts(ctx: ServiceContext, input: ListInput): Promise<{ items: ProductView[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'catalog.view');
  const rows = await ctx.db
    .select({ id: products.id, createdAt: products.createdAt })
    .from(products)
    .where(input.cursor ? afterCursor(products, decodeCursor(input.cursor)) : undefined)
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit);
  const items = await loadProducts(ctx.db, page.items.map((r) => r.id));
  return { items: items.map((product) => asSeenBy(ctx.actor.scope, product)), nextCursor: page.nextCursor };
}

export async function getProduct(ctx: ServiceContext, input: { id: string }): Promise<ProductView> {
  requirePermission(ctx.actor, 'catalog.view');
  return asSeenBy(ctx.actor.scope, await loadProduct(ctx.db, input.id));
}
