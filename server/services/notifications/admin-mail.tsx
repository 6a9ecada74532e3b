import { render } from '@react-email/components';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import type { TemplateKey } from '@/emails/template-keys';
import { fillSubject, InvoiceEmail, type InvoiceMailData, type MailLanguage } from '@/emails/templates';
import { formatsFor, type LocaleFormats } from '@/i18n/format';
import { configuredNotifier, type Notifier } from '@/server/notify/notifier';
import { companySettings } from '@/server/schemas/company';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { mailLanguage, templateWording } from '@/server/services/settings/mail-language';
import { readBillingSettings, readSettingsBlock } from '@/server/services/settings/read';

// The desk's own e-mails (an order to approve, a disabled webhook endpoint): to every active
// admin, one mail per admin and occasion, in the desk's language.

export type AdminMail = { recipient: string; status: 'sent' | 'skipped'; detail: string };

/** Who hears what the desk must act on: every admin who may sign in. */
export async function activeAdmins(db: Database): Promise<Array<{ id: string; email: string }>> {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .orderBy(asc(users.createdAt), asc(users.id));
}

/** The admin a queued mail is for, and whether they still are one: an admin disabled meanwhile gets none. */
export async function mailedAdmin(db: Database, adminId: string): Promise<{ email: string; active: boolean }> {
  const [admin] = await db.select({ email: users.email, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, adminId));
  return { email: admin?.email ?? '', active: admin !== undefined && admin.role === 'admin' && !admin.disabled };
}

/** Admins have no language of their own: the desk's default is the one they run it in. */
export async function deskWriting(db: Database): Promise<{ company: string; language: MailLanguage; formats: LocaleFormats }> {
  const [company, settings] = await Promise.all([readSettingsBlock(db, 'company', companySettings), readBillingSettings(db)]);
  const language = await mailLanguage(settings.default_locale);
  return { company: company.name || 'Cashdesk', language, formats: formatsFor(language.locale, { decimals: settings.display_decimals }) };
}

/**
 * Sends one desk mail with the template's wording (as edited for the language) and audits it.
 * The idempotency key names the occasion and the admin, which Resend and the outbox both keep
 * once, so a retried run never mails an admin twice.
 */
export async function sendAdminMail(
  ctx: ServiceContext,
  mail: {
    to: string;
    template: TemplateKey;
    data: InvoiceMailData;
    language: MailLanguage;
    idempotencyKey: string;
    audit: { action: string; subject: { type: string; id: string } };
  },
  notifier?: Notifier,
): Promise<AdminMail> {
  const wording = await templateWording(ctx.db, mail.template, mail.language);
  const email = <InvoiceEmail template={mail.template} intro={wording.intro} data={mail.data} language={mail.language} />;
  const channels = notifier ?? (await configuredNotifier(ctx.db));
  const { id } = await channels.email.send({
    to: mail.to,
    subject: fillSubject(wording.subject, mail.data),
    html: await render(email),
    text: await render(email, { plainText: true }),
    attachments: [],
    template: mail.template,
    invoiceId: null,
    idempotencyKey: mail.idempotencyKey,
  });
  await ctx.db.transaction(async (tx) => {
    await audit(tx, ctx.actor, mail.audit.action, mail.audit.subject, { after: { recipient: mail.to, template: mail.template, providerMessageId: id } });
  });
  return { recipient: mail.to, status: 'sent', detail: id };
}
