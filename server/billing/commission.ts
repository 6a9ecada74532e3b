import { divRound } from './decimal';

/** Thousandths of a percent in a whole: 100 % is 100,000 milli-percent. */
const HUNDRED_PERCENT_MILLI = 100_000n;

/**
 * A reseller's commission on what was collected: `collected × percent / 100`, the percent given
 * in thousandths (12.5 % → 12500n), rounded once, half away from zero, to the currency's minor
 * unit. Exact bigint arithmetic throughout; a negative amount (more refunded than kept, which a
 * report row cannot show today) rounds symmetrically.
 */
export function commissionOf(collected: bigint, percentMilli: bigint): bigint {
  if (percentMilli < 0n || percentMilli > HUNDRED_PERCENT_MILLI) throw new RangeError('a commission is between 0 and 100 percent');
  return divRound(collected * percentMilli, HUNDRED_PERCENT_MILLI);
}
