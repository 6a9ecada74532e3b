import { createTranslator, type Messages } from 'next-intl';
import { formatsFor } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import common from '@/messages/en/common.json';
import document from '@/messages/en/document.json';

/**
 * The language a document is written in: its words (the `document` namespace, and `common` for
 * kinds, statuses and payment methods) and how it writes money and dates. Documents print
 * exact amounts unless a page passes the settings' display decimals.
 */
export function documentWords(locale: Locale, loaded: object, decimals?: number | null) {
  // Every locale has every key of English (messages.test.ts): typed as English, as the pages are.
  const messages = loaded as Pick<Messages, 'common' | 'document'>;
  return {
    locale,
    t: createTranslator({ locale, messages, namespace: 'document' }),
    common: createTranslator({ locale, messages, namespace: 'common' }),
    formats: formatsFor(locale, { decimals }),
  };
}

export type DocumentWords = ReturnType<typeof documentWords>;

/** A status code in words where `common` has it (invoice and order statuses), else undefined. */
export const statusText = (w: DocumentWords, code: string) =>
  Object.hasOwn(common.status, code) ? w.common(`status.${code as keyof typeof common.status}`) : undefined;

/** English, at hand without loading anything: the console, and every caller that names no language. */
export const englishWords: DocumentWords = documentWords('en', { common, document });
