import { describe, expect, it } from 'vitest';
import { divRound, formatMilli, parseMilli, trimDecimal } from './decimal';

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
