import 'server-only';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import { formatsFor, type LocaleFormats } from '@/i18n/format';
import { api } from '@/server/api/server-caller';

export type FormatMoney = (amount: bigint, currency: string) => string;

/** How amounts are shown and computed (display decimals, tax mode and rate, the console's locale), read once per request. */
export const displaySettings = cache(async () => (await api()).settings.display());

export const displayDecimals = async () => (await displaySettings()).decimals;

/**
 * Money, dates and numbers in the consoles (admin, reseller, collect): their text stays English,
 * but they write amounts and dates as the settings' default_locale does ("1.234,56 €", "31.12.2026"
 * for de); en keeps "$1,234.50" and "30 Nov 2026".
 */
export const consoleFormats = cache(async (): Promise<LocaleFormats> => {
  const { decimals, locale } = await displaySettings();
  return formatsFor(locale, { decimals });
});

/** Formats money as the settings say (symbol, display decimals, the console's locale) for server components. */
export async function moneyFormatter(): Promise<FormatMoney> {
  return (await consoleFormats()).money;
}

/** Money, dates and numbers on a customer's page, in the page's language (i18n/request.ts). */
export const pageFormats = cache(async (): Promise<LocaleFormats> => formatsFor(await getLocale(), { decimals: await displayDecimals() }));
