import { asc, eq, inArray } from 'drizzle-orm';
import { invoices, settings } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { trimDecimal } from '../billing/decimal';
import { isIssued } from '../billing/invoice-status';
import { toPlainDate } from '../billing/periods';
import { companySettings } from '../schemas/company';
import { billingSettings, type BillingSettings } from '../schemas/settings';
import type { ServiceContext } from '../services/context';
import { getInvoice } from '../services/invoices/get';
import { publicInvoicePath } from '../services/invoices/public-link';
import { addresseeOf } from '../services/invoices/snapshot';
import { linePeriod } from '../services/invoices/store';
import { customerLocaleById } from '../services/settings/locale';
import { printable } from './fonts';
import { opaqueLogo } from './logo';
import { addressLines, readableDescription, type InvoiceDocumentModel } from './model';
import { documentWords, type DocumentWords } from './words';

/** A document's language with its messages loaded (once per process): PDFs, and the pages that show documents. */
export async function loadDocumentWords(locale: Locale, decimals?: number | null): Promise<DocumentWords> {
  return documentWords(locale, await loadMessages(locale), decimals);
}

const text = (value: string) => printable(value.trim());
const lines = (value: string) => value.split(/\r?\n/).map(text).filter(Boolean);

/**
 * Everything one document prints, read in one place: the invoice (through getInvoice, so the
 * caller's permission and scope apply and another tenant's invoice is a 404), its addressee, the
 * seller settings, the invoices it consolidates and the numbers it refers to. It is written in
 * the customer's language (customerLocale) unless the caller names another.
 */
export async function loadInvoiceDocument(
  ctx: ServiceContext,
  input: { id: string; origin: string; locale?: Locale | undefined },
): Promise<{ doc: InvoiceDocumentModel; settings: BillingSettings }> {
  const invoice = await getInvoice(ctx, { id: input.id });
  const relatedIds = [invoice.correctsInvoiceId, invoice.consolidatedIntoId, invoice.proformaId, invoice.convertedInvoiceId].filter(
    (id): id is string => id !== null,
  );
  const [customer, locale, settingRows, sources, related] = await Promise.all([
    addresseeOf(ctx.db, invoice),
    input.locale ?? customerLocaleById(ctx, invoice.customerId),
    ctx.db
      .select({ key: settings.key, value: settings.value })
      .from(settings)
      .where(inArray(settings.key, ['billing', 'company'])),
    ctx.db
      .select({ number: invoices.number, issueDate: invoices.issueDate, total: invoices.total })
      .from(invoices)
      .where(eq(invoices.consolidatedIntoId, invoice.id))
      .orderBy(asc(invoices.issueDate), asc(invoices.createdAt)),
    relatedIds.length > 0
      ? ctx.db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(inArray(invoices.id, relatedIds))
      : Promise.resolve([]),
  ]);
  const settingOf = (key: string) => settingRows.find((row) => row.key === key)?.value ?? {};
  const billing = billingSettings.parse(settingOf('billing'));
  const company = companySettings.parse(settingOf('company'));
  const numberOf = (id: string | null) => {
    const number = related.find((row) => row.id === id)?.number;
    return number ? text(number) : null;
  };

  const w = await loadDocumentWords(locale);

  const contact = [company.email, company.phone].map(text).filter(Boolean).join(' · ');
  const doc: InvoiceDocumentModel = {
    id: invoice.id,
    locale,
    kind: invoice.kind,
    purpose: invoice.purpose,
    status: invoice.status,
    number: invoice.number === null ? null : text(invoice.number),
    currency: invoice.currency,
    taxMode: invoice.taxMode,
    taxLabel: text(billing.tax_label) || w.t('tax'),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    paidOn: invoice.paidAt ? toPlainDate(invoice.paidAt) : null,
    seller: {
      name: text(company.name),
      lines: [...lines(company.address), ...(contact ? [contact] : [])],
      taxId: text(company.tax_id) || null,
      logo: company.logo ? opaqueLogo(company.logo) : null,
      bankDetails: lines(billing.bank_details).join('\n'),
    },
    // A company is billed by its name, with the person below it.
    customer: {
      name: text(customer.company ?? '') || text(customer.name),
      lines: [...(customer.company?.trim() ? [text(customer.name)] : []), ...addressLines(customer.billingAddress, locale).map(text)],
      taxId: customer.taxId ? text(customer.taxId) : null,
      placeOfSupply: customer.placeOfSupply?.trim() ? text(customer.placeOfSupply) : null,
    },
    orderName: invoice.orderName?.trim() ? text(invoice.orderName) : null,
    poNumber: invoice.poNumber?.trim() ? text(invoice.poNumber) : null,
    lines: invoice.lines.map((line) => ({
      description: printable(readableDescription(line.description, linePeriod(line), w)),
      quantity: trimDecimal(line.quantity),
      unitPrice: line.unitPrice,
      taxRate: trimDecimal(line.taxRate),
      subtotal: line.subtotal,
      tax: line.tax,
      total: line.total,
      period: linePeriod(line),
      code: line.code?.trim() ? text(line.code) : null,
    })),
    subtotal: invoice.subtotal,
    taxTotal: invoice.taxTotal,
    total: invoice.total,
    amountPaid: invoice.amountPaid,
    amountRefunded: invoice.amountRefunded,
    balance: invoice.balance,
    notes: invoice.notes?.trim() ? printable(invoice.notes.trim()) : null,
    publicUrl: isIssued(invoice.status) ? `${input.origin}${publicInvoicePath(invoice.id, invoice.tokenVersion)}` : null,
    sources: sources.map((source) => ({ number: text(source.number ?? ''), issueDate: source.issueDate, total: source.total })),
    corrects: numberOf(invoice.correctsInvoiceId),
    consolidatedInto: numberOf(invoice.consolidatedIntoId),
    proforma: numberOf(invoice.proformaId),
    convertedInto: numberOf(invoice.convertedInvoiceId),
  };
  return { doc, settings: billing };
}
