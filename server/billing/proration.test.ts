import { describe, expect, it } from 'vitest';
import { prorate } from './proration';

describe('proration (ProxPanel examples and clamps)', () => {
  it.each([
    // old,  new,  period, left → old_credit, new_charge, prorate, unused
    [3000n, 6000n, 30, 15, 1500n, 3000n, 1500n, 15], // upgrade mid-cycle
    [6000n, 3000n, 30, 10, 2000n, 1000n, -1000n, 10], // downgrade → credit note
    [3000n, 6000n, 30, -4, 0n, 0n, 0n, 0], // expiry in the past → nothing unused
    [3000n, 6000n, 30, 45, 3000n, 6000n, 3000n, 30], // beyond the period → clamped
    [1000n, 1999n, 31, 10, 323n, 645n, 322n, 10], // 322.58 → 323, 644.84 → 645
    [999n, 999n, 28, 14, 500n, 500n, 0n, 14], // same price → nothing
    [5000n, 0n, 30, 30, 5000n, 0n, -5000n, 30], // to a free plan: whole price back
  ])('%s → %s over %i days with %i left', (oldPrice, newPrice, periodDays, daysLeft, oldCredit, newCharge, p, unusedDays) => {
    expect(prorate({ oldPrice, newPrice, periodDays, daysLeft })).toEqual({
      unusedDays,
      periodDays,
      oldCredit,
      newCharge,
      prorate: p,
    });
  });

  it('refuses an empty period', () => {
    expect(() => prorate({ oldPrice: 1n, newPrice: 2n, periodDays: 0, daysLeft: 0 })).toThrow(RangeError);
  });
});
