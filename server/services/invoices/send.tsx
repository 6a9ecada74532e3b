import { randomUUID } from 'node:crypto';
import { render } from '@react-email/components';
import { and, eq, lt } from 'drizzle-orm';
import { customers, invoiceNotifications, invoices, orders } from '@/db/schema';
import type { TemplateKey } from '@/emails/template-keys';
import { fillSubject, InvoiceEmail, templates, type InvoiceMailData, type MailLanguage } from '@/emails/templates';
import { formatsFor } from '@/i18n/format';
import { translator } from '@/i18n/translator';
import { requirePermission } from '@/server/auth/actor';
import { loadInvoiceDocument } from '@/server/documents/load';
import { pdfFilename, type InvoiceDocumentModel } from '@/server/documents/model';
import { paperFromSettings } from '@/server/documents/paper';
import { cachedInvoicePdf } from '@/server/documents/render';
import { AppError } from '@/server/errors';
import { configuredNotifier, type Notifier } from '@/server/notify/notifier';
import { fillPlaceholders, type PlaceholderValues } from '@/server/notify/placeholders';
import { readPaymentConfig } from '@/server/payments/config';
import { communicationEvents, defaultCommunicationRules } from '@/server/schemas/communication';
import { channelNames, type Channel } from '@/server/schemas/invoices';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { mailLanguage, templateWording } from '@/server/services/settings/mail-language';
import type { NotificationRow } from './store';

export type SendInput = {
  id: string;
  channel: Channel;
  template?: TemplateKey | undefined;
  /** What the send is about (a payment, a dunning step); the same event never sends twice. */
  eventId?: string | undefined;
  /**
   * The caller is the one workflow run of `eventId`: a claim it finds still sending was left by
   * an earlier attempt of its own, cut off by a process that died mid-send, and is taken over at
   * once rather than after the stale-claim wait (the provider's idempotency key keeps a message
   * that did go out from going twice).
   */
  ownRun?: boolean | undefined;
  /** Where public links point (this server as customers reach it). */
  origin: string;
  /** A communication rule's SMS or WhatsApp text, placeholders unfilled; without it the desk's fixed wording. */
  text?: string | undefined;
};

// A claim older than this was left by a sender that died mid-send: another may take it over.
const STALE_CLAIM_MS = 5 * 60_000;

/** The invoice as its e-mail and texts tell it, in the customer's language and number formats. */
async function mailData(
  doc: InvoiceDocumentModel,
  language: MailLanguage,
  decimals: number | undefined,
  publicUrl: string,
  paymentLink: string | undefined,
): Promise<InvoiceMailData> {
  const formats = formatsFor(language.locale, { decimals });
  const common = await translator(language.locale, 'common');
  const money = (amount: bigint) => formats.money(amount, doc.currency);
  return {
    company: doc.seller.name || 'Cashdesk',
    customerName: doc.customer.name,
    documentTitle: doc.kind === 'invoice' && doc.purpose === 'consolidated' ? language.t('consolidatedInvoice') : common(`document.${doc.kind}`),
    number: doc.number!,
    total: money(doc.total),
    balance: money(doc.balance),
    dueDate: formats.day(doc.dueDate),
    issueDate: formats.day(doc.issueDate),
    publicUrl,
    paymentLink,
    sources: doc.sources.map((s) => s.number),
  };
}

/**
 * A rule's text as this customer reads it: a text still as the desk wrote it (the English
 * default) is the built-in wording, sent in the customer's language; a text the admin wrote is
 * sent as written, whatever the language.
 */
function ruleTextIn(language: MailLanguage, channel: 'sms' | 'whatsapp', text: string): string {
  const event = communicationEvents.find((e) => defaultCommunicationRules[e][`${channel}_text`] === text);
  // Raw: the placeholders are the rules' own (server/notify/placeholders.ts), not ICU arguments.
  return event ? (language.t.raw(`rules.${event}.${channel}`) as string) : text;
}

const placeholderValues = (data: InvoiceMailData, customerName: string): PlaceholderValues => ({
  customer_name: customerName,
  invoice_number: data.number,
  amount: data.balance,
  total: data.total,
  due_date: data.dueDate,
  link: data.publicUrl,
  company: data.company,
});

