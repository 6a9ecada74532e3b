import type { BillingAddress } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import { formatMilli, parseMilli } from '../billing/decimal';
import { isAwaitingPayment, type InvoiceKind, type InvoiceStatus } from '../billing/invoice-status';
import { isPlainDate } from '../billing/periods';
import type { TaxMode } from '../billing/totals';
import type { InvoiceRow } from '../services/invoices/store';
import { englishWords, type DocumentWords } from './words';

/** A seller or customer as printed: a name, address lines and a tax id. */
export type Party = { name: string; lines: string[]; taxId: string | null };

export type DocumentLine = {
  description: string;
  /** Decimal text as people read it ("1.5"). */
  quantity: string;
  unitPrice: bigint;
  /** Percent as decimal text ("7.375"). */
  taxRate: string;
  subtotal: bigint;
  tax: bigint;
  total: bigint;
  /** The period it covers, both days included. */
  period?: { start: string; end: string } | null;
  /** Its tax classification code (HSN/SAC). */
  code?: string | null;
};

/** Everything a document prints, gathered once (load.ts) so the template only lays it out. */
export type InvoiceDocumentModel = {
  id: string;
  /** The language it is written in: its customer's, unless the reader asked for another. */
  locale: Locale;
  kind: InvoiceKind;
  purpose: InvoiceRow['purpose'];
  status: InvoiceStatus;
  number: string | null;
  currency: string;
  taxMode: TaxMode;
  taxLabel: string;
  issueDate: string;
  dueDate: string;
  /** The day it was paid in full, as a plain date. */
  paidOn: string | null;
  seller: Party & { logo: string | null; bankDetails: string };
  /** The addressee: the snapshot taken when the number was assigned (a draft: the customer now). */
  customer: Party & { placeOfSupply?: string | null };
  /** The contract order's name, which the customer sees. */
  orderName: string | null;
  /** The customer's purchase order or contract number. */
  poNumber: string | null;
  lines: DocumentLine[];
  subtotal: bigint;
  taxTotal: bigint;
  total: bigint;
  amountPaid: bigint;
  amountRefunded: bigint;
  balance: bigint;
  notes: string | null;
  /** The token link the QR code carries; null for drafts, which have none. */
  publicUrl: string | null;
  /** For a consolidated invoice: the invoices it replaces. */
  sources: Array<{ number: string; issueDate: string; total: bigint }>;
  /** The number of the invoice a credit or debit note corrects. */
  corrects: string | null;
  /** The number of the invoice this one was consolidated into. */
  consolidatedInto: string | null;
  /** On an invoice issued for a paid proforma, the proforma's number. */
  proforma: string | null;
  /** On a paid proforma, the number of the invoice issued for it. */
  convertedInto: string | null;
};

// Functions that word a document take its language (words.ts); without one they write English,
// as the console does.

export function documentTitle(doc: Pick<InvoiceDocumentModel, 'kind' | 'purpose'>, w: DocumentWords = englishWords): string {
  return doc.kind === 'invoice' && doc.purpose === 'consolidated' ? w.t('consolidated') : w.common(`document.${doc.kind}`);
}

/** A document's heading: "Invoice INV-2026-0007", or "Draft invoice" before it has a number. */
export const documentHeading = (title: string, number: string | null) => (number ? `${title} ${number}` : `Draft ${title.toLowerCase()}`);

/** The same in the document's language, where "Draft" and the kind agree as each language wants. */
export function localHeading(doc: Pick<InvoiceDocumentModel, 'kind' | 'purpose' | 'number'>, w: DocumentWords): string {
  if (doc.number) return `${documentTitle(doc, w)} ${doc.number}`;
  return w.t('draftHeading', { kind: doc.kind === 'invoice' && doc.purpose === 'consolidated' ? 'consolidated' : doc.kind });
}

/**
 * A document's status in words, where the bare status would mislead: a credit note is born
 * settled (its amount settles what the invoice still owed, the rest goes onto the customer's credit
 * balance), so "paid" would say somebody paid it.
 */
export function statusLabel(doc: { kind: InvoiceKind; status: InvoiceStatus }, w: DocumentWords = englishWords): string | undefined {
  return doc.kind === 'credit_note' && doc.status === 'paid' ? w.t('credited') : undefined;
}

/** The status as a customer reads it on a document or its page. */
export const statusWords = (doc: { kind: InvoiceKind; status: InvoiceStatus }, w: DocumentWords) => statusLabel(doc, w) ?? w.common(`status.${doc.status}`);

export type Stamp = { text: string; tone: 'good' | 'bad' | 'neutral' };

const stampTones: Partial<Record<InvoiceStatus, Stamp['tone']>> = { paid: 'good', cancelled: 'bad', refunded: 'bad', draft: 'neutral' };

/** The stamp across the header, the status in capitals; a credit note is born settled, so PAID would say nothing. */
export function stampFor(doc: Pick<InvoiceDocumentModel, 'kind' | 'status'>, w: DocumentWords = englishWords): Stamp | null {
  const tone = stampTones[doc.status];
  if (!tone || (doc.status === 'paid' && doc.kind === 'credit_note')) return null;
  return { text: w.common(`status.${doc.status}`).toLocaleUpperCase(w.locale), tone };
}

