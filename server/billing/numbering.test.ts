import { describe, expect, it } from 'vitest';
import { counterYear, formatNumber } from './numbering';

const yearly = { prefix: 'INV', includeYear: true, padding: 5, reset: 'yearly' as const };

describe('document numbers', () => {
  it.each([
    [yearly, 2026, 42n, 'INV-2026-00042'],
    [{ ...yearly, includeYear: false }, 2026, 42n, 'INV-00042'],
    [{ ...yearly, padding: 3 }, 2026, 123456n, 'INV-2026-123456'],
    [{ ...yearly, prefix: 'CN' }, 2027, 1n, 'CN-2027-00001'],
    [{ ...yearly, prefix: '' }, 2026, 7n, '2026-00007'],
    [{ ...yearly, prefix: 'PF-' }, 2026, 1n, 'PF-2026-00001'],
    [{ ...yearly, prefix: 'PF-', includeYear: false }, 2026, 3n, 'PF-00003'],
  ])('%o, %i, #%s → %s', (format, year, sequence, expected) => {
    expect(formatNumber(format, year, sequence)).toBe(expected);
  });

  it('draw from a counter per year when they reset yearly, else from one for ever', () => {
    expect(counterYear(yearly, 2026)).toBe(2026);
    expect(counterYear({ ...yearly, reset: 'never' }, 2026)).toBe(0);
  });
});
