import { eq, sql } from 'drizzle-orm';
import { orderLines, products } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { AppError, notFound } from '@/server/errors';
import type { UpdateProductInput } from '@/server/schemas/catalog';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { loadProduct, productColumns, writeOptionGroups, writePrices, type ProductView } from './store';

/**
 * Edits a product as the catalog editor shows it. Only new orders and plan changes see the new
 * prices: placed orders and running services keep the prices they were sold at.
 */
export async function updateProduct(ctx: ServiceContext, input: UpdateProductInput): Promise<ProductView> {
  requirePermission(ctx.actor, 'catalog.manage');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ id: products.id, type: products.type }).from(products).where(eq(products.id, input.id)).for('update');
    if (!row) throw notFound('Product');
    if (row.type !== input.type) {
      const [ordered] = await tx
        .select({ one: sql`1` })
        .from(orderLines)
        .where(eq(orderLines.productId, input.id))
        .limit(1);
      if (ordered) throw new AppError('validation', 'Invalid product', { type: 'cannot change once the product has been ordered' });
    }
    const before = await loadProduct(tx, input.id);
    await tx
      .update(products)
      .set({
        ...productColumns(input),
        active: input.active,
      })
      .where(eq(products.id, input.id));
    await writePrices(tx, input.id, input.type, input.prices);
    await writeOptionGroups(tx, input.id, input.optionGroups);
    const after = await loadProduct(tx, input.id);
    await audit(tx, ctx.actor, 'product.updated', { type: 'product', id: input.id }, { before, after });
    return after;
  });
}
