import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { api } from '@/server/api/server-caller';
import { fallbackLocale, isLocale, localeCookie, negotiateLocale, type Locale } from './locales';
import { loadMessages } from './messages';

// The console's areas, and the staff's own account pages: staff read English there whatever
// their browser says (DESIGN.md).
const consoleAreas = ['/admin', '/reseller', '/collect', '/account'];

/**
 * The language of this request's page: in the console English; elsewhere the signed-in
 * customer's own choice, else the visitor's (the switcher's cookie), else their browser's
 * Accept-Language, else the desk's default_locale.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const [head, jar] = await Promise.all([headers(), cookies()]);
  const path = head.get('x-cashdesk-path') ?? '';
  if (consoleAreas.some((area) => path === area || path.startsWith(`${area}/`))) return fallbackLocale;
  const preferences = await (await api()).settings.locale().catch(() => null);
  const chosen = jar.get(localeCookie)?.value;
  return preferences?.own ?? (isLocale(chosen) ? chosen : null) ?? negotiateLocale(head.get('accept-language')) ?? preferences?.fallback ?? fallbackLocale;
});

export default getRequestConfig(async ({ locale: explicit }) => {
  // A page that writes for someone else (the public invoice page, in its customer's language)
  // passes the locale itself.
  const locale = isLocale(explicit) ? explicit : await requestLocale();
  return { locale, messages: await loadMessages(locale), timeZone: 'UTC' };
});
