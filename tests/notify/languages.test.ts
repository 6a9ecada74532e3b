import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { customers, emailOutbox, settings } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import { systemActor } from '@/server/auth/actor';
import { resendTransport, smsGateway } from '@/server/notify/transports';
import { defaultCommunicationRules } from '@/server/schemas/communication';
import { createInvoice } from '@/server/services/invoices/create';
import { sendInvoice } from '@/server/services/invoices/send';
import { listTemplates, saveTemplate } from '@/server/services/settings/communication';
import { withTestDatabase } from '../support/database';
import { fakeHttp } from '../support/fake-http';
import { ctxOf, givenCustomer } from '../support/fixtures';

const { db } = withTestDatabase();
const now = new Date('2026-12-07T12:00:00Z');
const ctx = () => ctxOf(db(), systemActor(), now);
const origin = 'https://billing.example.test';
beforeEach(async () => {
  await db().delete(settings).where(eq(settings.key, 'email_templates'));
});

/** A customer reading `locale`, owing €1,234.56 due on 31 Dec 2026. */
async function givenInvoiceIn(locale: Locale | null, phone?: string) {
  const customer = await givenCustomer(db(), { name: 'Ada Lovelace', phone });
  await db().update(customers).set({ locale }).where(eq(customers.id, customer.id));
  return createInvoice(ctx(), {
    customerId: customer.id,
    status: 'pending',
    currency: 'EUR',
    issueDate: '2026-12-01',
    dueDate: '2026-12-31',
    items: [{ description: 'Hosting', quantity: 1000n, unitPrice: 123_456n, taxRate: 0n }],
  });
}

async function mailOf(invoiceId: string, template: 'invoice_created' | 'payment_received') {
  await sendInvoice(ctx(), { id: invoiceId, channel: 'email', template, origin });
  const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.invoiceId, invoiceId));
  return mail!;
}

// What a customer reading each language sees: the subject, the rows' words, money and dates.
const expected: Record<Locale, { created: string; received: string; rows: string[]; html: string }> = {
  en: {
    created: 'Invoice {n} from Cashdesk',
    received: 'Payment received for {n}',
    rows: ['Hello Ada Lovelace,', 'Amount due: €1,234.56', 'Due date: 31 Dec 2026', 'issued 1 Dec 2026'],
    html: 'View and pay {n}',
  },
  de: {
    created: 'Rechnung {n} von Cashdesk',
    received: 'Zahlung für {n} erhalten',
    rows: ['Hallo Ada Lovelace,', 'Rechnung: {n}', 'Fälliger Betrag: 1.234,56\u00a0€', 'Fällig am: 31.12.2026', 'ausgestellt am 01.12.2026'],
    html: '{n} ansehen und bezahlen',
  },
  fr: {
    created: 'Facture {n} de Cashdesk',
    received: 'Paiement reçu pour {n}',
    rows: ['Bonjour Ada Lovelace,', 'Montant dû: 1\u202f234,56\u00a0€', 'Échéance: 31 déc. 2026', 'émise le 1 déc. 2026 :'],
    html: 'Consulter et payer {n}',
  },
  es: {
    created: 'Factura {n} de Cashdesk',
    received: 'Pago recibido para {n}',
    rows: ['Hola, Ada Lovelace:', 'Importe pendiente: 1234,56\u00a0€', 'Fecha de vencimiento: 31 dic 2026'],
    html: 'Ver y pagar {n}',
  },
  'pt-BR': {
    created: 'Fatura {n} de Cashdesk',
    received: 'Pagamento recebido de {n}',
    rows: ['Olá, Ada Lovelace,', 'Valor devido: €\u00a01.234,56', 'Vencimento: 31 de dez. de 2026'],
    html: 'Ver e pagar {n}',
  },
};

