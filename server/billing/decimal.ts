// Exact decimal arithmetic on scaled bigints. Quantities and tax rates have up to three
// decimals, so they travel as "milli" integers: 1.5 → 1500n, 7.375 → 7375n.

export const MILLI = 1000n;

/** n / d rounded half away from zero (2.5 → 3, -2.5 → -3), exactly. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return negative ? -q : q;
}

/**
 * A decimal with at most `places` places ("1.5", 2) in units of 10^-places; null when the text is
 * not such a number. Numbers are read through their shortest decimal spelling, so 0.1 is exactly
 * 1 tenth, never 0.1000000000000000055….
 */
function parseScaled(value: string | number, places: number): bigint | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = new RegExp(`^(-?)(\\d{1,15})(?:\\.(\\d{1,${places}}))?$`).exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const scaled = BigInt(whole!) * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, '0'));
  return sign ? -scaled : scaled;
}

function formatScaled(scaled: bigint, places: number): string {
  const unit = 10n ** BigInt(places);
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const fraction = (abs % unit).toString().padStart(places, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / unit}${fraction ? `.${fraction}` : ''}`;
}

/** Parses a decimal with at most three places ("1.5", "7.375", 2) into milli units, else null. */
export const parseMilli = (value: string | number): bigint | null => parseScaled(value, 3);

/** Milli units back to the shortest decimal string: 1500n → "1.5", 2000n → "2". */
export const formatMilli = (milli: bigint): string => formatScaled(milli, 3);

// A usage product's price per unit may be sub-cent with up to six decimals of a minor unit
// (0.015 = 15000 micro), as may a usage quantity.
export const MICRO = 1_000_000n;

/** Parses a decimal with at most six places ("0.015", 12) into micro units, else null. */
export const parseMicro = (value: string | number): bigint | null => parseScaled(value, 6);

/** Micro units back to the shortest decimal string: 15000n → "0.015". */
export const formatMicro = (micro: bigint): string => formatScaled(micro, 6);

/**
 * What a usage line costs: quantity × unit price, both in micro units, rounded half away from
 * zero once, to whole minor units (the billing run does the same in SQL numeric).
 */
export const usageAmount = (quantityMicro: bigint, unitPriceMicro: bigint): bigint => divRound(quantityMicro * unitPriceMicro, MICRO * MICRO);

/** PostgreSQL numeric text with its trailing zeros dropped, as people read it: "1.500" → "1.5". */
export const trimDecimal = (text: string) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);
