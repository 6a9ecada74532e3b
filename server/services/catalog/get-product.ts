import { requirePermission } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import { loadProduct, productAsSeenBy, type ProductView } from './store';

export async function getProduct(ctx: ServiceContext, input: { id: string }): Promise<ProductView> {
  requirePermission(ctx.actor, 'catalog.view');
  return productAsSeenBy(ctx.actor.scope, await loadProduct(ctx.db, input.id));
}