describe('e-mails in the customer’s language', () => {
  it.each(Object.entries(expected))('%s: the invoice and the receipt read in it, with its money and dates', async (locale, want) => {
    const invoice = await givenInvoiceIn(locale as Locale);
    const fill = (text: string) => text.replaceAll('{n}', invoice.number!);

    const created = await mailOf(invoice.id, 'invoice_created');
    expect(created.subject).toBe(fill(want.created));
    for (const row of want.rows) expect(created.text).toContain(fill(row));
    expect(created.html).toContain(`lang="${locale}"`);
    expect(created.html).toContain(fill(want.html));

    await db().delete(emailOutbox).where(eq(emailOutbox.invoiceId, invoice.id));
    const received = await mailOf(invoice.id, 'payment_received');
    expect(received.subject).toBe(fill(want.received));
    expect(received.text).toContain(fill(want.rows[0]!));
  });

  it('follows the desk’s default language for a customer who chose none', async () => {
    await db()
      .insert(settings)
      .values({ key: 'billing', value: { default_locale: 'de' } })
      .onConflictDoUpdate({ target: settings.key, set: { value: { default_locale: 'de' } } });
    try {
      const invoice = await givenInvoiceIn(null);
      expect((await mailOf(invoice.id, 'invoice_created')).subject).toBe(`Rechnung ${invoice.number} von Cashdesk`);
    } finally {
      await db().delete(settings).where(eq(settings.key, 'billing'));
    }
  });

  it('uses an edited German subject for a German customer, while a French customer keeps the French text', async () => {
    await saveTemplate(ctx(), { template: 'invoice_created', locale: 'de', subject: 'Ihre Rechnung {number} ist da', intro: 'Hier ist Ihre neue Rechnung.' });
    const german = await givenInvoiceIn('de');
    const french = await givenInvoiceIn('fr');

    const toGerman = await mailOf(german.id, 'invoice_created');
    expect(toGerman.subject).toBe(`Ihre Rechnung ${german.number} ist da`);
    expect(toGerman.text).toContain('Hier ist Ihre neue Rechnung.');
    const toFrench = await mailOf(french.id, 'invoice_created');
    expect(toFrench.subject).toBe(`Facture ${french.number} de Cashdesk`);
    expect(toFrench.text).toContain('Votre nouvelle facture est prête.');

    const listed = async (locale: Locale) => (await listTemplates(ctx(), { locale })).find((t) => t.key === 'invoice_created');
    expect(await listed('de')).toMatchObject({ locale: 'de', subject: 'Ihre Rechnung {number} ist da', edited: true });
    expect(await listed('fr')).toMatchObject({ locale: 'fr', subject: '{document} {number} de {company}', edited: false });
    // Without a locale, the console edits the desk's default language (English here).
    expect(await listed(undefined as unknown as Locale)).toMatchObject({ locale: 'en', edited: false });
  });
});

describe('template texts edited before languages', () => {
  it('become the desk default language’s texts, which its customers keep getting', async () => {
    await db()
      .insert(settings)
      .values({ key: 'email_templates', value: { overdue_notice: { subject: 'Pay {number} now', intro: 'It is late.' } } });
    const dir = path.join(import.meta.dirname, '..', '..', 'db', 'migrations');
    const migration = readdirSync(dir).find((file) => file.endsWith('_email_templates_per_locale.sql'))!;
    await db().execute(sql.raw(readFileSync(path.join(dir, migration), 'utf8')));

    const [row] = await db().select().from(settings).where(eq(settings.key, 'email_templates'));
    expect(row!.value).toEqual({ overdue_notice: { en: { subject: 'Pay {number} now', intro: 'It is late.' } } });
    const english = await givenInvoiceIn('en');
    await sendInvoice(ctx(), { id: english.id, channel: 'email', template: 'overdue_notice', origin });
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.invoiceId, english.id));
    expect(mail!.subject).toBe(`Pay ${english.number} now`);
  });
});

describe('SMS in the customer’s language', () => {
  async function smsTo(invoiceId: string, text?: string) {
    const gateway = await fakeHttp(() => ({ status: 200, body: { message_id: 'sms-1' } }));
    try {
      const sms = smsGateway({ url: `${gateway.url}/sms`, method: 'POST', auth_header: '', body_template: '{"to":"{to}","text":"{message}"}' });
      await sendInvoice(ctx(), { id: invoiceId, channel: 'sms', origin, text }, { email: resendTransport({ apiKey: 'x', from: 'x' }), sms, whatsapp: null });
      return (JSON.parse(gateway.requests[0]!.body) as { text: string }).text;
    } finally {
      await gateway.close();
    }
  }

  it('writes the desk’s wording and a rule’s default text in German, and an admin’s own text as written', async () => {
    const invoice = await givenInvoiceIn('de', '+4915112345678');
    const link = `${origin}/p/invoice/${invoice.id}?token=`;

    expect(await smsTo(invoice.id)).toContain(`Cashdesk: Rechnung ${invoice.number}, 1.234,56\u00a0€ fällig am 31.12.2026. ${link}`);
    expect(await smsTo(invoice.id, defaultCommunicationRules.invoice_created.sms_text)).toContain(
      `Cashdesk: Rechnung ${invoice.number}, 1.234,56\u00a0€ fällig am 31.12.2026. ${link}`,
    );
    expect(await smsTo(invoice.id, 'Bitte zahlen: {amount} bis {due_date}')).toBe('Bitte zahlen: 1.234,56\u00a0€ bis 31.12.2026');
  });
});
