import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMinor, formatMoney, formatUnitPrice, isCurrency, parseMajor, parseUnitPrice } from './currency';

describe('currency exponents', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['CLF', 4],
  ])('%s has %i decimals', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it('rejects codes that are not ISO 4217', () => {
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
    expect(() => currencyExponent('XYZ')).toThrow(RangeError);
  });
});

describe('formatMinor', () => {
  it.each([
    [123450n, 'USD', '1234.50'],
    [5n, 'USD', '0.05'],
    [-5n, 'USD', '-0.05'],
    [0n, 'EUR', '0.00'],
    [1200n, 'JPY', '1200'],
    [1234n, 'KWD', '1.234'],
    [90071992547409930n, 'USD', '900719925474099.30'],
  ])('%s %s → %s', (amount, currency, expected) => {
    expect(formatMinor(amount, currency)).toBe(expected);
  });
});

describe('formatMoney', () => {
  it.each([
    [123450n, 'USD', '$1,234.50'],
    [-5n, 'USD', '-$0.05'],
    [1200n, 'JPY', '¥1,200'],
    [1234n, 'KWD', 'KWD 1.234'],
    [900719925474099301n, 'USD', '$9,007,199,254,740,993.01'],
  ])('%s %s → %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it.each([
    [123450n, 'USD', 0, '$1,235'],
    [123449n, 'USD', 0, '$1,234'],
    [-150n, 'USD', 0, '-$2'],
    [123450n, 'USD', 4, '$1,234.5000'],
    [1200n, 'JPY', 2, '¥1,200.00'],
    [1235n, 'KWD', 2, 'KWD 1.24'],
    [123450n, 'USD', undefined, '$1,234.50'],
  ])('%s %s shown with %s decimals → %s', (amount, currency, decimals, expected) => {
    expect(formatMoney(amount, currency, { decimals }).replace(/\u00a0/g, ' ')).toBe(expected);
  });
});

describe('parseMajor', () => {
  it.each([
    ['12.34', 'USD', 1234n],
    ['12', 'USD', 1200n],
    ['0.5', 'USD', 50n],
    ['1,234.50', 'USD', 123450n],
    [' 7 ', 'EUR', 700n],
    ['1200', 'JPY', 1200n],
    ['1.234', 'KWD', 1234n],
    ['-3.10', 'USD', -310n],
  ])('%s %s → %s', (text, currency, minor) => {
    expect(parseMajor(text, currency)).toBe(minor);
  });

  it.each([
    ['12.345', 'USD'],
    ['1.5', 'JPY'],
    ['abc', 'USD'],
    ['', 'USD'],
    ['1e3', 'USD'],
    ['.5', 'USD'],
  ])('rejects %j in %s', (text, currency) => {
    expect(parseMajor(text, currency)).toBeNull();
  });
});

describe('usage prices per unit, sub-cent', () => {
  it.each([
    ['0.015', 'USD', '0.00015'],
    ['150', 'USD', '1.50'],
    ['3', 'USD', '0.03'],
    ['0.123456', 'USD', '0.00123456'],
    ['12.5', 'JPY', '12.5'],
    ['12', 'JPY', '12'],
    ['1.5', 'KWD', '0.0015'],
  ])('%s minor %s reads %s', (unitAmount, currency, shown) => {
    expect(formatUnitPrice(unitAmount, currency)).toBe(shown);
  });

  it.each([
    ['0.00015', 'USD', '0.015'],
    ['1.50', 'USD', '150'],
    ['0.00000001', 'USD', '0.000001'],
    ['12.5', 'JPY', '12.5'],
  ])('%s %s is %s minor', (text, currency, unitAmount) => {
    expect(parseUnitPrice(text, currency)).toBe(unitAmount);
    expect(formatUnitPrice(unitAmount, currency).replace(/0+$/, '')).toBe(text.replace(/0+$/, ''));
  });

  it.each([
    ['0.000000001', 'USD'],
    ['-1', 'USD'],
    ['abc', 'USD'],
    ['0.0000001', 'JPY'],
  ])('refuses %s %s', (text, currency) => {
    expect(parseUnitPrice(text, currency)).toBeNull();
  });
});