/**
 * The log key of one send: (template, event) for e-mail, as it always was, and the channel
 * added for SMS and WhatsApp, so one event goes out once on each channel its rule names.
 */
export const dedupeKeyOf = (template: TemplateKey, eventId: string, channel: Channel) =>
  channel === 'email' ? `${template}:${eventId}` : `${template}:${eventId}:${channel}`;

/**
 * With Stripe set up, messages also carry a link straight to card payment: the public link's
 * token opens a Checkout Session for the balance (GET /pay/<id>/stripe?token=…).
 */
async function cardPaymentLink(ctx: ServiceContext, publicUrl: string): Promise<string | undefined> {
  if (!(await readPaymentConfig(ctx.db)).stripe) return undefined;
  const link = new URL(publicUrl);
  return `${link.origin}${link.pathname.replace('/p/invoice/', '/pay/')}/stripe${link.search}`;
}

/** Takes the (invoice, template, event) key for this sender, or finds who already did. */
async function claim(
  ctx: ServiceContext,
  invoiceId: string,
  channel: Channel,
  recipient: string,
  dedupeKey: string,
  ownRun: boolean,
): Promise<{ row: NotificationRow; mine: boolean }> {
  const triggeredBy = ctx.actor.label;
  const [fresh] = await ctx.db
    .insert(invoiceNotifications)
    .values({ invoiceId, channel, recipient, status: 'sending', triggeredBy, dedupeKey, at: ctx.now })
    .onConflictDoNothing()
    .returning();
  if (fresh) return { row: fresh, mine: true };
  const [takenOver] = await ctx.db
    .update(invoiceNotifications)
    .set({ at: ctx.now, triggeredBy })
    .where(
      and(
        eq(invoiceNotifications.invoiceId, invoiceId),
        eq(invoiceNotifications.dedupeKey, dedupeKey),
        eq(invoiceNotifications.status, 'sending'),
        ownRun ? undefined : lt(invoiceNotifications.at, new Date(ctx.now.getTime() - STALE_CLAIM_MS)),
      ),
    )
    .returning();
  if (takenOver) return { row: takenOver, mine: true };
  const [existing] = await ctx.db
    .select()
    .from(invoiceNotifications)
    .where(and(eq(invoiceNotifications.invoiceId, invoiceId), eq(invoiceNotifications.dedupeKey, dedupeKey)));
  return { row: existing!, mine: false };
}

/**
 * Sends an invoice by e-mail, SMS or WhatsApp and appends the outcome to its notification log.
 * A failed send is logged with the provider's words and changes nothing else; a retry of the
 * same event finds its log entry and sends nothing twice once it went out (after a failure it
 * tries again).
 */
export async function sendInvoice(ctx: ServiceContext, input: SendInput, notifier?: Notifier): Promise<NotificationRow> {
  return (await deliverInvoice(ctx, input, notifier)).entry;
}

