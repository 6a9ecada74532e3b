import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultPaper, paperFromQuery, paperFromSettings, paperQueryFields, papers, parsePaper } from './paper';

// As the download routes read it (with their other fields).
const paperQuery = z.object(paperQueryFields).transform(paperFromQuery);

describe('paper sizes in points', () => {
  it.each([
    // id,          width,  height (PDF points, 1/72 in)
    ['A3', 841.89, 1190.55],
    ['A4', 595.28, 841.89],
    ['A5', 419.53, 595.28],
    ['A6', 297.64, 419.53],
    ['B4', 708.66, 1000.63],
    ['B5', 498.9, 708.66],
    ['letter', 612, 792],
    ['legal', 612, 1008],
    ['tabloid', 792, 1224],
    ['executive', 522, 756],
  ])('%s is %s × %s pt', (id, width, height) => {
    const paper = parsePaper(id)!;
    expect(paper.widthPt).toBeCloseTo(width, 2);
    expect(paper.heightPt).toBeCloseTo(height, 2);
  });

  it.each([
    ['receipt-58', 164.41],
    ['receipt-80', 226.77],
  ])('%s is %s pt wide and as tall as its content', (id, width) => {
    const paper = parsePaper(id)!;
    expect(paper.widthPt).toBeCloseTo(width, 2);
    expect(paper.heightPt).toBeNull();
  });

  it('lists every size once, A4 first among the defaults', () => {
    expect(new Set(papers.map((p) => p.id.toLowerCase())).size).toBe(papers.length);
    expect(defaultPaper.id).toBe('A4');
  });
});

describe('parsePaper', () => {
  it.each([
    ['a4', 'A4'],
    [' Letter ', 'letter'],
    ['RECEIPT-80', 'receipt-80'],
    ['custom:100x150', 'custom:100x150'],
    ['Custom:100.5X150', 'custom:100.5x150'],
    ['custom:40x1000', 'custom:40x1000'],
    ['58mm', 'receipt-58'],
    [' 80MM', 'receipt-80'],
  ])('reads %j as %s', (text, id) => {
    expect(parsePaper(text)?.id).toBe(id);
  });

  it('sizes a custom paper in millimetres', () => {
    const paper = parsePaper('custom:100x150')!;
    expect(paper.widthPt).toBeCloseTo(283.46, 2);
    expect(paper.heightPt).toBeCloseTo(425.2, 2);
  });

  it.each([
    'A7',
    'letterhead',
    '',
    'custom:100',
    'custom:100x',
    'custom:39x100',
    'custom:100x1001',
    'custom:-5x100',
    'custom:1e2x100',
    'custom:100.123x150',
    '100x150',
  ])('refuses %j', (text) => {
    expect(parsePaper(text)).toBeNull();
  });
});

describe('paperQuery', () => {
  const fieldsOf = (query: Record<string, string>) => {
    const result = paperQuery.safeParse(query);
    return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
  };

  it('explains the accepted sizes on a bad value', () => {
    expect(fieldsOf({ paper: 'A7' }).paper).toMatch(
      /^must be one of A3, A4, .*receipt-80, 58mm, 80mm, or custom with width_mm and height_mm \(40–1000 mm each\)/,
    );
  });

  it.each([
    [{}, undefined],
    [{ paper: 'a5' }, 'A5'],
    [{ paper: '58mm' }, 'receipt-58'],
    [{ paper: '80MM' }, 'receipt-80'],
    [{ paper: 'custom', width_mm: '100', height_mm: '150.25' }, 'custom:100x150.25'],
    [{ paper: 'Custom', width_mm: ' 40 ', height_mm: '1000' }, 'custom:40x1000'],
  ])('reads %j as %s', (query, id) => {
    expect(paperQuery.parse(query).paper?.id).toBe(id);
  });

  it.each([
    [{ paper: 'custom' }, { width_mm: 'is required with paper=custom', height_mm: 'is required with paper=custom' }],
    [{ paper: 'custom', width_mm: '100' }, { height_mm: 'is required with paper=custom' }],
    [{ paper: 'custom', width_mm: '39.99', height_mm: '100' }, { width_mm: 'must be between 40 and 1000 mm' }],
    [{ paper: 'custom', width_mm: '100', height_mm: '100.123' }, { height_mm: 'must be a size in millimetres with at most 2 decimals, 40–1000' }],
    [{ paper: 'letter', height_mm: '100' }, { height_mm: 'is only taken with paper=custom' }],
    [{ width_mm: '100' }, { width_mm: 'is only taken with paper=custom' }],
  ])('refuses %j with %j', (query, fields) => {
    expect(fieldsOf(query)).toEqual(fields);
  });
});

describe('paperFromSettings', () => {
  it.each([
    [{ paper_size: 'Letter' }, 'letter'],
    [{ paper_size: 'receipt-58' }, 'receipt-58'],
    [{ paper_size: 'custom', custom_paper_mm: { width: 90, height: 200 } }, 'custom:90x200'],
    [{ paper_size: 'custom:120x90' }, 'custom:120x90'],
    // Free text saved before the list existed prints on A4 instead of failing every download.
    [{ paper_size: 'Folio' }, 'A4'],
    [{ paper_size: 'custom' }, 'A4'],
    [{ paper_size: 'custom', custom_paper_mm: { width: 5, height: 5 } }, 'A4'],
  ])('%j → %s', (settings, id) => {
    expect(paperFromSettings(settings).id).toBe(id);
  });
});
