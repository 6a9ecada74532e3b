import { z } from 'zod';
import { localeInput, locales, type Locale } from '@/i18n/locales';
import type { ServiceContext } from '../services/context';
import type { Bytes } from './byte-cache';
import { loadInvoiceDocument } from './load';
import { pdfFilename } from './model';
import { paperFromQuery, paperFromSettings, paperQueryFields, type Paper } from './paper';
import { cachedInvoicePdf } from './render';

/** A document download's query: the paper, and `locale` for a language other than the customer's. */
export const documentQueryFields = {
  ...paperQueryFields,
  locale: localeInput.optional().describe(`the language, one of ${locales.join(', ')} (any case); without it, the customer's`),
};

export const documentQuery = z.object(documentQueryFields).transform(paperFromQuery);

/**
 * An invoice, proforma, credit or debit note as PDF, on the given paper or the settings'
 * default, in its customer's language or the one asked for. Reading it needs what reading the invoice needs (`invoices.view`, within scope).
 */
export async function invoicePdf(
  ctx: ServiceContext,
  input: { id: string; paper?: Paper | undefined; locale?: Locale | undefined; origin: string },
): Promise<{ bytes: Bytes; filename: string }> {
  const { doc, settings } = await loadInvoiceDocument(ctx, input);
  const bytes = await cachedInvoicePdf(doc, input.paper ?? paperFromSettings(settings));
  return { bytes, filename: pdfFilename(doc) };
}

/** Shown in the browser's viewer rather than downloaded; never kept by shared caches. */
export function pdfResponse(pdf: { bytes: Bytes; filename: string }): Response {
  return new Response(pdf.bytes, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${pdf.filename}"`,
      'content-length': String(pdf.bytes.byteLength),
      'cache-control': 'private, no-cache',
    },
  });
}
