import { divRound, formatMicro, parseMicro } from './decimal';

// ISO 4217 minor-unit exponents. Most currencies have two decimals; these are the exceptions.
export const exponentExceptions: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

// Active ISO 4217 codes (funds and precious-metal codes left out: nobody bills in them).
const codes = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CLF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF
GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD
LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR
PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY
TTD TWD TZS UAH UGX USD UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG`;

const known: ReadonlySet<string> = new Set(codes.split(/\s+/));

export function isCurrency(code: string): boolean {
  return known.has(code);
}

/** Digits after the decimal point in the currency's minor unit: JPY 0, USD 2, KWD 3. */
export function currencyExponent(code: string): number {
  if (!known.has(code)) throw new RangeError(`Unknown currency ${code}`);
  return exponentExceptions[code] ?? 2;
}

/**
 * Formats minor units as a plain decimal string ("1234.50", "-0.05", "1200" for JPY), exactly:
 * bigint arithmetic, never a float.
 */
export function formatMinor(amount: bigint, currency: string): string {
  return formatScaled(amount, currencyExponent(currency));
}

/** `amount` in units of 10^-digits as a plain decimal string. */
function formatScaled(amount: bigint, digits: number): string {
  const negative = amount < 0n;
  const text = (negative ? -amount : amount).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = digits > 0 ? `.${text.slice(-digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Money for people: "$1,234.50", "¥1,200", "KWD 1.234" — from the exact decimal string. The
 * settings' `display_decimals` may show fewer decimals than the currency has (rounded half away
 * from zero, for display only) or more (zeros); by default the currency's own.
 */
export function formatMoney(amount: bigint, currency: string, options: { decimals?: number | undefined; locale?: string } = {}): string {
  const exponent = currencyExponent(currency);
  const decimals = options.decimals ?? exponent;
  const scaled = decimals >= exponent ? amount * 10n ** BigInt(decimals - exponent) : divRound(amount, 10n ** BigInt(exponent - decimals));
  const format = new Intl.NumberFormat(options.locale ?? 'en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  // Intl formats decimal strings exactly; a Number would lose cents above 2^53.
  return format.format(formatScaled(scaled, decimals) as Intl.StringNumericLiteral);
}

/**
 * What a person types ("1,234.50", "12", "0.5") in minor units of the currency, exactly; null
 * when it is not an amount with at most the currency's decimals.
 */
export function parseMajor(text: string, currency: string): bigint | null {
  const exponent = currencyExponent(currency);
  const match = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(text.trim().replace(/[,\s]/g, ''));
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent) return null;
  const minor = BigInt(whole!) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, '0') || '0');
  return sign ? -minor : minor;
}

/**
 * A usage price per unit — minor units with up to six decimals, as the API spells it ("0.015")
 * — as people read it, in major units with at least the currency's decimals: "0.00015" (USD),
 * "1.50" for "150".
 */
export function formatUnitPrice(unitAmount: string, currency: string): string {
  const exponent = currencyExponent(currency);
  const micro = parseMicro(unitAmount);
  if (micro === null) return unitAmount;
  const text = formatScaled(micro, exponent + 6);
  return exponent === 0 ? text.replace(/\.?0+$/, '') : text.replace(new RegExp(`(\\.\\d{${exponent}}\\d*?)0+$`), '$1');
}

/**
 * What a person types as a usage price per unit ("0.00015") in minor units with up to six
 * decimals ("0.015"), exactly; null when it has more decimals than that or is not an amount.
 */
export function parseUnitPrice(text: string, currency: string): string | null {
  const exponent = currencyExponent(currency);
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text.trim().replace(/[,\s]/g, ''));
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  if (fraction.length > exponent + 6) return null;
  const micro = BigInt(whole!) * 10n ** BigInt(exponent + 6) + BigInt(fraction.padEnd(exponent + 6, '0'));
  return formatMicro(micro);
}
