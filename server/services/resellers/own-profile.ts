import { AppError } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { findReseller, type ResellerView } from './store';

/**
 * The signed-in reseller's own profile (commission, flags, whether it may create sub-resellers),
 * for its console to offer only what it may hand down. `resellers.get` does not reach itself by
 * design (a reseller manages only the resellers below it); anyone but a reseller is refused.
 */
export async function ownResellerProfile(ctx: ServiceContext): Promise<ResellerView> {
  if (ctx.actor.scope.kind !== 'reseller') throw new AppError('forbidden', 'Only a reseller has a reseller profile');
  return findReseller(ctx.db, ctx.actor.scope.resellerId);
}
