import { eq } from 'drizzle-orm';
import { toDataURL } from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoices, settings } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { formatMoney } from '@/server/billing/currency';
import { invoicePdf } from '@/server/documents/invoice-pdf';
import { papers, parsePaper, type Paper } from '@/server/documents/paper';
import { pdfCache } from '@/server/documents/render';
import { updateCustomer } from '@/server/services/customers/update';
import { consolidateInvoices } from '@/server/services/invoices/consolidate';
import { correctInvoice } from '@/server/services/invoices/correct';
import { createInvoice } from '@/server/services/invoices/create';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { publicInvoicePath } from '@/server/services/invoices/public-link';
import { regenerateInvoiceToken } from '@/server/services/invoices/regenerate-token';
import type { InvoiceView } from '@/server/services/invoices/store';
import { updateInvoice } from '@/server/services/invoices/update';
import { updateBillingSettings } from '@/server/services/settings/billing';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer } from '../support/fixtures';
import { readPdf, squeezed, type PdfPage } from './read-pdf';

const { db } = withTestDatabase();
const origin = 'https://billing.example.test';
const ctx = () => ctxOf(db(), systemActor(), new Date('2026-03-10T12:00:00Z'));
const squeeze = (text: string) => text.replace(/\s+/g, '');
const publicUrl = (doc: InvoiceView) => `${origin}${publicInvoicePath(doc.id, doc.tokenVersion)}`;

async function render(doc: InvoiceView, paper?: Paper) {
  const pdf = await invoicePdf(ctx(), { id: doc.id, paper, origin });
  return { ...pdf, ...(await readPdf(pdf.bytes)) };
}

const items = [
  { description: 'Managed VPS «Zoë» — Иван Петров', quantity: 1500n, unitPrice: 1999n, taxRate: 7375n },
  { description: 'IPv4 address', quantity: 2000n, unitPrice: 300n, taxRate: 20_000n },
];

type Kind = 'invoice' | 'proforma' | 'credit_note' | 'debit_note' | 'consolidated';
const docs = {} as Record<Kind, InvoiceView>;
let sources: InvoiceView[] = [];

beforeAll(async () => {
  await updateBillingSettings(ctx(), { tax_label: 'VAT', bank_details: 'IBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX' });
  await db()
    .insert(settings)
    .values({
      key: 'company',
      value: {
        name: 'Cashdesk Hosting GmbH',
        address: 'Hauptstraße 1\n10115 Berlin\nGermany',
        tax_id: 'DE123456789',
        email: 'billing@cashdesk.test',
        logo: await toDataURL('Cashdesk', { width: 96, margin: 1 }),
      },
    });
  const customer = await givenCustomer(db(), {
    name: 'Zoë Ångström',
    company: 'ООО «Ромашка»',
    tax_id: 'RU7701234567',
    currency: 'EUR',
    billing_address: { line1: 'Ул. Тверская 7', city: 'Москва', postal_code: '125009', country: 'RU' },
  });
  const invoiceFor = (customerId: string, notes?: string) => createInvoice(ctx(), { customerId: customerId, status: 'pending', items, notes });

  docs.invoice = await invoiceFor(customer.id, 'Thank you for your business.');
  const proforma = await invoiceFor(customer.id);
  await db().update(invoices).set({ kind: 'proforma', number: 'PRO-2026-00001' }).where(eq(invoices.id, proforma.id));
  docs.proforma = { ...proforma, kind: 'proforma', number: 'PRO-2026-00001' };
  const corrected = await invoiceFor(customer.id);
  docs.credit_note = await correctInvoice(ctx(), {
    invoiceId: corrected.id,
    kind: 'credit_note',
    items: [{ description: 'Goodwill', quantity: 1000n, unitPrice: 500n, taxRate: 0n }],
    reason: 'Outage in March',
  });
  docs.debit_note = await correctInvoice(ctx(), {
    invoiceId: corrected.id,
    kind: 'debit_note',
    items: [{ description: 'Extra traffic', quantity: 1000n, unitPrice: 1200n, taxRate: 20_000n }],
    reason: 'Overage',
  });

  const other = await givenCustomer(db(), { name: 'Consolidated Customer', currency: 'EUR' });
  sources = [await invoiceFor(other.id), await invoiceFor(other.id)];
  docs.consolidated = await consolidateInvoices(ctx(), { customerId: other.id });
});

