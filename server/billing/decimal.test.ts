import { describe, expect, it } from 'vitest';
import { divRound, formatMicro, formatMilli, parseMicro, parseMilli, trimDecimal, usageAmount } from './decimal';

describe('divRound: half away from zero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [-4n, 3n, -1n],
    [0n, 7n, 0n],
    [1n, 3n, 0n],
    [149n, 100n, 1n],
    [150n, 100n, 2n],
    [-150n, 100n, -2n],
  ])('%s / %s → %s', (n, d, expected) => {
    expect(divRound(n, d)).toBe(expected);
  });

  it('refuses to divide by zero', () => {
    expect(() => divRound(1n, 0n)).toThrow(RangeError);
  });
});

describe('decimals with up to three places', () => {
  it.each([
    ['1', 1000n],
    ['1.5', 1500n],
    ['7.375', 7375n],
    ['0.001', 1n],
    ['-2.25', -2250n],
    [' 3 ', 3000n],
    [0.1, 100n],
    [2, 2000n],
    [19.999, 19999n],
  ] as const)('%j → %s', (input, milli) => {
    expect(parseMilli(input)).toBe(milli);
  });

  it.each(['1.2345', 'abc', '', '1e3', '1.', '.5', '0x10', '1,5', 'NaN'])('rejects %j', (input) => {
    expect(parseMilli(input)).toBeNull();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1e21, 0.0001])('rejects the number %s', (input) => {
    expect(parseMilli(input)).toBeNull();
  });

  it.each([
    [1500n, '1.5'],
    [2000n, '2'],
    [7375n, '7.375'],
    [1n, '0.001'],
    [-2250n, '-2.25'],
    [0n, '0'],
  ])('%s → %s', (milli, text) => {
    expect(formatMilli(milli)).toBe(text);
  });
});

describe('numeric text', () => {
  it.each([
    ['1.500', '1.5'],
    ['2.000', '2'],
    ['7.375', '7.375'],
    ['10', '10'],
    ['0.000', '0'],
  ])('%s → %s', (text, trimmed) => {
    expect(trimDecimal(text)).toBe(trimmed);
  });
});

describe('usage: micro units and one rounding per line', () => {
  it.each([
    ['0.015', 15000n],
    ['12345.5', 12345500000n],
    [0.000001, 1n],
    ['3', 3000000n],
  ] as const)('%j → %s micro', (input, micro) => {
    expect(parseMicro(input)).toBe(micro);
  });

  it.each(['0.0000001', '1e-6', 'x'])('rejects %j', (input) => {
    expect(parseMicro(input)).toBeNull();
  });

  it('formats micro units back to the shortest decimal', () => {
    expect(formatMicro(15000n)).toBe('0.015');
    expect(formatMicro(2000000n)).toBe('2');
  });

  it.each([
    // 12345.5 units × 0.015 = 185.1825 minor units → 185.
    ['12345.5', '0.015', 185n],
    // 100 × 0.015 = 1.5 → 2 (half away from zero).
    ['100', '0.015', 2n],
    // 33.333333 × 0.000003 = 0.000099999999 → 0.
    ['33.333333', '0.000003', 0n],
    // 0.5 × 1 = 0.5 → 1.
    ['0.5', '1', 1n],
    // 1,000,000 records' worth: 999999.999999 × 12.345678 = 12345677.999987654322 → 12345678.
    ['999999.999999', '12.345678', 12345678n],
  ])('%s × %s → %s', (quantity, unitPrice, amount) => {
    expect(usageAmount(parseMicro(quantity)!, parseMicro(unitPrice)!)).toBe(amount);
  });
});
