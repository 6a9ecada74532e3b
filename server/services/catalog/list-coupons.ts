import { and, desc, getTableColumns, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { coupons } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import type { CouponRow } from './store';

const couponUses = sql<number>`(select count(*)::int from coupon_redemptions r where r.coupon_id = "coupons"."id")`;

/**
 * Coupons, newest first. The desk sees every coupon with how often it was redeemed. A reseller
 * sees only the coupons it may apply to an order now (not expired, not used up), without the
 * redemption counts: those are the whole business's figures, not its book's.
 */
export async function listCoupons(ctx: ServiceContext): Promise<Array<CouponRow & { uses: number | null }>> {
  requirePermission(ctx.actor, 'catalog.view');
  if (ctx.actor.scope.kind === 'all') {
    return ctx.db
      .select({ ...getTableColumns(coupons), uses: couponUses })
      .from(coupons)
      .orderBy(desc(coupons.createdAt));
  }
  const redeemable = await ctx.db
    .select()
    .from(coupons)
    .where(and(or(isNull(coupons.expiresAt), gt(coupons.expiresAt, ctx.now)), or(isNull(coupons.maxUses), lt(couponUses, coupons.maxUses))))
    .orderBy(desc(coupons.createdAt));
  return redeemable.map((coupon) => ({ ...coupon, uses: null }));
}
