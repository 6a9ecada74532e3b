import { describe, expect, it } from 'vitest';
import type { InvoiceDocumentModel } from '@/server/documents/model';
import { parsePaper } from '@/server/documents/paper';
import { renderInvoicePdf } from '@/server/documents/render';
import { sampleDocument } from '../support/sample-document';
import { readPdf } from './read-pdf';

// No database: each test file runs in a fresh process, which is what this regression needs.
const doc = (over: Partial<InvoiceDocumentModel>) =>
  sampleDocument({
    seller: { name: 'Seller', lines: [], taxId: null, logo: null, bankDetails: '' },
    lines: [{ description: 'Hosting', quantity: '1', unitPrice: 1000n, taxRate: '0', subtotal: 1000n, tax: 0n, total: 1000n }],
    subtotal: 1000n,
    taxTotal: 0n,
    total: 1000n,
    balance: 1000n,
    publicUrl: null,
    ...over,
  });

describe('letters shared by composite glyphs', () => {
  it('still prints the Latin P after a bold Cyrillic Р was embedded (react-pdf #3404)', async () => {
    const a4 = parsePaper('A4')!;
    await renderInvoicePdf(doc({ customer: { name: 'ООО «Ромашка»', lines: ['Ёлкино, Å'], taxId: null } }), a4);
    const paid = await readPdf(await renderInvoicePdf(doc({ status: 'paid', amountPaid: 1000n, balance: 0n }), a4));
    expect(paid.pages[0]!.text).toContain('PAID');
    const latin = await readPdf(await renderInvoicePdf(doc({ customer: { name: 'PEAK Apps', lines: ['Eastgate', 'Aarhus'], taxId: null } }), a4));
    expect(latin.pages[0]!.text).toContain('PEAK Apps\nEastgate\nAarhus');
  });
});
