import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { localeInput } from '@/i18n/locales';
import { visitorContext } from '@/server/context';
import { loadDocumentWords } from '@/server/documents/load';
import { awaitsPayment, documentTitle } from '@/server/documents/model';
import { publicOrigin } from '@/server/env';
import { AppError } from '@/server/errors';
import { publicInvoice } from '@/server/services/invoices/public-link';
import { InvoiceSheet } from '../../../_components/invoice/invoice-sheet';
import { PrintButton } from '../../../_components/invoice/print-button';
import { PayPanel } from '../../../_components/pay/pay-panel';
import { buttonClass } from '../../../_components/ui/button';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The token is the only key: a wrong, missing or old one (and an address over the guess limit)
// gets the same 404 page, so nothing tells a guesser which part was wrong. It is in the
// customer's language, not the visitor's; `?locale=` picks another (one we lack is ignored).
const load = cache(async (id: string, token: string, language: string | undefined) => {
  const ctx = await visitorContext(await headers());
  const locale = localeInput.safeParse(language ?? '').data;
  try {
    return await publicInvoice(ctx, { id, token, locale, origin: publicOrigin() });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'rate_limited')) notFound();
    throw error;
  }
});

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const search = await searchParams;
  const invoice = await load((await params).id, one(search.token) ?? '', one(search.locale));
  const doc = invoice.document;
  const w = await loadDocumentWords(doc.locale);
  return {
    title: `${documentTitle(doc, w)} ${doc.number ?? ''} · ${doc.seller.name || w.t('sheet.label')}`.trim(),
    // The address carries the key: keep it out of search engines and out of Referer headers.
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  };
}

/** The invoice behind a public link (`/p/invoice/<id>?token=…`): no sign-in, no console around it, printable. */
export default async function PublicInvoicePage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const token = one(search.token) ?? '';
  const invoice = await load(id, token, one(search.locale));
  const { locale } = invoice.document;
  const { t } = await loadDocumentWords(locale);
  const payable = awaitsPayment(invoice.document);
  // The root layout's <html lang> is the visitor's; this page speaks its customer's language.
  const pdf = `/p/invoice/${id}/pdf?token=${encodeURIComponent(token)}${one(search.locale) ? `&locale=${encodeURIComponent(locale)}` : ''}`;
  return (
    <main id="content" tabIndex={-1} lang={locale} className="outline-none mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 print:max-w-none print:p-0">
      <div className="mb-4 flex flex-wrap items-center justify-end gap-2 print:hidden" role="toolbar" aria-label={t('publicPage.actions')}>
        <PrintButton label={t('publicPage.print')} />
        <a className={buttonClass('secondary')} href={pdf}>
          <Download className="size-4" aria-hidden /> {t('publicPage.downloadPdf')}
        </a>
      </div>
      <div className={payable ? 'grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]' : undefined}>
        <InvoiceSheet invoice={invoice} />
        {payable ? (
          <aside className="space-y-3 print:hidden" aria-label={t('publicPage.pay')}>
            <h2 className="text-sm font-semibold">{t('publicPage.pay')}</h2>
            <PayPanel invoiceId={id} access={{ kind: 'token', token }} />
          </aside>
        ) : null}
      </div>
    </main>
  );
}
