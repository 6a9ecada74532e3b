import { describe, expect, it } from 'vitest';
import { agingDueRange, chosenRange, defaultInterval, percentChange, presetRange, previousRange } from './report-ranges';

describe('presetRange: a preset on a given day', () => {
  it.each([
    ['this_month', '2027-01-31', '2027-01-01', '2027-01-31'],
    ['this_month', '2028-02-10', '2028-02-01', '2028-02-29'], // leap February
    ['last_month', '2027-03-31', '2027-02-01', '2027-02-28'],
    ['last_month', '2027-01-05', '2026-12-01', '2026-12-31'], // across the year boundary
    ['this_quarter', '2027-01-01', '2027-01-01', '2027-03-31'],
    ['this_quarter', '2027-05-17', '2027-04-01', '2027-06-30'],
    ['this_quarter', '2027-09-30', '2027-07-01', '2027-09-30'],
    ['this_quarter', '2027-12-31', '2027-10-01', '2027-12-31'],
    ['this_year', '2027-06-15', '2027-01-01', '2027-12-31'],
  ] as const)('%s on %s → %s to %s', (preset, today, from, to) => {
    expect(presetRange(preset, today)).toEqual({ from, to });
  });
});

describe('chosenRange: the URL → the range shown', () => {
  const today = '2027-01-31';
  it('takes from and to when both are given', () => {
    expect(chosenRange({ from: '2026-11-03', to: '2026-12-09', preset: 'this_year' }, today, 'this_month')).toEqual({
      preset: 'custom',
      range: { from: '2026-11-03', to: '2026-12-09' },
    });
  });
  it('names a custom range that is a preset’s as that preset', () => {
    expect(chosenRange({ from: '2026-12-01', to: '2026-12-31' }, today, 'this_month').preset).toBe('last_month');
  });
  it('uses the preset when from or to is missing, and the fallback for an unknown preset', () => {
    expect(chosenRange({ preset: 'this_quarter', from: '2026-01-01' }, today, 'this_month')).toEqual({
      preset: 'this_quarter',
      range: { from: '2027-01-01', to: '2027-03-31' },
    });
    expect(chosenRange({ preset: 'fortnight' }, today, 'this_year')).toEqual({ preset: 'this_year', range: { from: '2027-01-01', to: '2027-12-31' } });
    expect(chosenRange({}, today, 'this_month').range).toEqual({ from: '2027-01-01', to: '2027-01-31' });
  });
});

describe('previousRange: as long, just before', () => {
  it.each([
    ['2027-03-01', '2027-03-31', '2027-02-01', '2027-02-28'], // a month against the month before, whatever its days
    ['2027-01-01', '2027-01-31', '2026-12-01', '2026-12-31'], // across the year boundary
    ['2027-04-01', '2027-06-30', '2027-01-01', '2027-03-31'], // a quarter
    ['2027-01-01', '2027-12-31', '2026-01-01', '2026-12-31'], // a year
    ['2027-03-10', '2027-03-16', '2027-03-03', '2027-03-09'], // seven days
    ['2027-03-01', '2027-03-15', '2027-02-14', '2027-02-28'], // part of a month: by days
    ['2027-01-20', '2027-01-20', '2027-01-19', '2027-01-19'], // one day
  ])('%s to %s → %s to %s', (from, to, prevFrom, prevTo) => {
    expect(previousRange({ from, to })).toEqual({ from: prevFrom, to: prevTo });
  });
});

describe('defaultInterval', () => {
  it('days for a month or two, months beyond', () => {
    expect(defaultInterval({ from: '2027-01-01', to: '2027-01-31' })).toBe('day');
    expect(defaultInterval({ from: '2027-01-01', to: '2027-03-03' })).toBe('day'); // 62 days
    expect(defaultInterval({ from: '2027-01-01', to: '2027-03-04' })).toBe('month');
    expect(defaultInterval({ from: '2027-01-01', to: '2027-12-31' })).toBe('month');
  });
});

describe('percentChange: ± % of the previous figure', () => {
  it.each([
    [1125n, 1000n, '+12.5 %'],
    [970n, 1000n, '−3.0 %'],
    [1000n, 1000n, '0.0 %'],
    [0n, 1000n, '−100.0 %'],
    [3000n, 1000n, '+200.0 %'],
    [1n, 3n, '−66.7 %'], // −66.666… rounds away from zero
    [2n, 3n, '−33.3 %'],
    [10_005n, 10_000n, '+0.1 %'], // 0.05 % → 0.1, half away from zero
    [9_995n, 10_000n, '−0.1 %'],
    [10_004n, 10_000n, '0.0 %'],
    [-50n, -100n, '+50.0 %'], // a negative base (net refunds): measured against its size
  ])('%s after %s → %s', (current, previous, change) => {
    expect(percentChange(current, previous)).toBe(change);
  });
  it('has no percent against a zero previous period', () => {
    expect(percentChange(500n, 0n)).toBeNull();
    expect(percentChange(0n, 0n)).toBeNull();
  });
});

describe('agingDueRange: the due dates of a bucket at a date', () => {
  it.each([
    ['current', { from: '2027-01-31' }], // due today or later
    ['days_1_30', { from: '2027-01-01', to: '2027-01-30' }],
    ['days_31_60', { from: '2026-12-02', to: '2026-12-31' }],
    ['days_61_90', { from: '2026-11-02', to: '2026-12-01' }],
    ['days_over_90', { to: '2026-11-01' }],
  ] as const)('%s', (bucket, range) => {
    expect(agingDueRange(bucket, '2027-01-31')).toEqual(range);
  });
});
