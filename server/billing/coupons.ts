import { divRound, MILLI } from './decimal';

export type Coupon = {
  type: 'percent' | 'fixed';
  /** Percent in milli units (12.5% → 12500n) or a fixed amount in minor units. */
  value: bigint;
  currency: string | null;
  duration: 'once' | 'repeating' | 'forever';
  /** For `repeating`: how many billing cycles, the first included, get the discount. */
  cycles: number | null;
  maxUses: number | null;
  oncePerCustomer: boolean;
  expiresAt: Date | null;
  productIds: readonly string[];
};

export type CouponRefusal = 'expired' | 'exhausted' | 'already_used' | 'not_applicable' | 'wrong_currency';

export const couponRefusalMessage: Record<CouponRefusal, string> = {
  expired: 'This coupon has expired',
  exhausted: 'This coupon has been used up',
  already_used: 'You have already used this coupon',
  not_applicable: 'This coupon does not apply to these products',
  wrong_currency: 'This coupon is for another currency',
};

/** Whether a coupon may be redeemed now on an order; null when it may. */
export function couponRefusal(
  coupon: Coupon,
  use: { now: Date; productIds: readonly string[]; currency: string; totalUses: number; customerUses: number },
): CouponRefusal | null {
  if (coupon.expiresAt && use.now >= coupon.expiresAt) return 'expired';
  if (coupon.maxUses !== null && use.totalUses >= coupon.maxUses) return 'exhausted';
  if (coupon.oncePerCustomer && use.customerUses > 0) return 'already_used';
  if (coupon.type === 'fixed' && coupon.currency !== use.currency) return 'wrong_currency';
  if (coupon.productIds.length > 0 && !use.productIds.some((id) => coupon.productIds.includes(id))) return 'not_applicable';
  return null;
}

/** Whether the coupon still discounts the service's n-th invoice (0 = the order's first). */
export function couponAppliesToCycle(coupon: Pick<Coupon, 'duration' | 'cycles'>, cycleIndex: number): boolean {
  switch (coupon.duration) {
    case 'once':
      return cycleIndex === 0;
    case 'repeating':
      return cycleIndex < (coupon.cycles ?? 1);
    case 'forever':
      return true;
  }
}

/** The discount on an amount: never more than the amount, never negative. */
export function couponDiscount(coupon: Pick<Coupon, 'type' | 'value'>, amount: bigint): bigint {
  if (amount <= 0n) return 0n;
  const discount = coupon.type === 'percent' ? divRound(amount * coupon.value, 100n * MILLI) : coupon.value;
  return discount > amount ? amount : discount < 0n ? 0n : discount;
}
