import { describe, expect, it } from 'vitest';
import { cycleSaving, cycleSavings } from './savings';

describe('savings of a longer cycle against paying monthly', () => {
  it.each([
    ['a year at ten months', 'annual', 10000n, 1000n, 17],
    ['a quarter at 2.7 months', 'quarterly', 2700n, 1000n, 10],
    ['two years at 20 months', 'biennial', 20000n, 1000n, 17],
    ['three years at half price', 'triennial', 18000n, 1000n, 50],
    ['half a percent rounds up', 'semiannual', 5970n, 1000n, 1],
    ['under half a percent is nothing', 'semiannual', 5980n, 1000n, null],
    ['no discount', 'annual', 12000n, 1000n, null],
    ['dearer than monthly', 'annual', 13000n, 1000n, null],
    ['monthly itself', 'monthly', 1000n, 1000n, null],
    ['one-time', 'one_time', 1000n, 1000n, null],
    ['no monthly price', 'annual', 10000n, null, null],
    ['a free monthly plan', 'annual', 0n, 0n, null],
    ['a free annual plan', 'annual', 0n, 1000n, 100],
  ])('%s', (_what, cycle, price, monthly, expected) => {
    expect(cycleSavings(cycle, price, monthly)).toBe(expected);
  });
});

describe('the amount saved', () => {
  it.each([
    ['a year at ten months saves two', 'annual', 10000n, 1000n, { percent: 17, amount: 2000n }],
    ['a quarter at 2.7 months', 'quarterly', 2700n, 1000n, { percent: 10, amount: 300n }],
    ['under half a percent is no saving to show', 'semiannual', 5980n, 1000n, null],
    ['dearer than monthly', 'annual', 13000n, 1000n, null],
  ])('%s', (_what, cycle, price, monthly, expected) => {
    expect(cycleSaving(cycle, price, monthly)).toEqual(expected);
  });
});
