import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAmounts } from './totals';
import { allocateDraw, creditLine, type DrawableGrant } from './wallet';

const grant = (id: string, available: bigint, expiresOn: string | null, created: string): DrawableGrant => ({
  id,
  available,
  expiresOn,
  createdAt: new Date(`${created}T00:00:00Z`),
});

describe('allocateDraw: which grants a draw takes from', () => {
  const march = grant('march', 500n, '2030-04-01', '2030-03-01');
  const april = grant('april', 500n, '2030-05-01', '2030-04-01');
  const olderRollover = grant('roll-old', 300n, null, '2029-01-01');
  const newerRollover = grant('roll-new', 300n, null, '2030-01-01');
  const empty = grant('empty', 0n, '2030-03-15', '2030-02-01');

  it.each([
    ['nothing asked, nothing taken', [march], 0n, []],
    ['one grant covers it', [march], 200n, [['march', 200n]]],
    [
      'a grant is taken whole, then the next',
      [april, march],
      700n,
      [
        ['march', 500n],
        ['april', 200n],
      ],
    ],
    [
      'lapsing grants before rollover ones, whatever their age',
      [olderRollover, april],
      600n,
      [
        ['april', 500n],
        ['roll-old', 100n],
      ],
    ],
    [
      'rollover grants oldest first',
      [newerRollover, olderRollover],
      400n,
      [
        ['roll-old', 300n],
        ['roll-new', 100n],
      ],
    ],
    ['a spent grant is skipped', [empty, march], 100n, [['march', 100n]]],
    [
      'never more than the grants hold',
      [march, olderRollover],
      2000n,
      [
        ['march', 500n],
        ['roll-old', 300n],
      ],
    ],
    ['no grants, no parts', [], 100n, []],
  ] as const)('%s', (_, grants, amount, expected) => {
    expect(allocateDraw(grants, amount).map((p) => [p.grantId, p.amount])).toEqual(expected);
  });

  it('same expiry: the older grant first; same age: by id, so reruns agree', () => {
    const a = grant('a', 100n, '2030-04-01', '2030-03-02');
    const b = grant('b', 100n, '2030-04-01', '2030-03-01');
    const c = grant('c', 100n, '2030-04-01', '2030-03-01');
    expect(allocateDraw([a, c, b], 250n).map((p) => p.grantId)).toEqual(['b', 'c', 'a']);
  });

  it('takes exactly min(amount, what the grants hold), never more from a grant than it has', () => {
    const grantsArb = fc.array(
      fc.record({
        id: fc.uuid(),
        available: fc.bigInt({ min: 0n, max: 100_000n }),
        expiresOn: fc.option(fc.constantFrom('2030-01-01', '2030-02-01', '2030-03-01'), { nil: null }),
        createdAt: fc.date({ min: new Date('2029-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(grantsArb, fc.bigInt({ min: 0n, max: 500_000n }), (grants, amount) => {
        const parts = allocateDraw(grants, amount);
        const held = grants.reduce((sum, g) => sum + (g.available > 0n ? g.available : 0n), 0n);
        expect(parts.reduce((sum, p) => sum + p.amount, 0n)).toBe(amount < held ? amount : held);
        for (const part of parts) {
          expect(part.amount).toBeGreaterThan(0n);
          expect(part.amount).toBeLessThanOrEqual(grants.find((g) => g.id === part.grantId)!.available);
        }
        expect(new Set(parts.map((p) => p.grantId)).size).toBe(parts.length);
      }),
    );
  });
});

describe('creditLine: the "Prepaid credits applied" line', () => {
  it.each([
    // limit, rate (milli %), mode → unit price, subtotal, tax, total
    [1000n, 0n, 'exclusive', -1000n, -1000n, 0n, -1000n],
    [1200n, 20000n, 'exclusive', -1000n, -1000n, -200n, -1200n],
    // 1199 / 1.2 = 999.17: a price of 999 totals 1199 (tax 199.8 → 200)
    [1199n, 20000n, 'exclusive', -999n, -999n, -200n, -1199n],
    // 1000 / 1.19 = 840.3: 840 totals 1000 (tax 159.6 → 160)
    [1000n, 19000n, 'exclusive', -840n, -840n, -160n, -1000n],
    // 3 / 1.19 = 2.52: 2 totals 2, 3 would total 4 — the credit falls a unit short
    [3n, 19000n, 'exclusive', -2n, -2n, 0n, -2n],
    [1190n, 19000n, 'inclusive', -1190n, -1000n, -190n, -1190n],
    [1n, 20000n, 'exclusive', -1n, -1n, 0n, -1n],
  ] as const)('%s at %s (%s)', (limit, rate, mode, unitPrice, subtotal, tax, total) => {
    expect(creditLine(limit, rate, mode)).toEqual({ unitPrice, subtotal, tax, total, drawn: -total });
  });

  it('is null when nothing fits', () => {
    expect(creditLine(0n, 20000n, 'exclusive')).toBeNull();
    expect(creditLine(-5n, 0n, 'inclusive')).toBeNull();
  });

  it.each(['exclusive', 'inclusive'] as const)('never exceeds the limit, re-prices to itself, and no larger price fits (%s)', (mode) => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10_000_000n }), fc.bigInt({ min: 0n, max: 100_000n }), (limit, rate) => {
        const line = creditLine(limit, rate, mode);
        if (!line) return;
        expect(line.drawn).toBeLessThanOrEqual(limit);
        expect(line.drawn).toBeGreaterThan(0n);
        expect(lineAmounts({ quantityMilli: 1000n, unitPrice: line.unitPrice, taxRateMilli: rate }, mode)).toEqual({
          subtotal: line.subtotal,
          tax: line.tax,
          total: line.total,
        });
        expect(-lineAmounts({ quantityMilli: 1000n, unitPrice: line.unitPrice - 1n, taxRateMilli: rate }, mode).total).toBeGreaterThan(limit);
      }),
    );
  });
});