export type TaxBand = { rate: string; base: bigint; tax: bigint };

/** Net amount and tax per rate, lowest rate first: sums of the lines, like every document total. */
export function taxBreakdown(lines: readonly Pick<DocumentLine, 'taxRate' | 'subtotal' | 'tax'>[]): TaxBand[] {
  const bands = new Map<bigint, { base: bigint; tax: bigint }>();
  for (const line of lines) {
    const rate = parseMilli(line.taxRate);
    if (rate === null) throw new RangeError(`not a tax rate: ${line.taxRate}`);
    const band = bands.get(rate) ?? { base: 0n, tax: 0n };
    bands.set(rate, { base: band.base + line.subtotal, tax: band.tax + line.tax });
  }
  return [...bands.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rate, band]) => ({ rate: formatMilli(rate), ...band }));
}

/** What the amount column shows: the price as entered, so quantity × unit price adds up. */
export const lineAmount = (line: Pick<DocumentLine, 'subtotal' | 'total'>, taxMode: TaxMode) => (taxMode === 'inclusive' ? line.total : line.subtotal);

/** "2026-01-31" → "31 Jan 2026" (unambiguous on either side of the Atlantic), "31.01.2026" in de. */
export const formatDay = (plainDate: string, w: DocumentWords = englishWords) => w.formats.day(plainDate);

const isoDay = /\b\d{4}-\d{2}-\d{2}\b/g;

/**
 * A line's description as people read it. Descriptions written at billing time carry their period
 * as ISO dates ("Cloud VPS (monthly) 2026-01-31 – 2026-02-27"): where the line's own period is
 * shown under it that tail goes, and any other date reads as "31 Jan 2026".
 */
export function readableDescription(description: string, period: { start: string; end: string } | null, w: DocumentWords = englishWords): string {
  const tail = period ? ` ${period.start} – ${period.end}` : null;
  return description
    .split('\n')
    .map((line) => (tail && line.endsWith(tail) ? line.slice(0, -tail.length) : line).replace(isoDay, (day) => (isPlainDate(day) ? formatDay(day, w) : day)))
    .join('\n');
}

/** A line's period as printed: "1 Mar 2026 – 31 Mar 2026". */
export const formatPeriod = (period: { start: string; end: string }, w: DocumentWords = englishWords) =>
  `${formatDay(period.start, w)} – ${formatDay(period.end, w)}`;

/** Whether the document asks to be paid: an issued, open document with something left to pay. */
export function awaitsPayment(doc: Pick<InvoiceDocumentModel, 'kind' | 'status' | 'balance'>): boolean {
  return isAwaitingPayment(doc.status) && doc.kind !== 'credit_note' && doc.balance > 0n;
}

/**
 * The words under the totals telling the reader what, if anything, to do; a proforma says first,
 * paid or not, that it is no tax document (its invoice is issued when it is paid).
 */
export function paymentInstructions(doc: InvoiceDocumentModel, w: DocumentWords = englishWords): string[] {
  const lines = instructions(doc, w);
  if (doc.kind !== 'proforma') return lines;
  return [w.t('instructions.notTaxInvoice'), ...lines, ...(doc.convertedInto ? [w.t('instructions.invoiceIssued', { number: doc.convertedInto })] : [])];
}

function instructions(doc: InvoiceDocumentModel, w: DocumentWords): string[] {
  const { t } = w;
  switch (doc.status) {
    case 'draft':
      return [t('instructions.draft')];
    case 'cancelled':
      return [doc.consolidatedInto ? t('instructions.consolidatedInto', { number: doc.consolidatedInto }) : t('instructions.cancelled')];
    case 'refunded':
      return [t('instructions.refunded')];
    default:
      break;
  }
  if (doc.kind === 'credit_note') return [doc.corrects ? t('instructions.corrects', { number: doc.corrects }) : t('instructions.nothingToPay')];
  if (!awaitsPayment(doc)) return [doc.paidOn ? t('instructions.paidOn', { date: formatDay(doc.paidOn, w) }) : t('instructions.paid')];
  const terms = { amount: w.formats.money(doc.balance, doc.currency), date: formatDay(doc.dueDate, w), number: doc.number ?? '' };
  const lines = [doc.status === 'overdue' ? t('instructions.overdue', terms) : t('instructions.payBy', terms)];
  if (doc.seller.bankDetails.trim()) lines.push(t('instructions.bankTransfer'));
  if (doc.publicUrl) lines.push(t('instructions.online'));
  return lines;
}

/** `<number>.pdf`, reduced to characters every browser and mail client keeps in a file name. */
export function pdfFilename(doc: Pick<InvoiceDocumentModel, 'id' | 'number'>): string {
  const base = doc.number ?? `draft-${doc.id.slice(0, 8)}`;
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`;
}

function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A billing address as it is written on an envelope, the country named in the reader's language. */
export function addressLines(address: BillingAddress | null, locale: Locale = 'en'): string[] {
  if (!address) return [];
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, address.line2, cityLine, address.region, countryName(address.country, locale)].filter((line): line is string => Boolean(line?.trim()));
}
