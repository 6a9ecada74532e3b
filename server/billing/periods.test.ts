import { describe, expect, it } from 'vitest';
import { addDays, addMonths, alignToBillingDay, daysBetween, isPlainDate, periodOf, toPlainDate } from './periods';

describe('adding months keeps the anchor day, clamped to short months', () => {
  it.each([
    ['2026-01-31', 1, 31, '2026-02-28'],
    ['2026-02-28', 1, 31, '2026-03-31'],
    ['2028-01-31', 1, 31, '2028-02-29'],
    ['2026-01-30', 1, 30, '2026-02-28'],
    ['2026-02-28', 1, 30, '2026-03-30'],
    ['2026-01-29', 1, 29, '2026-02-28'],
    ['2028-01-29', 1, 29, '2028-02-29'],
    ['2026-03-31', 1, 31, '2026-04-30'],
    ['2026-11-15', 3, 15, '2027-02-15'],
    ['2026-08-31', 6, 31, '2027-02-28'],
    ['2028-02-29', 12, 29, '2029-02-28'],
    ['2026-05-10', 36, undefined, '2029-05-10'],
    ['2026-12-31', -1, 31, '2026-11-30'],
  ])('%s + %i months (anchor %s) → %s', (date, months, anchor, expected) => {
    expect(addMonths(date, months, anchor)).toBe(expected);
  });
});

describe('periods', () => {
  it.each([
    ['2026-01-31', 'monthly', 31, '2026-02-28', 28],
    ['2026-02-28', 'monthly', 31, '2026-03-31', 31],
    ['2026-01-01', 'quarterly', 1, '2026-04-01', 90],
    ['2026-01-01', 'semiannual', 1, '2026-07-01', 181],
    ['2026-01-01', 'annual', 1, '2027-01-01', 365],
    ['2028-01-01', 'annual', 1, '2029-01-01', 366],
    ['2026-01-01', 'biennial', 1, '2028-01-01', 730],
    ['2026-01-01', 'triennial', 1, '2029-01-01', 1096],
  ] as const)('%s %s (day %i) ends %s after %i days', (start, cycle, anchor, end, days) => {
    expect(periodOf(start, cycle, anchor)).toEqual({ start, end, days });
  });
});

describe('calendar helpers', () => {
  it('count days across months and years, either way', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('add days and read instants in UTC', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(toPlainDate(new Date('2026-05-31T23:59:59.999Z'))).toBe('2026-05-31');
  });

  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['26-04-01', false],
    ['2026-04-30', true],
    ['0000-01-01', false],
    ['0001-01-01', true],
    ['9999-12-31', true],
  ])('%s is a date: %s', (value, valid) => {
    expect(isPlainDate(value)).toBe(valid);
  });

  it('rejects text that is not a date', () => {
    expect(() => daysBetween('tomorrow', '2026-01-01')).toThrow(RangeError);
  });

  it.each([
    ['2026-02-10', 31, '2026-02-28'],
    ['2026-03-10', 31, '2026-03-31'],
    ['2026-03-31', 31, '2026-03-31'],
    ['2026-03-20', 15, '2026-04-15'],
    ['2026-01-31', 30, '2026-02-28'],
    // A contract order's first period starts on the first billing day on/after its start date.
    ['2028-02-01', 31, '2028-02-29'],
    ['2027-02-15', 31, '2027-02-28'],
    ['2027-04-15', 30, '2027-04-30'],
    ['2027-03-16', 15, '2027-04-15'],
    ['2027-03-15', 15, '2027-03-15'],
    ['2027-12-20', 1, '2028-01-01'],
    ['2027-01-01', 1, '2027-01-01'],
  ])('aligns %s to billing day %i → %s', (date, day, expected) => {
    expect(alignToBillingDay(date, day)).toBe(expected);
  });
});
