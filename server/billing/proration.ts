import { divRound } from './decimal';

export type Proration = { unusedDays: number; periodDays: number; oldCredit: bigint; newCharge: bigint; prorate: bigint };

/**
 * DESIGN.md §4: what a plan change costs for the rest of the period. Positive → charge the
 * difference; negative → credit it. Days left are clamped to [0, period], so an expired
 * period credits nothing and a far-off end never credits more than one period.
 */
export function prorate(input: { oldPrice: bigint; newPrice: bigint; periodDays: number; daysLeft: number }): Proration {
  if (input.periodDays <= 0) throw new RangeError('a period has at least one day');
  const unusedDays = Math.min(Math.max(input.daysLeft, 0), input.periodDays);
  const share = (price: bigint) => divRound(price * BigInt(unusedDays), BigInt(input.periodDays));
  const oldCredit = share(input.oldPrice);
  const newCharge = share(input.newPrice);
  return { unusedDays, periodDays: input.periodDays, oldCredit, newCharge, prorate: newCharge - oldCredit };
}
