import { describe, expect, it } from 'vitest';
import { nextContractInvoice, nextRenewal, type PreviewOrder, type PreviewService } from './next-invoice';

const active: PreviewOrder = { status: 'active', billingDay: 1, startDate: '2031-01-01', endDate: null };
/** A monthly service of 3 seats × 1,000 billed on day 1, next period from 2031-03-01. */
const service = (over: Partial<PreviewService> = {}): PreviewService => ({
  status: 'active',
  cycle: 'monthly',
  billingDay: 1,
  billedUntil: '2031-03-01',
  price: 3000n,
  recurringDiscount: 0n,
  discountCyclesLeft: null,
  usage: false,
  ...over,
});
const preview = (order: Partial<PreviewOrder>, services: PreviewService[], rate = 20_000n, mode: 'exclusive' | 'inclusive' = 'exclusive') =>
  nextContractInvoice({ order: { ...active, ...order }, services, taxRateMilli: rate, taxMode: mode });

describe('next contract invoice: when', () => {
  it.each([
    // order, services → expected
    [
      'a draft: the first billing day on or after its start',
      { status: 'draft', startDate: '2031-01-15', billingDay: 1 },
      [],
      { kind: 'draft', firstBillingDay: '2031-02-01' },
    ],
    ['a draft starting on its billing day', { status: 'draft', startDate: '2031-01-15', billingDay: 15 }, [], { kind: 'draft', firstBillingDay: '2031-01-15' }],
    ['a draft, billing day 31 in February', { status: 'draft', startDate: '2031-02-10', billingDay: 31 }, [], { kind: 'draft', firstBillingDay: '2031-02-28' }],
    ['paused', { status: 'paused' }, [service()], { kind: 'none', reason: 'paused' }],
    ['completed', { status: 'completed' }, [service()], { kind: 'none', reason: 'completed' }],
    ['suspended', { status: 'suspended' }, [service()], { kind: 'none', reason: 'inactive' }],
    ['no active service', {}, [service({ status: 'suspended' })], { kind: 'none', reason: 'ended' }],
    ['next period starts after the end date', { endDate: '2031-02-28' }, [service()], { kind: 'none', reason: 'ended' }],
  ] as const)('%s', (_, order, services, expected) => {
    expect(preview(order, [...services])).toEqual(expected);
  });

  it.each([
    // billing day, billed until → next invoice date
    [1, '2031-03-01', '2031-03-01'],
    [31, '2031-02-28', '2031-02-28'], // clamped to February's end
    [31, '2032-02-29', '2032-02-29'], // leap year
    [30, '2031-04-30', '2031-04-30'],
    [31, '2031-03-31', '2031-03-31'], // back to the 31st
  ])('billing day %i, billed until %s → %s', (billingDay, billedUntil, date) => {
    expect(preview({ billingDay }, [service({ billingDay, billedUntil })])).toMatchObject({ kind: 'next', date });
  });

  it('a period starting on the end date is still billed', () => {
    expect(preview({ endDate: '2031-03-01' }, [service()])).toMatchObject({ kind: 'next', date: '2031-03-01' });
  });

  it('takes the earliest service and bills only those due that day', () => {
    const later = service({ billedUntil: '2031-04-01', price: 9000n });
    expect(preview({}, [later, service()])).toEqual({ kind: 'next', date: '2031-03-01', subtotal: 3000n, tax: 600n, total: 3600n, plusUsage: false });
  });
});

describe('next contract invoice: how much', () => {
  it.each([
    // services, rate, mode → subtotal, tax, total
    ['one line at 20 %', [service()], 20_000n, 'exclusive', 3000n, 600n, 3600n],
    ['exempt (0 %)', [service()], 0n, 'exclusive', 3000n, 0n, 3000n],
    ['an override of 7.5 %', [service()], 7_500n, 'exclusive', 3000n, 225n, 3225n],
    ['inclusive 7.5 %: 3000 × 7.5 / 107.5 = 209.30 → 209', [service()], 7_500n, 'inclusive', 2791n, 209n, 3000n],
    // Each line rounds on its own: 333 × 7.5 % = 24.975 → 25, twice.
    ['two lines round apart', [service({ price: 333n }), service({ price: 333n })], 7_500n, 'exclusive', 666n, 50n, 716n],
    ['a recurring discount still running', [service({ recurringDiscount: 500n, discountCyclesLeft: 2 })], 20_000n, 'exclusive', 2500n, 500n, 3000n],
    ['a discount for ever', [service({ recurringDiscount: 500n, discountCyclesLeft: null })], 20_000n, 'exclusive', 2500n, 500n, 3000n],
    ['a discount used up', [service({ recurringDiscount: 500n, discountCyclesLeft: 0 })], 20_000n, 'exclusive', 3000n, 600n, 3600n],
  ] as const)('%s', (_, services, rate, mode, subtotal, tax, total) => {
    expect(preview({}, [...services], rate, mode)).toEqual({ kind: 'next', date: '2031-03-01', subtotal, tax, total, plusUsage: false });
  });

  it('a usage service is invoiced at its period’s end, in arrears, and only says "plus usage"', () => {
    // Usage of [Feb 1, Mar 1) is billed on Mar 1 with the recurring line's period starting then.
    const usage = service({ usage: true, price: 0n, billedUntil: '2031-02-01' });
    expect(preview({}, [service(), usage])).toEqual({ kind: 'next', date: '2031-03-01', subtotal: 3000n, tax: 600n, total: 3600n, plusUsage: true });
    // Alone, its invoice comes at the end of its period.
    expect(preview({}, [usage])).toEqual({ kind: 'next', date: '2031-03-01', subtotal: 0n, tax: 0n, total: 0n, plusUsage: true });
    expect(preview({}, [service({ usage: true, price: 0n, billedUntil: '2031-03-01' }), service()])).toMatchObject({ date: '2031-03-01', plusUsage: false });
  });
});

describe('nextRenewal', () => {
  const today = '2026-12-07';
  it('is the next due date when it lies ahead', () => {
    expect(nextRenewal({ nextDueDate: '2026-12-31', periodEnd: '2026-12-31' }, today)).toBe('2026-12-31');
  });
  it('is the end of the first period for a service not paid yet, whose next due date is its start', () => {
    expect(nextRenewal({ nextDueDate: '2026-11-20', periodEnd: '2026-12-20' }, today)).toBe('2026-12-20');
  });
  it('is none when nothing lies ahead', () => {
    expect(nextRenewal({ nextDueDate: '2026-11-20', periodEnd: '2026-12-01' }, today)).toBeNull();
    expect(nextRenewal({ nextDueDate: '2026-11-20', periodEnd: null }, today)).toBeNull();
  });
});
