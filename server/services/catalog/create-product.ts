import { products } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import type { CreateProductInput } from '@/server/schemas/catalog';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { loadProduct, productColumns, writeOptionGroups, writePrices, type ProductView } from './store';

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
    await writePrices(tx, productId, input.type, input.prices);
    await writeOptionGroups(tx, productId, input.optionGroups);
    const view = await loadProduct(tx, productId);
    await audit(tx, ctx.actor, 'product.created', { type: 'product', id: productId }, { after: view });
    return view;
  });
}