/** sendInvoice, also telling whether this call sent it (false: the event had been sent before). */
export async function deliverInvoice(ctx: ServiceContext, input: SendInput, notifier?: Notifier): Promise<{ entry: NotificationRow; sentNow: boolean }> {
  requirePermission(ctx.actor, 'invoices.edit');
  const { doc, settings } = await loadInvoiceDocument(ctx, { id: input.id, origin: input.origin });
  if (!doc.number || !doc.publicUrl) throw new AppError('invalid_state', 'A draft cannot be sent: finalize it first');
  // The document load has checked the caller may see the invoice (scope and permission).
  const [contact] = await ctx.db
    .select({ email: customers.email, phone: customers.phone, orderContact: orders.contact, contract: orders.contract, autoEmail: orders.autoEmail })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .where(eq(invoices.id, doc.id));
  const channels = notifier ?? (await configuredNotifier(ctx.db));
  const transport = input.channel === 'email' ? channels.email : channels[input.channel];
  if (!transport) throw new AppError('invalid_state', `${channelNames[input.channel]} is not configured: set it up in Settings → Communication`);
  // A contract order's invoices go to its billing contact when it has one (docs/contract-orders.md).
  const recipient = input.channel === 'email' ? (contact!.orderContact?.email ?? contact!.email) : contact!.phone;
  // …and carry the card payment link only when its e-mail mode says so; other invoices always may.
  const offersLink = !contact!.contract || contact!.autoEmail === 'invoice_and_link';
  if (!recipient) throw new AppError('validation', 'The customer has no phone number', { channel: 'needs a phone number on the customer' });

  const template = input.template ?? (doc.purpose === 'consolidated' ? 'consolidated_invoice' : 'invoice_created');
  const dedupeKey = dedupeKeyOf(template, input.eventId ?? randomUUID(), input.channel);
  const { row, mine } = await claim(ctx, doc.id, input.channel, recipient, dedupeKey, input.ownRun === true && input.eventId !== undefined);
  if (!mine) return { entry: row, sentNow: false };

  let outcome: { status: 'sent'; providerMessageId: string } | { status: 'failed'; detail: string };
  try {
    // The document is already in the customer's language (loadInvoiceDocument): the mail goes in it too.
    const language = await mailLanguage(doc.locale);
    const paymentLink = doc.balance > 0n && offersLink ? await cardPaymentLink(ctx, doc.publicUrl) : undefined;
    const data = await mailData(doc, language, settings.display_decimals, doc.publicUrl, paymentLink);
    const needsPdf = input.channel === 'whatsapp' || templates[template].attachPdf;
    const pdf = needsPdf ? { filename: pdfFilename(doc), content: await cachedInvoicePdf(doc, paperFromSettings(settings)) } : null;
    let id: string;
    if (input.channel === 'email') {
      const wording = await templateWording(ctx.db, template, language);
      const email = <InvoiceEmail template={template} intro={wording.intro} data={data} language={language} />;
      ({ id } = await channels.email.send({
        to: recipient,
        subject: fillSubject(wording.subject, data),
        html: await render(email),
        text: await render(email, { plainText: true }),
        attachments: pdf ? [pdf] : [],
        template,
        invoiceId: doc.id,
        idempotencyKey: `${doc.id}:${dedupeKey}`,
      }));
    } else if (input.channel === 'sms') {
      ({ id } = await channels.sms!.send({
        to: recipient,
        text: input.text
          ? fillPlaceholders(ruleTextIn(language, 'sms', input.text), placeholderValues(data, doc.customer.name))
          : language.t('sms', {
              company: data.company,
              document: data.documentTitle,
              number: data.number,
              amount: data.balance,
              date: data.dueDate,
              link: data.publicUrl,
            }),
      }));
    } else {
      // The PDF goes as the message's media; its caption always carries the public link, added
      // after a rule's text that does not place it.
      const text = input.text && ruleTextIn(language, 'whatsapp', input.text);
      const caption = text
        ? fillPlaceholders(text, placeholderValues(data, doc.customer.name)) + (text.includes('{link}') ? '' : `\n${data.publicUrl}`)
        : `${language.t('whatsapp', { document: data.documentTitle, number: data.number, amount: data.balance, date: data.dueDate })}\n${data.publicUrl}`;
      ({ id } = await channels.whatsapp!.sendDocument({ to: recipient, filename: pdf!.filename, content: pdf!.content, caption }));
    }
    outcome = { status: 'sent', providerMessageId: id };
  } catch (error) {
    outcome = { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }

  const entry = await ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(invoiceNotifications)
      // A failure gives its key back (the row stays in the log): a retry of the event may send.
      .set(
        outcome.status === 'sent'
          ? { status: 'sent', providerMessageId: outcome.providerMessageId }
          : { status: 'failed', detail: outcome.detail, dedupeKey: null },
      )
      .where(eq(invoiceNotifications.id, row.id))
      .returning();
    await audit(
      tx,
      ctx.actor,
      outcome.status === 'sent' ? 'invoice.sent' : 'invoice.send_failed',
      { type: 'invoice', id: doc.id },
      { after: { channel: input.channel, recipient, template, ...outcome } },
    );
    return done!;
  });
  return { entry, sentNow: entry.status === 'sent' };
}
