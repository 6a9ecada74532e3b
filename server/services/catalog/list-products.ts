import { desc } from 'drizzle-orm';
import { products } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { type ProductView, loadProducts } from './store';
import type { ServiceContext } from '@/server/services/context';
import { type ListInput, afterCursor, decodeCursor, toPage } from '@/server/services/pagination';
import { productAsSeenBy } from './store';

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
  return { items: items.map((product) => productAsSeenBy(ctx.actor.scope, product)), nextCursor: page.nextCursor };
}
