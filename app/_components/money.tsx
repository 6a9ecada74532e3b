'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatsFor, type LocaleFormats } from '@/i18n/format';
import { fallbackLocale, type Locale } from '@/i18n/locales';

const FormatsContext = createContext<LocaleFormats>(formatsFor(fallbackLocale));

/**
 * Hands the page's formats to the client components below it: the settings' display decimals,
 * and the locale whose separators, symbol position and dates they follow (the customer's on
 * their pages, the settings' in the console).
 */
export function MoneyProvider({ decimals, locale, children }: { decimals: number | null; locale: Locale; children: ReactNode }) {
  const formats = useMemo(() => formatsFor(locale, { decimals }), [locale, decimals]);
  return <FormatsContext.Provider value={formats}>{children}</FormatsContext.Provider>;
}

/** Formats money in client components as the page's locale and the settings say. */
export function useMoney(): (amount: bigint, currency: string) => string {
  return useContext(FormatsContext).money;
}

/** Money, dates and numbers in client components, in the page's locale. */
export const useFormats = (): LocaleFormats => useContext(FormatsContext);