const kinds: Kind[] = ['invoice', 'proforma', 'credit_note', 'debit_note', 'consolidated'];
const allPapers = [...papers, parsePaper('custom:100x150')!, parsePaper('custom:80x120')!];

describe('every document kind on every paper', () => {
  it.each(kinds.flatMap((kind) => allPapers.map((paper) => [kind, paper.id, paper] as const)))('%s on %s', async (kind, _id, paper) => {
    const doc = docs[kind];
    const pdf = await render(doc, paper);

    for (const page of pdf.pages) expect(page.width).toBeCloseTo(paper.widthPt, 1);
    if (paper.heightPt === null) {
      // A thermal roll: one page exactly as tall as what is printed on it.
      expect(pdf.pages).toHaveLength(1);
      expect(pdf.pages[0]!.height).toBeGreaterThan(paper.widthPt);
    } else {
      for (const page of pdf.pages) expect(page.height).toBeCloseTo(paper.heightPt, 1);
    }

    const text = squeezed(pdf.pages);
    expect(text).toContain(squeeze(doc.number!));
    expect(text).toContain(squeeze(formatMoney(doc.total, doc.currency)));
    expect(text).toContain(publicUrl(doc));
    expect(text).toContain(squeeze(`Page ${pdf.pages.length} of ${pdf.pages.length}`));
    expect(pdf.filename).toBe(`${doc.number}.pdf`);
  });
});

