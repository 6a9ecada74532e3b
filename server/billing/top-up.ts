import { currencyExponent } from './currency';

/** A top-up's bounds in the currency's major unit: 5 to 10,000 (USD 5.00–10,000.00, JPY 5–10,000). */
export function topUpBounds(currency: string): { min: bigint; max: bigint } {
  const unit = 10n ** BigInt(currencyExponent(currency));
  return { min: 5n * unit, max: 10_000n * unit };
}
