import { describe, expect, it } from 'vitest';
import { formatTenths, kpiWindows, meanTenths, percentTenths, tenthsChange } from './dashboard-kpis';

describe('kpiWindows: the windows of the dashboard on a given day', () => {
  it.each([
    // today, this month to date, the same days of the month before
    ['2027-01-31', '2027-01-01', '2026-12-01', '2026-12-31'],
    ['2027-03-31', '2027-03-01', '2027-02-01', '2027-02-28'], // cut at February's end
    ['2028-03-30', '2028-03-01', '2028-02-01', '2028-02-29'], // leap February
    ['2027-05-01', '2027-05-01', '2027-04-01', '2027-04-01'], // the first: one day against one day
    ['2027-07-15', '2027-07-01', '2027-06-01', '2027-06-15'],
  ] as const)('on %s: month to date from %s, compared with %s to %s', (today, from, previousFrom, previousTo) => {
    const windows = kpiWindows(today);
    expect(windows.monthToDate).toEqual({ from, to: today });
    expect(windows.previousMonthToDate).toEqual({ from: previousFrom, to: previousTo });
  });

  it('spans twelve months to today, and trailing 30 and 90 days with the same lengths before them', () => {
    expect(kpiWindows('2027-01-31')).toEqual({
      monthToDate: { from: '2027-01-01', to: '2027-01-31' },
      previousMonthToDate: { from: '2026-12-01', to: '2026-12-31' },
      months: { from: '2026-02-01', to: '2027-01-31' },
      churn: { from: '2027-01-02', to: '2027-01-31' },
      previousChurn: { from: '2026-12-03', to: '2027-01-01' },
      daysToPay: { from: '2026-11-03', to: '2027-01-31' },
      previousDaysToPay: { from: '2026-08-05', to: '2026-11-02' },
    });
  });
});

describe('percentTenths and meanTenths: one decimal, half away from zero', () => {
  it.each([
    [1n, 8n, 125n], // 12.5 %
    [1n, 3n, 333n], // 33.33… %
    [2n, 3n, 667n], // 66.66… % rounds up
    [1n, 16n, 63n], // 6.25 % → 6.3 (half away from zero)
    [0n, 5n, 0n],
    [5n, 5n, 1000n],
  ] as const)('%s of %s is %s tenths of a percent', (part, whole, tenths) => {
    expect(percentTenths(part, whole)).toBe(tenths);
  });

  it('has no rate of nothing', () => {
    expect(percentTenths(0n, 0n)).toBeNull();
  });

  it.each([
    [30n, 2n, 150n],
    [10n, 3n, 33n],
    [5n, 4n, 13n], // 1.25 → 1.3
    [0n, 1n, 0n],
  ] as const)('%s days over %s invoices is %s tenths', (sum, count, tenths) => {
    expect(meanTenths(sum, count)).toBe(tenths);
  });

  it('has no mean of no invoice', () => {
    expect(meanTenths(0n, 0n)).toBeNull();
  });
});

describe('formatTenths and tenthsChange', () => {
  it.each([
    [123n, '12.3'],
    [5n, '0.5'],
    [0n, '0.0'],
    [-5n, '−0.5'],
    [-120n, '−12.0'],
  ] as const)('%s tenths print as %s', (tenths, text) => {
    expect(formatTenths(tenths)).toBe(text);
  });

  it.each([
    [125n, 110n, 'pts', '+1.5 pts'],
    [110n, 125n, 'pts', '−1.5 pts'],
    [70n, 70n, 'days', '0.0 days'],
    [null, 70n, 'days', null],
    [70n, null, 'days', null],
  ] as const)('%s against %s in %s is %s', (current, previous, unit, text) => {
    expect(tenthsChange(current, previous, unit)).toBe(text);
  });
});
