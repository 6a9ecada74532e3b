import { describe, expect, it } from 'vitest';
import { agingBucket, monthlyAmount, periodCount, reportPeriods } from './reports';

describe('agingBucket: days past due → bucket', () => {
  it.each([
    [-30, 'current'], // due in a month
    [0, 'current'], // due today is not late yet
    [1, 'days_1_30'],
    [30, 'days_1_30'],
    [31, 'days_31_60'],
    [60, 'days_31_60'],
    [61, 'days_61_90'],
    [90, 'days_61_90'],
    [91, 'days_over_90'],
    [4000, 'days_over_90'],
  ] as const)('%s days → %s', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });
});

describe('monthlyAmount: a price per cycle per month, half away from zero once', () => {
  it.each([
    [1000n, 'monthly', 1000n],
    [1000n, 'quarterly', 333n], // 333.33…
    [1001n, 'quarterly', 334n], // 333.67
    [1500n, 'quarterly', 500n],
    [1003n, 'semiannual', 167n], // 167.17
    [1002n, 'semiannual', 167n], // 167 exactly
    [1005n, 'semiannual', 168n], // 167.5 → 168
    [12_006n, 'annual', 1001n], // 1000.5 → 1001
    [12_005n, 'annual', 1000n], // 1000.42
    [100n, 'biennial', 4n], // 4.17
    [60n, 'biennial', 3n], // 2.5 → 3
    [54n, 'triennial', 2n], // 1.5 → 2
    [53n, 'triennial', 1n], // 1.47
    [0n, 'annual', 0n],
  ] as const)('%s per %s → %s a month', (price, cycle, monthly) => {
    expect(monthlyAmount(price, cycle)).toBe(monthly);
  });
});

describe('report periods', () => {
  it.each([
    ['2027-01-01', '2027-01-01', 'day', 1],
    ['2027-01-30', '2027-03-01', 'day', 31], // February 2027 has 28 days
    ['2028-02-01', '2028-02-29', 'day', 29], // leap year
    ['2027-01-15', '2027-01-20', 'month', 1],
    ['2027-01-31', '2027-02-01', 'month', 2],
    ['2026-11-01', '2027-02-28', 'month', 4], // across a year end
  ] as const)('%s … %s by %s: %s periods', (from, to, interval, count) => {
    expect(periodCount(from, to, interval)).toBe(count);
    expect(reportPeriods(from, to, interval)).toHaveLength(count);
  });

  it('names months YYYY-MM and clamps the first and last to the range', () => {
    expect(reportPeriods('2027-01-15', '2027-03-10', 'month')).toEqual([
      { period: '2027-01', from: '2027-01-15', to: '2027-01-31' },
      { period: '2027-02', from: '2027-02-01', to: '2027-02-28' },
      { period: '2027-03', from: '2027-03-01', to: '2027-03-10' },
    ]);
  });

  it('names days YYYY-MM-DD', () => {
    expect(reportPeriods('2027-02-27', '2027-03-01', 'day').map((p) => p.period)).toEqual(['2027-02-27', '2027-02-28', '2027-03-01']);
  });
});
