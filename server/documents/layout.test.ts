import { describe, expect, it } from 'vitest';
import { breakToWidth, layoutFor } from './layout';
import { papers, parsePaper } from './paper';

const layoutOf = (id: string) => layoutFor(parsePaper(id)!);

describe('layoutFor', () => {
  it.each([
    // paper,        variant,   font, margin
    ['A4', 'sheet', 9, 36],
    ['letter', 'sheet', 9.5, 37],
    ['A3', 'sheet', 11, 48],
    ['A5', 'sheet', 7, 25],
    ['A6', 'sheet', 7, 18],
    ['receipt-80', 'receipt', 7.5, 11.5],
    ['receipt-58', 'receipt', 6, 8],
    // Narrower than 100 mm: the five-column table would leave no room for descriptions.
    ['custom:90x200', 'receipt', 8, 12],
  ])('%s: %s layout, %s pt type, %s pt margins', (id, variant, fontSize, margin) => {
    expect(layoutOf(id)).toMatchObject({ variant, fontSize, margin });
  });

  it.each(papers.map((p) => [p.id, p] as const))('%s keeps its QR code and type inside the content width', (_id, paper) => {
    const layout = layoutFor(paper);
    expect(layout.contentWidth).toBeCloseTo(paper.widthPt - 2 * layout.margin, 6);
    expect(layout.qrSize).toBeLessThanOrEqual(layout.contentWidth);
    expect(layout.qrSize).toBeGreaterThanOrEqual(56);
    expect(layout.smallSize).toBeGreaterThanOrEqual(5);
    expect(layout.smallSize).toBeLessThan(layout.fontSize);
    expect(layout.titleSize).toBeGreaterThan(layout.fontSize);
  });

  it('grows type with the sheet but caps it', () => {
    const sizes = ['A6', 'A5', 'A4', 'B4', 'A3'].map((id) => layoutOf(id).fontSize);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(layoutOf('custom:1000x1000').fontSize).toBe(11);
  });
});

describe('breakToWidth', () => {
  const oneEach = () => 1;

  it.each([
    ['abcdefgh', 3, ['abc', 'def', 'gh']],
    ['abc', 3, ['abc']],
    ['abc', 10, ['abc']],
    ['', 3, []],
    // A character wider than the line still makes progress, on a line of its own.
    ['abc', 0.5, ['a', 'b', 'c']],
  ])('%j at width %s → %j', (text, width, lines) => {
    expect(breakToWidth(text, width, oneEach)).toEqual(lines);
  });

  it('measures each character and never splits a surrogate pair', () => {
    const wide = (char: string) => (char === 'W' ? 2 : 1);
    expect(breakToWidth('aWWa', 3, wide)).toEqual(['aW', 'Wa']);
    expect(breakToWidth('a😀b', 2, oneEach)).toEqual(['a😀', 'b']);
  });

  it('joins back to the text it broke', () => {
    const url = 'https://billing.example.test/p/invoice/3f1c2b7e-0000-4000-8000-000000000001?token=Qk3v8J0pX1yZ2aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2';
    expect(breakToWidth(url, 17, oneEach).join('')).toBe(url);
  });
});