describe('the invoice template', () => {
  // Lines joined with single spaces, so a sentence that wrapped still reads as one.
  const text = (pages: PdfPage[]) =>
    pages
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');

  it('prints seller, customer, lines, totals per tax rate, payment instructions and notes', async () => {
    const pdf = await render(docs.invoice, parsePaper('A4')!);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.title).toBe(`Invoice ${docs.invoice.number}`);
    const all = text(pdf.pages);
    for (const expected of [
      'Cashdesk Hosting GmbH',
      'Hauptstraße 1',
      'Tax ID: DE123456789',
      'ООО «Ромашка»',
      'Zoë Ångström',
      'Ул. Тверская 7',
      '125009 Москва',
      'Russia',
      'Tax ID: RU7701234567',
      'Managed VPS «Zoë» — Иван Петров',
      '1.5',
      '€19.99',
      '7.375%',
      // 1.5 × 19.99 = 29.985 → 29.99, tax 7.375% of it 2.21; 2 × 3.00 = 6.00, tax 1.20.
      'VAT 7.375% on €29.99',
      '€2.21',
      'VAT 20% on €6.00',
      '€1.20',
      formatMoney(docs.invoice.total, 'EUR'),
      `Please pay ${formatMoney(docs.invoice.balance, 'EUR')} by 9 Apr 2026, quoting ${docs.invoice.number}.`,
      'IBAN DE89 3704 0044 0532 0130 00',
      'Thank you for your business.',
    ]) {
      expect(all).toContain(expected);
    }
    expect(docs.invoice.total).toBe(2999n + 221n + 600n + 120n);
  });

  it('prints the order name, PO number, the frozen addressee with place of supply, and each line’s period and code', async () => {
    const customer = await givenCustomer(db(), {
      name: 'Priya Raman',
      company: 'Acme Corp',
      tax_id: '29ABCDE1234F1Z5',
      currency: 'EUR',
      billing_address: { line1: '1 MG Road', city: 'Bengaluru', region: 'Karnataka', postal_code: '560001', country: 'IN' },
    });
    const invoice = await createInvoice(ctx(), { customerId: customer.id, status: 'pending', items });
    await db().update(invoices).set({ orderName: 'Acme — Support Agent Annual' }).where(eq(invoices.id, invoice.id));
    await updateInvoice(ctx(), {
      id: invoice.id,
      poNumber: 'PO-7781',
      customerSnapshot: { placeOfSupply: 'Karnataka (29)' },
      items: [
        {
          description: 'Support Agent — Pro',
          quantity: 1000n,
          unitPrice: 5000n,
          taxRate: 18_000n,
          periodStart: '2026-03-01',
          periodEnd: '2026-03-31',
          code: '998314',
        },
        { description: 'Onboarding', quantity: 1000n, unitPrice: 1000n, taxRate: 18_000n },
      ],
    });
    // The customer record changes after numbering; the invoice keeps its addressee.
    await updateCustomer(ctx(), { id: customer.id, name: 'Someone Else', company: 'Other Co' });

    for (const paper of ['A4', 'receipt-80']) {
      const all = text((await render(invoice, parsePaper(paper)!)).pages);
      for (const expected of [
        'Acme — Support Agent Annual',
        'PO-7781',
        'Acme Corp',
        'Priya Raman',
        'Tax ID: 29ABCDE1234F1Z5',
        'Place of supply: Karnataka (29)',
        'Support Agent — Pro',
        '1 Mar 2026 – 31 Mar 2026',
        '998314',
      ]) {
        expect(all, paper).toContain(expected);
      }
      expect(all, paper).not.toContain('Other Co');
      expect(all, paper).not.toContain('2026-03-01');
    }
    const a4 = text((await render(invoice, parsePaper('A4')!)).pages);
    expect(a4).toContain('PO / contract no.');
    expect(a4).toMatch(/Description Code Qty/);
    // Without any code on its lines, a document has no Code column.
    expect(text((await render(docs.invoice, parsePaper('A4')!)).pages)).not.toMatch(/Description Code/);
  });

  it('draws all text in the embedded, shipped fonts, and embeds the logo', async () => {
    const { bytes, pages } = await render(docs.invoice, parsePaper('A4')!);
    expect(pages[0]!.fonts.sort()).toEqual([expect.stringMatching(/^[A-Z]{6}\+NotoSans-Bold$/), expect.stringMatching(/^[A-Z]{6}\+NotoSans-Regular$/)]);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/Subtype /Image');
  });

  it('titles each kind and says what it refers to', async () => {
    const credit = text((await render(docs.credit_note)).pages);
    const corrected = (await db().select({ number: invoices.number }).from(invoices).where(eq(invoices.id, docs.credit_note.correctsInvoiceId!)))[0]!.number!;
    expect(credit).toContain('Credit note');
    expect(credit).toContain(`Corrects invoice ${corrected}. Nothing to pay.`);
    expect(credit).not.toContain('PAID');
    const debit = text((await render(docs.debit_note)).pages);
    expect(debit).toContain('Debit note');
    expect(debit).toContain('Corrects');
    expect(debit).toContain(corrected);
    const proforma = text((await render(docs.proforma)).pages);
    expect(proforma).toContain('Proforma invoice');
    expect(proforma).toContain('This is not a tax invoice.');
  });

  it('lists the invoices a consolidated invoice replaces, and each source points to it', async () => {
    const parent = text((await render(docs.consolidated)).pages);
    expect(parent).toContain('Consolidated invoice');
    expect(parent).toContain('This invoice consolidates');
    for (const source of sources) expect(parent).toContain(source.number!);

    const source = text((await render(sources[0]!)).pages);
    expect(source).toContain('CANCELLED');
    expect(source).toContain(`Cancelled: consolidated into invoice ${docs.consolidated.number}. Please pay that invoice instead.`);
  });

  it('stamps a paid invoice and a draft, and a draft carries no link', async () => {
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const paid = await createInvoice(ctx(), { customerId: customer.id, status: 'pending', items });
    await markInvoicePaid(ctx(), { id: paid.id });
    const paidText = text((await render(paid)).pages);
    expect(paidText).toContain('PAID');
    expect(paidText).toContain('Paid in full on 10 Mar 2026. Thank you.');

    const draft = await createInvoice(ctx(), { customerId: customer.id, status: 'draft', items });
    const pdf = await render(draft);
    expect(text(pdf.pages)).toContain('DRAFT');
    expect(text(pdf.pages)).not.toContain('/p/invoice/');
    expect(pdf.filename).toBe(`draft-${draft.id.slice(0, 8)}.pdf`);
  });

  it('degrades CJK it has no glyphs for to visible marks instead of failing', async () => {
    const customer = await givenCustomer(db(), { name: '山田 太郎', company: '株式会社サンプル', currency: 'JPY' });
    const invoice = await createInvoice(ctx(), {
      customerId: customer.id,
      status: 'pending',
      items: [{ description: '東京 hosting', quantity: 1000n, unitPrice: 1200n, taxRate: 10_000n }],
    });
    const pdf = await render(invoice, parsePaper('receipt-80')!);
    const all = text(pdf.pages);
    expect(all).toContain('\uFFFD\uFFFD hosting');
    expect(all).toContain('¥1,320');
  });

  it('breaks a 200-line invoice over numbered pages and keeps the totals', async () => {
    const customer = await givenCustomer(db(), { currency: 'EUR' });
    const long = await createInvoice(ctx(), {
      customerId: customer.id,
      status: 'pending',
      items: Array.from({ length: 200 }, (_, i) => ({ description: `Service line ${i + 1}`, quantity: 1000n, unitPrice: 100n + BigInt(i), taxRate: 20_000n })),
    });
    const pdf = await render(long, parsePaper('A4')!);
    expect(pdf.pages.length).toBeGreaterThan(3);
    pdf.pages.forEach((page, index) => expect(page.text).toContain(`Page ${index + 1} of ${pdf.pages.length}`));
    const all = text(pdf.pages);
    for (const n of [1, 100, 200]) expect(all).toContain(`Service line ${n} `);
    expect(pdf.pages.at(-1)!.text).toContain(formatMoney(long.total, 'EUR'));
  });
});

