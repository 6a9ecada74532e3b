import { requirePermission } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import { loadOrder, withoutDeskLabels, type OrderView } from './store';

export async function getOrder(ctx: ServiceContext, input: { id: string }): Promise<OrderView> {
  if (ctx.actor.scope.kind !== 'customer') requirePermission(ctx.actor, 'orders.view');
  return withoutDeskLabels(ctx, await loadOrder(ctx.db, ctx.actor.scope, input.id));
}
