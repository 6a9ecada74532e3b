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

const decimalPattern = /^(-?)(\d{1,15})(?:\.(\d{1,3}))?$/;

/**
 * Parses a decimal with at most three places ("1.5", "7.375", 2) into milli units; null when
 * the text is not such a number. Numbers are read through their shortest decimal spelling, so
 * 0.1 is exactly 100n, never 0.1000000000000000055….
 */
export function parseMilli(value: string | number): bigint | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = decimalPattern.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const milli = BigInt(whole!) * MILLI + BigInt(fraction.padEnd(3, '0'));
  return sign ? -milli : milli;
}

/** Milli units back to the shortest decimal string: 1500n → "1.5", 2000n → "2". */
export function formatMilli(milli: bigint): string {
  const negative = milli < 0n;
  const abs = negative ? -milli : milli;
  const whole = abs / MILLI;
  const fraction = (abs % MILLI).toString().padStart(3, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** PostgreSQL numeric text with its trailing zeros dropped, as people read it: "1.500" → "1.5". */
export const trimDecimal = (text: string) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);
