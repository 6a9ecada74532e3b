import { describe, expect, it } from 'vitest';
import { couponAppliesToCycle, couponDiscount, couponRefusal, type Coupon } from './coupons';

const coupon = (overrides: Partial<Coupon> = {}): Coupon => ({
  type: 'percent',
  value: 10_000n,
  currency: null,
  duration: 'once',
  cycles: null,
  maxUses: null,
  oncePerCustomer: false,
  expiresAt: null,
  productIds: [],
  ...overrides,
});

const use = { now: new Date('2026-06-01T00:00:00Z'), productIds: ['p1'], currency: 'USD', totalUses: 0, customerUses: 0 };

describe('coupon discount', () => {
  it.each([
    [{ type: 'percent', value: 10_000n }, 1999n, 200n], // 199.9 → 200
    [{ type: 'percent', value: 12_500n }, 1000n, 125n],
    [{ type: 'percent', value: 100_000n }, 1000n, 1000n],
    [{ type: 'percent', value: 150_000n }, 1000n, 1000n], // never more than the amount
    [{ type: 'fixed', value: 500n }, 1999n, 500n],
    [{ type: 'fixed', value: 5000n }, 1999n, 1999n],
    [{ type: 'fixed', value: 500n }, 0n, 0n],
    [{ type: 'fixed', value: -5n }, 100n, 0n],
  ] as const)('%o on %s → %s', (c, amount, expected) => {
    expect(couponDiscount(c, amount)).toBe(expected);
  });
});

describe('coupon duration', () => {
  it.each([
    ['once', null, 0, true],
    ['once', null, 1, false],
    ['repeating', 3, 2, true],
    ['repeating', 3, 3, false],
    ['forever', null, 99, true],
  ] as const)('%s (%s cycles) applies to cycle %i: %s', (duration, cycles, index, expected) => {
    expect(couponAppliesToCycle({ duration, cycles }, index)).toBe(expected);
  });
});

describe('coupon limits', () => {
  it.each([
    [{}, {}, null],
    [{ expiresAt: new Date('2026-06-01T00:00:00Z') }, {}, 'expired'],
    [{ expiresAt: new Date('2026-06-02T00:00:00Z') }, {}, null],
    [{ maxUses: 5 }, { totalUses: 5 }, 'exhausted'],
    [{ maxUses: 5 }, { totalUses: 4 }, null],
    [{ oncePerCustomer: true }, { customerUses: 1 }, 'already_used'],
    [{ oncePerCustomer: false }, { customerUses: 3 }, null],
    [{ productIds: ['p2'] }, {}, 'not_applicable'],
    [{ productIds: ['p1', 'p2'] }, {}, null],
    [{ type: 'fixed', value: 100n, currency: 'EUR' }, {}, 'wrong_currency'],
    [{ type: 'fixed', value: 100n, currency: 'USD' }, {}, null],
  ] as const)('%o with %o → %s', (overrides, usage, refusal) => {
    expect(couponRefusal(coupon(overrides as Partial<Coupon>), { ...use, ...usage })).toBe(refusal);
  });
});
