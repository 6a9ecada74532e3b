import type { Locale } from './locales';

// Keys are checked at compile time against the English files, the source of every other
// locale: a namespace added to i18n/messages.ts gets its line here.
type EnglishMessages = {
  common: typeof import('../messages/en/common.json');
  document: typeof import('../messages/en/document.json');
  email: typeof import('../messages/en/email.json');
  portal: typeof import('../messages/en/portal.json');
  shop: typeof import('../messages/en/shop.json');
  auth: typeof import('../messages/en/auth.json');
  plan: typeof import('../messages/en/plan.json');
};

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: EnglishMessages;
  }
}