describe('paper and cache', () => {
  it('uses the paper-size setting unless a paper is asked for', async () => {
    await updateBillingSettings(ctx(), { paper_size: 'Letter' });
    try {
      const pdf = await render(docs.invoice);
      expect([pdf.pages[0]!.width, pdf.pages[0]!.height]).toEqual([612, 792]);
      const asked = await render(docs.invoice, parsePaper('receipt-58')!);
      expect(asked.pages[0]!.width).toBeCloseTo(164.41, 1);
    } finally {
      await updateBillingSettings(ctx(), { paper_size: 'A4' });
    }
  });

  it('renders a version once, and again whenever what it prints changes', async () => {
    const customer = await givenCustomer(db(), { currency: 'EUR' });
    const invoice = await createInvoice(ctx(), { customerId: customer.id, status: 'pending', items, notes: 'First note' });
    const a4 = parsePaper('A4')!;
    const first = await invoicePdf(ctx(), { id: invoice.id, paper: a4, origin });
    const again = await invoicePdf(ctx(), { id: invoice.id, paper: a4, origin });
    expect(again.bytes).toBe(first.bytes);
    expect(pdfCache.bytes).toBeGreaterThan(0);

    await updateInvoice(ctx(), { id: invoice.id, notes: 'Second note' });
    const edited = await readPdf((await invoicePdf(ctx(), { id: invoice.id, paper: a4, origin })).bytes);
    expect(squeezed(edited.pages)).toContain('Secondnote');

    const relinked = await regenerateInvoiceToken(ctx(), { id: invoice.id });
    const afterToken = await readPdf((await invoicePdf(ctx(), { id: invoice.id, paper: a4, origin })).bytes);
    expect(squeezed(afterToken.pages)).toContain(publicUrl(relinked));
    expect(squeezed(afterToken.pages)).not.toContain(publicUrl(invoice));

    const [company] = await db().select().from(settings).where(eq(settings.key, 'company'));
    await db()
      .update(settings)
      .set({ value: { ...(company!.value as object), name: 'Renamed Hosting AG' } })
      .where(eq(settings.key, 'company'));
    try {
      const renamed = await readPdf((await invoicePdf(ctx(), { id: invoice.id, paper: a4, origin })).bytes);
      expect(renamed.pages[0]!.text).toContain('Renamed Hosting AG');
    } finally {
      await db().update(settings).set({ value: company!.value }).where(eq(settings.key, 'company'));
    }
  });

  it('shares one render between concurrent requests for the same version', async () => {
    const customer = await givenCustomer(db(), { currency: 'EUR' });
    const invoice = await createInvoice(ctx(), { customerId: customer.id, status: 'pending', items });
    const results = await Promise.all(Array.from({ length: 5 }, () => invoicePdf(ctx(), { id: invoice.id, paper: parsePaper('A5')!, origin })));
    for (const result of results) expect(result.bytes).toBe(results[0]!.bytes);
  });
});
