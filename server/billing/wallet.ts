import { MILLI } from './decimal';
import { lineAmounts, type LineAmounts, type TaxMode } from './totals';

/** A grant a draw may take from: what is still available of it, and when it lapses (null: it rolls over). */
export type DrawableGrant = { id: string; available: bigint; expiresOn: string | null; createdAt: Date };
export type DrawPart = { grantId: string; amount: bigint };

/**
 * Which grants a draw of `amount` takes from, one part per grant: those lapsing first (a grant
 * that rolls over last, since it never lapses), the oldest first among them, so what would be
 * lost soonest is spent first. Takes at most what each grant holds; the parts add up to
 * `amount` only when the grants hold enough.
 */
export function allocateDraw(grants: readonly DrawableGrant[], amount: bigint): DrawPart[] {
  const order = [...grants]
    .filter((grant) => grant.available > 0n)
    .sort(
      (a, b) =>
        (a.expiresOn ?? '9999-12-31').localeCompare(b.expiresOn ?? '9999-12-31') || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
    );
  const parts: DrawPart[] = [];
  let left = amount;
  for (const grant of order) {
    if (left <= 0n) break;
    const take = grant.available < left ? grant.available : left;
    parts.push({ grantId: grant.id, amount: take });
    left -= take;
  }
  return parts;
}

/**
 * The "Prepaid credits applied" line for at most `limit` of credit, priced as the billing run
 * prices a discount line: a negative unit price taxed at the usage lines' rate in the invoice's
 * mode, so the line re-prices to the same figures when the invoice is edited. Exclusive tax is
 * added on top of the price, so the price is the largest whose total (price + its tax) stays
 * within the limit; the credit drawn is the line's total, which may fall a unit short of the
 * limit. Null when not even one minor unit fits.
 */
export function creditLine(limit: bigint, taxRateMilli: bigint, mode: TaxMode): (LineAmounts & { unitPrice: bigint; drawn: bigint }) | null {
  if (limit <= 0n) return null;
  const gross = (price: bigint) => lineAmounts({ quantityMilli: MILLI, unitPrice: price, taxRateMilli }, mode).total;
  const hundred = 100n * MILLI;
  // price × (100 + rate) / 100 ≤ limit, so its rounded total cannot exceed the limit; the loop
  // takes the unit rounding may still leave.
  let price = mode === 'exclusive' ? (limit * hundred) / (hundred + taxRateMilli) : limit;
  while (gross(price + 1n) <= limit) price += 1n;
  if (price === 0n) return null;
  const amounts = lineAmounts({ quantityMilli: MILLI, unitPrice: -price, taxRateMilli }, mode);
  return { ...amounts, unitPrice: -price, drawn: -amounts.total };
}
