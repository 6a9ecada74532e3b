import { isUniqueViolation } from '@/db/errors';
import { coupons } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { CreateCouponInput } from '@/server/schemas/catalog';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import type { CouponRow } from './store';

export async function createCoupon(ctx: ServiceContext, input: CreateCouponInput): Promise<CouponRow> {
  requirePermission(ctx.actor, 'catalog.manage');
  return ctx.db.transaction(async (tx) => {
    let coupon: CouponRow;
    try {
      [coupon] = (await tx
        .insert(coupons)
        .values({
          code: input.code,
          type: input.type,
          value: input.value,
          currency: input.type === 'fixed' ? (input.currency ?? null) : null,
          duration: input.duration,
          cycles: input.duration === 'repeating' ? (input.cycles ?? null) : null,
          maxUses: input.maxUses ?? null,
          oncePerCustomer: input.oncePerCustomer,
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
          productIds: input.productIds,
          createdAt: ctx.now,
        })
        .returning()) as [CouponRow];
    } catch (error) {
      if (isUniqueViolation(error, 'coupons_code_lower_uq')) {
        throw new AppError('conflict', 'A coupon with this code exists', { code: 'is already used by another coupon' });
      }
      throw error;
    }
    await audit(tx, ctx.actor, 'coupon.created', { type: 'coupon', id: coupon.id }, { after: coupon });
    return coupon;
  });
}
