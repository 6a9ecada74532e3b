import { requirePermission } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import { findReseller, type ResellerView } from './store';

export async function getReseller(ctx: ServiceContext, input: { id: string }): Promise<ResellerView> {
  requirePermission(ctx.actor, 'settings.manage');
  return findReseller(ctx.db, input.id);
}
