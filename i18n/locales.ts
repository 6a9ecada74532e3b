import { z } from 'zod';

/** The languages customers can read Cashdesk in. `en` is the fallback of last resort. */
export const locales = ['en', 'de', 'fr', 'es', 'pt-BR'] as const;
export type Locale = (typeof locales)[number];
export const fallbackLocale: Locale = 'en';

/** Each language named in itself, as a switcher lists it. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
};

/** The cookie a visitor's explicit choice (the switcher) is kept in. */
export const localeCookie = 'NEXT_LOCALE';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (locales as readonly string[]).includes(value);

/**
 * A BCP 47 tag as the nearest supported locale, or null: case does not matter ("pt-br"), a
 * region we do not have falls back to its language ("de-AT" → "de"), and any Portuguese reads
 * the Brazilian texts, the only Portuguese we have.
 */
export function supportedLocale(tag: string): Locale | null {
  const [language = '', region] = tag.trim().toLowerCase().split(/[-_]/);
  if (language === 'pt') return 'pt-BR';
  if (region === undefined && isLocale(language)) return language;
  return isLocale(language) ? language : null;
}

/**
 * The visitor's language from an Accept-Language header: the supported one with the highest
 * q-value, earlier entries winning ties (RFC 9110 §12.5.4). Null when none is supported.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { locale: supportedLocale(tag), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry): entry is { locale: Locale; quality: number; index: number } => entry.locale !== null && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.locale ?? null;
}

/** A locale field in inputs: one of the supported tags, any case ("pt-br" is pt-BR). */
export const localeInput = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const locale = locales.find((l) => l.toLowerCase() === value.toLowerCase());
    if (locale) return locale;
    ctx.addIssue({ code: 'custom', message: `must be one of ${locales.join(', ')}` });
    return z.NEVER;
  });
