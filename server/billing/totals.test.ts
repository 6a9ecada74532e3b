import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTotals, lineAmounts, type LineInput } from './totals';

const line = (quantity: bigint, unitPrice: bigint, taxRate: bigint): LineInput => ({
  quantityMilli: quantity,
  unitPrice,
  taxRateMilli: taxRate,
});

describe('line amounts, exclusive tax', () => {
  it.each([
    // quantity (milli), unit price, rate (milli %) → subtotal, tax, total
    [1000n, 1000n, 0n, 1000n, 0n, 1000n],
    [1000n, 1999n, 20000n, 1999n, 400n, 2399n], // 399.8 → 400
    [1500n, 333n, 0n, 500n, 0n, 500n], // 499.5 → 500
    [3000n, 1n, 7375n, 3n, 0n, 3n], // tax 0.22 → 0
    [1000n, 1000n, 7375n, 1000n, 74n, 1074n], // 73.75 → 74
    [1000n, -1000n, 7375n, -1000n, -74n, -1074n], // a discount line rounds symmetrically
    [2500n, 4999n, 19000n, 12498n, 2375n, 14873n], // 12497.5 → 12498; 2374.62 → 2375
    [1000n, 9_999_999_999_999n, 100000n, 9_999_999_999_999n, 9_999_999_999_999n, 19_999_999_999_998n],
  ])('%s × %s at %s', (q, price, rate, subtotal, tax, total) => {
    expect(lineAmounts(line(q, price, rate), 'exclusive')).toEqual({ subtotal, tax, total });
  });
});

describe('line amounts, inclusive tax', () => {
  it.each([
    [1000n, 1200n, 20000n, 1000n, 200n, 1200n],
    [1000n, 1000n, 19000n, 840n, 160n, 1000n], // 159.66 → 160
    [1000n, 1000n, 0n, 1000n, 0n, 1000n],
    [2000n, 599n, 7375n, 1116n, 82n, 1198n], // 82.29 → 82
    [1000n, -1190n, 19000n, -1000n, -190n, -1190n],
  ])('%s × %s at %s', (q, price, rate, subtotal, tax, total) => {
    expect(lineAmounts(line(q, price, rate), 'inclusive')).toEqual({ subtotal, tax, total });
  });
});

describe('currencies with 0 and 3 decimals round in their own minor unit', () => {
  it('JPY: a 1.5 × ¥999 line at 10% is ¥1,499 + ¥150', () => {
    expect(lineAmounts(line(1500n, 999n, 10000n), 'exclusive')).toEqual({ subtotal: 1499n, tax: 150n, total: 1649n });
  });
  it('KWD: 0.333 × 1.000 KWD at 5% is 0.333 + 0.017', () => {
    expect(lineAmounts(line(333n, 1000n, 5000n), 'exclusive')).toEqual({ subtotal: 333n, tax: 17n, total: 350n });
  });
});

describe('document totals', () => {
  it('are zero for no lines', () => {
    expect(documentTotals([])).toEqual({ subtotal: 0n, tax: 0n, total: 0n });
  });

  const lineArb = fc.record({
    quantityMilli: fc.bigInt({ min: 1n, max: 1_000_000_000n }),
    unitPrice: fc.bigInt({ min: -9_999_999_999n, max: 9_999_999_999n }),
    taxRateMilli: fc.bigInt({ min: 0n, max: 100_000n }),
  });

  it.each(['exclusive', 'inclusive'] as const)('always equal the sum of their lines (%s, 1,000 random invoices)', (mode) => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 60 }), (lines) => {
        const amounts = lines.map((l) => lineAmounts(l, mode));
        const totals = documentTotals(amounts);
        expect(totals.total).toBe(amounts.reduce((s, a) => s + a.total, 0n));
        expect(totals.subtotal + totals.tax).toBe(totals.total);
        for (const a of amounts) expect(a.subtotal + a.tax).toBe(a.total);
      }),
      { numRuns: 1000 },
    );
  });
});
