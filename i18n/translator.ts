import { createTranslator, type Messages as EnglishMessages } from 'next-intl';
import type { Locale } from './locales';
import { loadMessages, type Namespace } from './messages';

/**
 * Texts outside a page render (PDFs, e-mails, SMS): the same messages and ICU rules as the
 * pages, for a locale the caller names (the customer's).
 */
export async function translator<N extends Namespace>(locale: Locale, namespace: N) {
  // Every locale has exactly English's keys (messages.test.ts), so keys are checked against those.
  return createTranslator({ locale, messages: (await loadMessages(locale)) as unknown as EnglishMessages, namespace });
}
