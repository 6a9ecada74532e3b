import { describe, expect, it } from 'vitest';
import { stripeAccepts, stripeChargeAmount } from './stripe-amounts';

describe('stripeChargeAmount', () => {
  it.each([
    // owed, currency, charged
    [12_345n, 'KWD', 12_350n],
    [12_341n, 'KWD', 12_350n],
    [12_349n, 'BHD', 12_350n],
    [12_340n, 'JOD', 12_340n],
    [1n, 'OMR', 10n],
    [9n, 'TND', 10n],
    [10n, 'TND', 10n],
    [0n, 'KWD', 0n],
    [999_999_999_999_995n, 'KWD', 1_000_000_000_000_000n],
    // Other currencies, three-decimal ones Stripe does not take in tens included, go as they are.
    [12_345n, 'USD', 12_345n],
    [12_345n, 'JPY', 12_345n],
    [12_345n, 'IQD', 12_345n],
    [1n, 'EUR', 1n],
  ])('%s %s is charged as %s', (owed, currency, charged) => {
    expect(stripeChargeAmount(owed, currency)).toBe(charged);
    expect(stripeAccepts(charged, currency)).toBe(true);
    expect(charged - owed).toBeGreaterThanOrEqual(0n);
    expect(charged - owed).toBeLessThan(10n);
  });
});

describe('stripeAccepts', () => {
  it.each([
    [12_350n, 'KWD', true],
    [12_345n, 'KWD', false],
    [5n, 'BHD', false],
    [12_345n, 'USD', true],
    [12_345n, 'LYD', true],
  ])('%s %s → %s', (amount, currency, accepted) => {
    expect(stripeAccepts(amount, currency)).toBe(accepted);
  });
});
