import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import { systemActor } from '@/server/auth/actor';
import { invoicePdf } from '@/server/documents/invoice-pdf';
import { renderReceiptPdf } from '@/server/documents/receipt-document';
import { collectCash } from '@/server/services/collect/collect-cash';
import { updateCustomer } from '@/server/services/customers/update';
import { correctInvoice } from '@/server/services/invoices/correct';
import { createInvoice } from '@/server/services/invoices/create';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { updateBillingSettings } from '@/server/services/settings/billing';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';
import { readPdf, squeezed } from './read-pdf';

const { db } = withTestDatabase();
const origin = 'https://billing.example.test';
const now = new Date('2026-12-01T12:00:00Z');
const ctx = () => ctxOf(db(), systemActor(), now);

/** A customer reading in `locale` (null: the settings' default), billed from France. */
async function customerIn(locale: Locale | null) {
  const customer = await givenCustomer(db(), {
    name: 'Ana Lima',
    company: 'Lima Serviços Ltda',
    currency: 'EUR',
    billing_address: { line1: '5 rue de la Paix', city: 'Paris', postal_code: '75002', country: 'FR' },
  });
  await db().update(customers).set({ locale }).where(eq(customers.id, customer.id));
  return customer;
}

const invoiceFor = (customerId: string) =>
  createInvoice(ctx(), {
    customerId,
    status: 'pending',
    dueDate: '2026-12-31',
    items: [{ description: 'Managed hosting (monthly)', quantity: 1000n, unitPrice: 123_456n, taxRate: 0n }],
  });

const textOf = async (bytes: Uint8Array) => squeezed((await readPdf(bytes)).pages);

describe('documents in the customer’s language', () => {
  // Squeezed: white space (Intl's no-break spaces included) is gone, so "1 234,56 €" reads "1234,56€".
  it.each<[Locale, string[]]>([
    ['en', ['Invoice', 'Billto', 'Duedate', '€1,234.56', '31Dec2026', 'France', 'Subtotal', 'Total', 'Pleasepay€1,234.56by31Dec2026', 'Page1of1']],
    [
      'de',
      [
        'Rechnung',
        'Rechnungsempfänger',
        'Fälligam',
        '1.234,56€',
        '31.12.2026',
        'Frankreich',
        'Zwischensumme',
        'Gesamtbetrag',
        'BittezahlenSie1.234,56€biszum31.12.2026',
        'Seite1von1',
      ],
    ],
    [
      'fr',
      [
        'Facture',
        'Facturéà',
        'Dated’échéance',
        '1234,56€',
        '31déc.2026',
        'France',
        'Sous-total',
        'Total',
        'Veuillezpayer1234,56€avantle31déc.2026',
        'Page1sur1',
      ],
    ],
    [
      'es',
      ['Factura', 'Facturara', 'Fechadevencimiento', '1234,56€', '31dic2026', 'Francia', 'Subtotal', 'Total', 'pague1234,56€antesdel31dic2026', 'Página1de1'],
    ],
    [
      'pt-BR',
      ['Fatura', 'Faturarpara', 'Vencimento', '€1.234,56', '31dedez.de2026', 'França', 'Subtotal', 'Total', 'pague€1.234,56até31dedez.de2026', 'Página1de1'],
    ],
  ])('%s: the invoice PDF in its words, money and dates', async (locale, printed) => {
    const invoice = await invoiceFor((await customerIn(locale)).id);
    const text = await textOf((await invoicePdf(ctx(), { id: invoice.id, origin })).bytes);
    for (const words of printed) expect(text).toContain(words);
    // Data stays as written.
    expect(text).toContain('LimaServiçosLtda');
    expect(text).toContain('Managedhosting(monthly)');
  });

  it('follows the settings’ default language for a customer without one, and ?locale= over both', async () => {
    const invoice = await invoiceFor((await customerIn(null)).id);
    expect(await textOf((await invoicePdf(ctx(), { id: invoice.id, origin })).bytes)).toContain('Duedate');
    await updateBillingSettings(ctx(), { default_locale: 'fr' });
    try {
      expect(await textOf((await invoicePdf(ctx(), { id: invoice.id, origin })).bytes)).toContain('Dated’échéance');
      const german = await textOf((await invoicePdf(ctx(), { id: invoice.id, origin, locale: 'de' })).bytes);
      expect(german).toContain('Fälligam');
      expect(german).not.toContain('échéance');
    } finally {
      await updateBillingSettings(ctx(), { default_locale: 'en' });
    }
  });

  it('never serves a cached copy in the language the customer had before', async () => {
    const customer = await customerIn('en');
    const invoice = await invoiceFor(customer.id);
    const render = async () => textOf((await invoicePdf(ctx(), { id: invoice.id, origin })).bytes);
    expect(await render()).toContain('Duedate');
    await db().update(customers).set({ locale: 'es' }).where(eq(customers.id, customer.id));
    expect(await render()).toContain('Fechadevencimiento');
    await db().update(customers).set({ locale: 'en' }).where(eq(customers.id, customer.id));
    expect(await render()).toContain('Duedate');
  });

  it('de: a credit note is a Gutschrift, and a paid invoice is stamped BEZAHLT', async () => {
    const customer = await customerIn('de');
    const invoice = await invoiceFor(customer.id);
    const credit = await correctInvoice(ctx(), {
      invoiceId: invoice.id,
      kind: 'credit_note',
      items: [{ description: 'Goodwill', quantity: 1000n, unitPrice: 10_000n, taxRate: 0n }],
      reason: 'Outage',
    });
    const text = await textOf((await invoicePdf(ctx(), { id: credit.id, origin })).bytes);
    for (const words of ['Gutschrift', 'Gutschriftan', `KorrigiertRechnung${invoice.number}.Esistnichtszuzahlen.`, '100,00€', '01.12.2026']) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('Invoice');

    const paid = await invoiceFor(customer.id);
    await markInvoicePaid(ctx(), { id: paid.id });
    const paidText = await textOf((await invoicePdf(ctx(), { id: paid.id, origin })).bytes);
    expect(paidText).toContain('BEZAHLT');
    expect(paidText).toContain('Am01.12.2026vollständigbezahlt.VielenDank.');
  });

  it('de: the collector’s cash receipt', async () => {
    const collector = await givenUser(db(), 'collector');
    const customer = await customerIn('de');
    await updateCustomer(ctx(), { id: customer.id, collectorId: collector.id });
    const invoice = await invoiceFor(customer.id);
    const receipt = await collectCash(ctxOf(db(), collector.actor, now), { invoiceId: invoice.id, amount: 23_456n, receiptNumber: 'RB-7', origin });
    const text = await textOf((await renderReceiptPdf(receipt)).bytes);
    for (const words of [
      'Zahlungsquittung',
      'Quittungsnr.',
      'RB-7',
      'GezahlterBetrag',
      '234,56€',
      'Restbetrag',
      '1.000,00€',
      'Bar(Inkasso)',
      'Kassiertvon',
      '01.12.2026,12:00UTC',
    ]) {
      expect(text).toContain(words);
    }
  });
});
