import { describe, expect, it } from 'vitest';
import { localeInput, negotiateLocale, supportedLocale } from './locales';

describe('supportedLocale', () => {
  it.each([
    ['de', 'de'],
    ['DE', 'de'],
    ['de-AT', 'de'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['pt-BR', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['en-GB', 'en'],
    ['it', null],
    ['', null],
    ['*', null],
  ])('%s → %s', (tag, expected) => {
    expect(supportedLocale(tag)).toBe(expected);
  });
});

describe('negotiateLocale', () => {
  it.each([
    [null, null],
    ['', null],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['it-IT,it;q=0.9,fr;q=0.5,en;q=0.4', 'fr'],
    ['en;q=0.5, es;q=0.9', 'es'],
    ['fr, de', 'fr'],
    ['de;q=0, en', 'en'],
    ['pt-BR', 'pt-BR'],
    ['it, ja', null],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('localeInput', () => {
  it('accepts any case and answers the canonical tag', () => {
    expect(localeInput.parse('pt-br')).toBe('pt-BR');
    expect(localeInput.parse(' DE ')).toBe('de');
  });
  it('refuses a language we do not have, naming the choices', () => {
    const result = localeInput.safeParse('it');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be one of en, de, fr, es, pt-BR');
  });
});
