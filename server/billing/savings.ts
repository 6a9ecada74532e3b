import { divRound } from './decimal';
import { cycleMonths, type Cycle } from './periods';

export type CycleSaving = { percent: number; amount: bigint };

/**
 * What paying per `cycle` saves against paying monthly for as long: the amount (minor units)
 * and a whole percent (rounded half away from zero): a year at 10 months' price saves 2 months,
 * 17%. Null when there is nothing to compare (no monthly price, a one-time or monthly cycle) or
 * the saving rounds to no percent at all.
 */
export function cycleSaving(cycle: string, cyclePrice: bigint, monthlyPrice: bigint | null | undefined): CycleSaving | null {
  if (!monthlyPrice || monthlyPrice <= 0n || !(cycle in cycleMonths) || cycle === 'monthly') return null;
  const monthlyTotal = monthlyPrice * BigInt(cycleMonths[cycle as Cycle]);
  const percent = divRound((monthlyTotal - cyclePrice) * 100n, monthlyTotal);
  return percent > 0n ? { percent: Number(percent), amount: monthlyTotal - cyclePrice } : null;
}

/** The saving's percent alone, for a badge. */
export const cycleSavings = (cycle: string, cyclePrice: bigint, monthlyPrice: bigint | null | undefined): number | null =>
  cycleSaving(cycle, cyclePrice, monthlyPrice)?.percent ?? null;
