import { describe, expect, it } from 'vitest';
import { commissionOf } from './commission';

describe('commissionOf: collected × percent / 100, half away from zero', () => {
  it.each([
    // collected (minor units), percent (milli) → commission
    [10_000n, 10_000n, 1_000n], // 10 % of 100.00 = 10.00
    [12_345n, 10_000n, 1_235n], // 1234.5 → 1235 (half up)
    [12_344n, 10_000n, 1_234n], // 1234.4 → 1234
    [12_346n, 10_000n, 1_235n], // 1234.6 → 1235
    [1_005n, 12_500n, 126n], // 125.625 → 126
    [1_004n, 12_500n, 126n], // 125.5 → 126
    [1_003n, 12_500n, 125n], // 125.375 → 125
    [1n, 50_000n, 1n], // 0.5 → 1
    [1n, 49_999n, 0n], // 0.49999 → 0
    [-12_345n, 10_000n, -1_235n], // symmetric: -1234.5 → -1235
    [0n, 33_333n, 0n],
    [99_999n, 0n, 0n], // 0 %
    [99_999n, 100_000n, 99_999n], // 100 %
    [7n, 125n, 0n], // 0.125 % of 0.07 = 0.00875 → 0
    [9_007_199_254_740_993n, 33_333n, 3_002_369_727_582_815n], // beyond Number precision: 3002369727582815.197 → …815
  ])('%s at %s milli-percent → %s', (collected, percent, commission) => {
    expect(commissionOf(collected, percent)).toBe(commission);
  });

  it('refuses a percent outside 0–100', () => {
    expect(() => commissionOf(100n, -1n)).toThrow(RangeError);
    expect(() => commissionOf(100n, 100_001n)).toThrow(RangeError);
  });
});
