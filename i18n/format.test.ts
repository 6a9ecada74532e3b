import { describe, expect, it } from 'vitest';
import { formatsFor } from './format';
import type { Locale } from './locales';

// Intl separates some parts with no-break spaces; people read them as spaces.
const plain = (text: string) => text.replaceAll(/[\u00a0\u202f]/g, ' ');

describe('formatsFor', () => {
  it.each<[Locale, string, string, string]>([
    ['en', '€1,234.56', '31 Dec 2026', '1,234,567'],
    ['de', '1.234,56 €', '31.12.2026', '1.234.567'],
    ['fr', '1 234,56 €', '31 déc. 2026', '1 234 567'],
    ['es', '1234,56 €', '31 dic 2026', '1.234.567'],
    ['pt-BR', '€ 1.234,56', '31 de dez. de 2026', '1.234.567'],
  ])('%s: money %s, day %s, number %s', (locale, money, day, number) => {
    const formats = formatsFor(locale);
    expect(plain(formats.money(123456n, 'EUR'))).toBe(money);
    expect(plain(formats.day('2026-12-31'))).toBe(day);
    expect(plain(formats.number(1234567))).toBe(number);
  });

  it('keeps cents exact above 2^53 and honours display decimals', () => {
    expect(plain(formatsFor('de').money(123456789012345678n, 'EUR'))).toBe('1.234.567.890.123.456,78 €');
    expect(plain(formatsFor('de', { decimals: 0 }).money(123456n, 'EUR'))).toBe('1.235 €');
  });

  it('writes the symbol where each locale puts it', () => {
    expect(plain(formatsFor('en').money(500n, 'USD'))).toBe('$5.00');
    expect(plain(formatsFor('de').money(500n, 'USD'))).toBe('5,00 $');
    expect(plain(formatsFor('pt-BR').money(500n, 'BRL'))).toBe('R$ 5,00');
  });

  it('reads a calendar date as that day whatever the zone, and none as a dash', () => {
    expect(formatsFor('de').day('2026-01-01')).toBe('01.01.2026');
    expect(formatsFor('en').day(null)).toBe('—');
    expect(plain(formatsFor('de').moment(new Date('2026-12-31T14:05:00Z')))).toBe('31.12.2026, 14:05');
  });
});
