import { render } from '@react-email/components';
import { templateKeys, type TemplateKey } from '@/emails/template-keys';
import { builtInWording, fillSubject, InvoiceEmail, templates, type InvoiceMailData } from '@/emails/templates';
import { formatsFor } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import { translator } from '@/i18n/translator';
import { requirePermission } from '@/server/auth/actor';
import { AppError, type FieldErrors } from '@/server/errors';
import { pointsToPrivateAddress } from '@/server/http/outbound';
import { configuredNotifier } from '@/server/notify/notifier';
import { seal, unseal } from '@/server/payments/secret-box';
import {
  communicationSettings,
  emailTemplateSettings,
  type CommunicationSettings,
  type CommunicationSettingsInput,
  type CommunicationView,
} from '@/server/schemas/communication';
import type { ServiceContext } from '@/server/services/context';
import { writeSettingsBlock } from './billing';
import { deskLocale } from './locale';
import { mailLanguage } from './mail-language';
import { readSettingsBlock } from './read';

/** Which channels can send right now, for send buttons that say why they cannot. */
export async function channelStatus(ctx: ServiceContext): Promise<{ email: 'resend' | 'outbox'; sms: boolean; whatsapp: boolean }> {
  requirePermission(ctx.actor, 'invoices.view');
  const channels = await configuredNotifier(ctx.db);
  return { email: channels.email.name, sms: channels.sms !== null, whatsapp: channels.whatsapp !== null };
}

const viewOf = ({ sms, whatsapp }: CommunicationSettings): CommunicationView => ({
  sms: sms && { url: sms.url, method: sms.method, body_template: sms.body_template, auth_header_set: sms.auth_header !== '' },
  whatsapp: whatsapp && { base_url: whatsapp.base_url, instance: whatsapp.instance, token_set: whatsapp.token !== '' },
});

// The audit log records that a secret changed, never its value (not even sealed).
const masked = ({ sms, whatsapp }: CommunicationSettings) => ({
  sms: sms && { ...sms, auth_header: sms.auth_header ? '••••' : '' },
  whatsapp: whatsapp && { ...whatsapp, token: whatsapp.token ? '••••' : '' },
});

// A value saved in plain text before secrets were sealed is sealed on the next save.
const resealed = (saved: string) => (unseal(saved) === saved ? seal(saved) : saved);

export async function getCommunication(ctx: ServiceContext): Promise<CommunicationView> {
  requirePermission(ctx.actor, 'settings.manage');
  return viewOf(await readSettingsBlock(ctx.db, 'communication', communicationSettings));
}

/**
 * Replaces the SMS and WhatsApp setup; a channel sent as null is switched off (and its secrets
 * dropped). Secrets are sealed at rest and an empty one keeps what was saved. A URL pointing to
 * a private address is refused unless CASHDESK_ALLOW_PRIVATE_URLS allows it.
 */
export async function updateCommunication(ctx: ServiceContext, input: CommunicationSettingsInput): Promise<CommunicationView> {
  requirePermission(ctx.actor, 'settings.manage');
  const before = await readSettingsBlock(ctx.db, 'communication', communicationSettings);
  const urls = { 'sms.url': input.sms?.url, 'whatsapp.base_url': input.whatsapp?.base_url };
  const refused: FieldErrors = {};
  for (const [field, url] of Object.entries(urls)) if (url && (await pointsToPrivateAddress(url))) refused[field] = 'points to a private address';
  const token = input.whatsapp && (input.whatsapp.token ? seal(input.whatsapp.token) : resealed(before.whatsapp?.token ?? ''));
  if (input.whatsapp && !token) refused['whatsapp.token'] = 'is required';
  if (Object.keys(refused).length > 0) throw new AppError('validation', 'Check the highlighted fields', refused);

  const header = (sms: NonNullable<CommunicationSettingsInput['sms']>) => {
    if (sms.auth_header) return seal(sms.auth_header);
    return sms.remove_auth_header ? '' : resealed(before.sms?.auth_header ?? '');
  };
  const after: CommunicationSettings = {
    sms: input.sms && { url: input.sms.url, method: input.sms.method, auth_header: header(input.sms), body_template: input.sms.body_template },
    whatsapp: input.whatsapp && { base_url: input.whatsapp.base_url, instance: input.whatsapp.instance, token: token! },
  };
  return viewOf(await writeSettingsBlock(ctx, 'communication', before, after, masked));
}

export type TemplateView = { key: TemplateKey; label: string; locale: Locale; subject: string; intro: string; edited: boolean; attachPdf: boolean };

/** Every template's wording in one locale (the desk's default unless named): the admin's, else the built-in one. */
export async function listTemplates(ctx: ServiceContext, input: { locale?: Locale | undefined } = {}): Promise<TemplateView[]> {
  requirePermission(ctx.actor, 'settings.manage');
  const language = await mailLanguage(input.locale ?? (await deskLocale(ctx)));
  const saved = await readSettingsBlock(ctx.db, 'email_templates', emailTemplateSettings);
  return templateKeys.map((key) => {
    const edited = saved[key]?.[language.locale];
    return {
      key,
      label: templates[key].label,
      locale: language.locale,
      attachPdf: templates[key].attachPdf,
      ...(edited ?? builtInWording(language, key)),
      edited: !!edited,
    };
  });
}

/** Sets one template's subject and intro in one locale; the other locales keep theirs. */
export async function saveTemplate(
  ctx: ServiceContext,
  input: { template: TemplateKey; locale?: Locale | undefined; subject: string; intro: string },
): Promise<void> {
  requirePermission(ctx.actor, 'settings.manage');
  const locale = input.locale ?? (await deskLocale(ctx));
  const before = await readSettingsBlock(ctx.db, 'email_templates', emailTemplateSettings);
  const after = { ...before, [input.template]: { ...before[input.template], [locale]: { subject: input.subject, intro: input.intro } } };
  await writeSettingsBlock(ctx, 'email_templates', before, after);
}

// An invented invoice, formatted and titled in the previewed locale.
const sample = (locale: Locale, documentTitle: string): InvoiceMailData => {
  const formats = formatsFor(locale);
  return {
    company: 'Your company',
    customerName: 'Jordan Example',
    documentTitle,
    number: 'INV-2026-00042',
    total: formats.money(12000n, 'USD'),
    balance: formats.money(12000n, 'USD'),
    dueDate: formats.day('2026-12-30'),
    issueDate: formats.day('2026-11-30'),
    publicUrl: 'https://billing.example.com/p/invoice/…',
    amount: formats.money(12000n, 'USD'),
    serviceName: 'Cloud VPS',
    sources: ['INV-2026-00040', 'INV-2026-00041'],
  };
};

/** The template as a customer reading that locale would see it, on sample data, for the editor's live preview. */
export async function previewTemplate(
  ctx: ServiceContext,
  input: { template: TemplateKey; locale?: Locale | undefined; subject: string; intro: string },
): Promise<{ subject: string; html: string }> {
  requirePermission(ctx.actor, 'settings.manage');
  const language = await mailLanguage(input.locale ?? (await deskLocale(ctx)));
  const data = sample(language.locale, (await translator(language.locale, 'common'))('document.invoice'));
  return {
    subject: fillSubject(input.subject, data),
    html: await render(<InvoiceEmail template={input.template} intro={input.intro} data={data} language={language} />),
  };
}
