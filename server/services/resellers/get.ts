import type { ServiceContext } from '@/server/services/context';
import { findManagedReseller } from './reach';
import type { ResellerView } from './store';

export async function getReseller(ctx: ServiceContext, input: { id: string }): Promise<ResellerView> {
  return findManagedReseller(ctx.db, ctx.actor, input.id);
}
