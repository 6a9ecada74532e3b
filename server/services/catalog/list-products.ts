import { desc } from 'drizzle-orm';
import { products } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import { afterCursor, decodeCursor, toPage, type ListInput } from '@/server/services/pagination';
import { loadProducts, productAsSeenBy, type ProductView } from './store';

export async function listProducts(ctx: ServiceContext, input: ListInput): Promise<{ items: ProductView[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'catalog.view');
  const rows = await ctx.db
    .select({ id: products.id, createdAt: products.createdAt })
    .from(products)
    .where(input.cursor ? afterCursor(products, decodeCursor(input.cursor)) : undefined)
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit);
  const items = await loadProducts(
    ctx.db,
    page.items.map((r) => r.id),
  );
  return { items: items.map((product) => productAsSeenBy(ctx.actor.scope, product)), nextCursor: page.nextCursor };
}
