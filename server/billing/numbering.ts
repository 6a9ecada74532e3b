export type NumberFormat = { prefix: string; includeYear: boolean; padding: number; reset: 'yearly' | 'never' };

/** The counter a number is drawn from: one per series, and per year when it resets yearly. */
export function counterYear(format: NumberFormat, issueYear: number): number {
  return format.reset === 'yearly' ? issueYear : 0;
}

/**
 * "INV-2026-00042"; without the year "INV-00042"; a sequence longer than the padding is kept whole.
 * A prefix written with its dash ("PF-", the proforma default) is not given a second one.
 */
export function formatNumber(format: NumberFormat, year: number, sequence: bigint): string {
  const padded = sequence.toString().padStart(format.padding, '0');
  const prefix = format.prefix.replace(/-+$/, '');
  return [prefix, format.includeYear ? String(year) : null, padded].filter((p) => p !== null && p !== '').join('-');
}
