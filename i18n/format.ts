import { formatMoney } from '@/server/billing/currency';
import type { Locale } from './locales';

// Intl's own data decides separators, symbol position and month names. `en` dates read the
// British way ("31 Dec 2026"), unambiguous on both sides of the Atlantic; its numbers the
// American way, as they always have.
const numberLocales: Record<Locale, string> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', 'pt-BR': 'pt-BR' };
/** The Intl locale each of ours writes dates with, for a page that needs a date style of its own. */
export const dateLocales: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', 'pt-BR': 'pt-BR' };

export type LocaleFormats = {
  locale: Locale;
  /** "1.234,56 €" in de, "€1,234.56" in en; `decimals` as the settings' display_decimals. */
  money: (amount: bigint, currency: string) => string;
  /** A calendar date ("2026-12-31") or an instant's day: "31.12.2026" in de, "31 Dec 2026" in en; "—" for none. */
  day: (value: string | Date | null) => string;
  /** An instant to the minute, UTC: "31.12.2026, 14:05". */
  moment: (value: Date) => string;
  /** A plain number: "1.234,5" in de. */
  number: (value: number | bigint) => string;
};

/** How a locale writes money, dates and numbers. Billing dates are UTC calendar dates, never shifted by a zone. */
export function formatsFor(locale: Locale, options: { decimals?: number | null | undefined } = {}): LocaleFormats {
  const day = new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: 'medium', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(numberLocales[locale]);
  return {
    locale,
    money: (amount, currency) => formatMoney(amount, currency, { decimals: options.decimals ?? undefined, locale: numberLocales[locale] }),
    day: (value) => (value === null ? '—' : day.format(typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value)),
    moment: (value) => moment.format(value),
    number: (value) => number.format(value),
  };
}
