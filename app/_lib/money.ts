import 'server-only';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import { formatsFor, type LocaleFormats } from '@/i18n/format';
import { api } from '@/server/api/server-caller';
import { formatMoney } from '@/server/billing/currency';

export type FormatMoney = (amount: bigint, currency: string) => string;

/** How amounts are shown and computed (display decimals, tax mode and rate), read once per request. */
export const displaySettings = cache(async () => (await api()).settings.display());

export const displayDecimals = async () => (await displaySettings()).decimals;

/** Formats money as the settings say (symbol, display decimals) for server components. */
export async function moneyFormatter(): Promise<FormatMoney> {
  const decimals = (await displayDecimals()) ?? undefined;
  return (amount, currency) => formatMoney(amount, currency, { decimals });
}

/** Money, dates and numbers on a customer's page, in the page's language (i18n/request.ts). */
export const pageFormats = cache(async (): Promise<LocaleFormats> => formatsFor(await getLocale(), { decimals: await displayDecimals() }));
