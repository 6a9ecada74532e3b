import { describe, expect, it } from 'vitest';
import { charWidth, printable } from './fonts';
import { qrPath } from './qr';

describe('printable', () => {
  it.each([
    ['Zoë Ångström', 'Zoë Ångström'],
    ['Иван Петров', 'Иван Петров'],
    ['Ελένη Παπαδοπούλου', 'Ελένη Παπαδοπούλου'],
    ['Nguyễn Văn A', 'Nguyễn Văn A'],
    ['€ £ ¥ ₹ ₽ ₺ – “quoted”', '€ £ ¥ ₹ ₽ ₺ – “quoted”'],
    ['line one\nline two', 'line one\nline two'],
  ])('keeps %j', (text, expected) => {
    expect(printable(text)).toBe(expected);
  });

  it.each([
    // No CJK font is shipped (it would be 15+ MB): each character becomes one visible mark.
    ['株式会社 東京', '\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD'],
    ['Kim 김민준', 'Kim \uFFFD\uFFFD\uFFFD'],
    // The emoji becomes one mark; its invisible variation selector disappears.
    ['OK ✅\uFE0F', 'OK \uFFFD'],
  ])('replaces what the font cannot draw in %j', (text, expected) => {
    expect(printable(text)).toBe(expected);
  });
});

describe('charWidth', () => {
  it('scales with the type size and tells narrow from wide letters', () => {
    expect(charWidth('m', 20)).toBeCloseTo(2 * charWidth('m', 10), 6);
    expect(charWidth('i', 10)).toBeLessThan(charWidth('m', 10));
    expect(charWidth('m', 10)).toBeGreaterThan(5);
    expect(charWidth('m', 10)).toBeLessThan(10);
  });
});

describe('qrPath', () => {
  it('draws each dark run of a row as one rectangle, inside the symbol', () => {
    const { size, path } = qrPath('https://billing.example.test/p/invoice/3f1c2b7e?token=abc');
    expect(size).toBeGreaterThanOrEqual(21);
    expect((size - 17) % 4).toBe(0); // QR versions grow by 4 modules
    const runs = [...path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
    expect(runs.map((r) => r[0]).join('')).toBe(path);
    for (const [, x, y, width, back] of runs) {
      expect(Number(width)).toBe(Number(back));
      expect(Number(x) + Number(width)).toBeLessThanOrEqual(size);
      expect(Number(y)).toBeLessThan(size);
    }
    // The top-left finder pattern: a 7-module dark bar on the first row.
    expect(path.startsWith('M0 0h7v1h-7z')).toBe(true);
  });
});
