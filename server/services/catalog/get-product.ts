import { requirePermission } from '@/server/auth/actor';
import { type ProductView, loadProduct } from './store';
import type { ServiceContext } from '@/server/services/context';
import { productAsSeenBy } from './store';

export async function getProduct(ctx: ServiceContext, input: { id: string }): Promise<ProductView> {
  requirePermission(ctx.actor, 'catalog.view');
  return productAsSeenBy(ctx.actor.scope, await loadProduct(ctx.db, input.id));
}
