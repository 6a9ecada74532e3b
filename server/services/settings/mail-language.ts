import type { Database } from '@/db';
import type { TemplateKey } from '@/emails/template-keys';
import { builtInWording, type MailLanguage, type Wording } from '@/emails/templates';
import type { Locale } from '@/i18n/locales';
import { translator } from '@/i18n/translator';
import { emailTemplateSettings } from '@/server/schemas/communication';
import { readSettingsBlock } from './read';

export async function mailLanguage(locale: Locale): Promise<MailLanguage> {
  return { locale, t: await translator(locale, 'email') };
}

/**
 * What a template says in a language: the admin's text for that locale, else the built-in text
 * of that locale. An edit in another locale is never used: a customer reads their own language.
 */
export async function templateWording(db: Database, template: TemplateKey, language: MailLanguage): Promise<Wording> {
  const saved = await readSettingsBlock(db, 'email_templates', emailTemplateSettings);
  return saved[template]?.[language.locale] ?? builtInWording(language, template);
}
