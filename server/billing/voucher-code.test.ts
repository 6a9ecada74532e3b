import { describe, expect, it } from 'vitest';
import { codeAlphabet, codeTail, drawCode, formatCode, normalizeCode } from './voucher-code';

const bytes = (values: number[]) => () => Uint8Array.from(values);

describe('prepaid card codes', () => {
  it('draws three groups of four from the unambiguous alphabet', () => {
    expect(drawCode(bytes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))).toBe('ABCD-EFGH-JKLM');
    expect(drawCode(bytes([31, 63, 255, 32, 24, 25, 26, 27, 28, 29, 30, 31]))).toBe('999A-2345-6789');
  });

  it('never uses 0, O, 1 or I', () => {
    expect(codeAlphabet).toHaveLength(32);
    for (const symbol of '0O1I') expect(codeAlphabet).not.toContain(symbol);
    const every = drawCode(bytes(Array.from({ length: 12 }, (_, i) => i * 21)));
    expect(every).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });

  it.each([
    ['ABCD-EFGH-JKLM', 'ABCDEFGHJKLM'],
    ['abcd efgh jklm', 'ABCDEFGHJKLM'],
    [' abcdefghjklm ', 'ABCDEFGHJKLM'],
    ['ABCD-EFGH-JKL', null], // too short
    ['ABCD-EFGH-JKLMN', null], // too long
    ['ABCD-EFGH-JKL0', null], // a zero is never in a code
    ['ABCD-EFGH-JKLO', null], // nor an O
    ['ABCD_EFGH_JKLM', null], // only spaces and dashes are ignored
  ])('reads %j as %j', (typed, bare) => {
    expect(normalizeCode(typed)).toBe(bare);
  });

  it('formats and tails', () => {
    expect(formatCode('ABCDEFGHJKLM')).toBe('ABCD-EFGH-JKLM');
    expect(codeTail('ABCDEFGHJKLM')).toBe('JKLM');
  });
});
