import { divRound } from './decimal';
import { cycleMonths, type Cycle } from './periods';

/**
 * How much paying per `cycle` saves against paying monthly for as long, as a whole percent
 * (rounded half away from zero): a year at 10 months' price saves 17%. Null when there is
 * nothing to compare (no monthly price, a one-time or monthly cycle) or nothing is saved.
 */
export function cycleSavings(cycle: string, cyclePrice: bigint, monthlyPrice: bigint | null | undefined): number | null {
  if (!monthlyPrice || monthlyPrice <= 0n || !(cycle in cycleMonths) || cycle === 'monthly') return null;
  const monthlyTotal = monthlyPrice * BigInt(cycleMonths[cycle as Cycle]);
  const percent = divRound((monthlyTotal - cyclePrice) * 100n, monthlyTotal);
  return percent > 0n ? Number(percent) : null;
}
