import { render } from '@react-email/components';
import { type InvoiceMailData, InvoiceEmail, type TemplateKey, fillSubject, templateKeys, templates } from '@/emails/templates';
import { requirePermission } from '../auth/actor';
import { configuredNotifier } from '../notify/notifier';
import { type CommunicationSettings, communicationSettings, emailTemplateSettings } from '../schemas/communication';
import type { ServiceContext } from './context';
import { readSettingsBlock } from './read-settings';
import { writeSettingsBlock } from './update-settings';

/** Which channels can send right now, for send buttons that say why they cannot. */
export async function channelStatus(ctx: ServiceContext): Promise<{ email: 'resend' | 'outbox'; sms: boolean; whatsapp: boolean }> {
  requirePermission(ctx.actor, 'invoices.view');
  const channels = await configuredNotifier(ctx.db);
  return { email: channels.email.name, sms: channels.sms !== null, whatsapp: channels.whatsapp !== null };
}

export async function getCommunication(ctx: ServiceContext): Promise<CommunicationSettings> {
  requirePermission(ctx.actor, 'settings.manage');
  return readSettingsBlock(ctx.db, 'communication', communicationSettings);
}

/** Replaces the SMS and WhatsApp setup; a channel sent as null is switched off. */
export async function updateCommunication(ctx: ServiceContext, input: CommunicationSettings): Promise<CommunicationSettings> {
  requirePermission(ctx.actor, 'settings.manage');
  return writeSettingsBlock(ctx, 'communication', await readSettingsBlock(ctx.db, 'communication', communicationSettings), communicationSettings.parse(input));
}

export type TemplateView = { key: TemplateKey; label: string; subject: string; intro: string; edited: boolean; attachPdf: boolean };

export async function listTemplates(ctx: ServiceContext): Promise<TemplateView[]> {
  requirePermission(ctx.actor, 'settings.manage');
  const saved = await readSettingsBlock(ctx.db, 'email_templates', emailTemplateSettings);
  return templateKeys.map((key) => ({ key, label: templates[key].label, attachPdf: templates[key].attachPdf, subject: saved[key]?.subject ?? templates[key].subject, intro: saved[key]?.intro ?? templates[key].intro, edited: key in saved }));
}

export async function saveTemplate(ctx: ServiceContext, input: { template: TemplateKey; subject: string; intro: string }): Promise<void> {
  requirePermission(ctx.actor, 'settings.manage');
  const before = await readSettingsBlock(ctx.db, 'email_templates', emailTemplateSettings);
  await writeSettingsBlock(ctx, 'email_templates', before, { ...before, [input.template]: { subject: input.subject, intro: input.intro } });
}

const sample: InvoiceMailData = {
  company: 'Your company',
  customerName: 'Jordan Example',
  documentTitle: 'Invoice',
  number: 'INV-2026-00042',
  total: '$120.00',
  balance: '$120.00',
  dueDate: '30 Dec 2026',
  issueDate: '30 Nov 2026',
  publicUrl: 'https://billing.example.com/p/invoice/…',
  amount: '$120.00',
  serviceName: 'Cloud VPS',
  sources: ['INV-2026-00040', 'INV-2026-00041'],
};

/** The template as a customer would see it, on sample data, for the editor's live preview. */
export async function previewTemplate(ctx: ServiceContext, input: { template: TemplateKey; subject: string; intro: string }): Promise<{ subject: string; html: string }> {
  requirePermission(ctx.actor, 'settings.manage');
  return { subject: fillSubject(input.subject, sample), html: await render(<InvoiceEmail template={input.template} intro={input.intro} data={sample} />) };
}
