import type { Locale } from './locales';

/**
 * The message files, one per namespace and locale (messages/<locale>/<namespace>.json): each
 * surface owns its namespace, and `messages.test.ts` fails when a locale lacks a key of `en`.
 */
export const namespaces = ['common', 'document', 'email', 'portal', 'shop', 'auth', 'plan'] as const;
export type Namespace = (typeof namespaces)[number];

export type Messages = { [N in Namespace]: Record<string, unknown> };

const cache = new Map<Locale, Promise<Messages>>();

/** Every namespace of a locale, loaded once per process. */
export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = cache.get(locale);
  if (!messages) {
    messages = Promise.all(
      namespaces.map(
        async (namespace) => [namespace, ((await import(`../messages/${locale}/${namespace}.json`)) as { default: Record<string, unknown> }).default] as const,
      ),
    ).then((entries) => Object.fromEntries(entries) as Messages);
    cache.set(locale, messages);
  }
  return messages;
}
