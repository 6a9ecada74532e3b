import { describe, expect, it } from 'vitest';
import { minorFromPayPal, paypalAmount } from './paypal';

describe('PayPal amounts', () => {
  it.each([
    [1234n, 'USD', '12.34'],
    [5n, 'EUR', '0.05'],
    [1200n, 'JPY', '1200'],
  ])('%s minor %s is "%s" and back', (minor, currency, value) => {
    expect(paypalAmount(minor, currency)).toEqual({ currency_code: currency, value });
    expect(minorFromPayPal({ currency_code: currency, value })).toBe(minor);
  });

  it.each([
    ['12.345', 'USD'],
    ['abc', 'USD'],
    ['10.00', 'XXX'],
  ])('refuses "%s" %s rather than guess', (value, currency) => {
    expect(minorFromPayPal({ currency_code: currency, value })).toBeNull();
  });
});
