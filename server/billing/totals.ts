import { divRound, MILLI } from './decimal';

export type TaxMode = 'exclusive' | 'inclusive';

/** A line as entered: quantity and tax rate in milli units, unit price in minor units. */
export type LineInput = { quantityMilli: bigint; unitPrice: bigint; taxRateMilli: bigint };
export type LineAmounts = { subtotal: bigint; tax: bigint; total: bigint };
export type DocumentTotals = LineAmounts;

const HUNDRED_PERCENT_MILLI = 100n * MILLI;

/**
 * One line's figures, each rounded half away from zero on its own (DESIGN.md §2).
 * Exclusive: tax is added on top of quantity × price. Inclusive: quantity × price already
 * contains the tax, which is carved out of it.
 */
export function lineAmounts(line: LineInput, mode: TaxMode): LineAmounts {
  const gross = divRound(line.quantityMilli * line.unitPrice, MILLI);
  if (mode === 'exclusive') {
    const tax = divRound(gross * line.taxRateMilli, HUNDRED_PERCENT_MILLI);
    return { subtotal: gross, tax, total: gross + tax };
  }
  const tax = divRound(gross * line.taxRateMilli, HUNDRED_PERCENT_MILLI + line.taxRateMilli);
  return { subtotal: gross - tax, tax, total: gross };
}

/** A document's totals are the sums of its lines' figures, so they always add up. */
export function documentTotals(lines: readonly LineAmounts[]): DocumentTotals {
  return lines.reduce((sum, line) => ({ subtotal: sum.subtotal + line.subtotal, tax: sum.tax + line.tax, total: sum.total + line.total }), {
    subtotal: 0n,
    tax: 0n,
    total: 0n,
  });
}
