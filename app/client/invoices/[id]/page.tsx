import { ArrowLeft, CreditCard, Download } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { awaitsPayment } from '@/server/documents/model';
import { InvoiceSheet } from '../../../_components/invoice/invoice-sheet';
import { buttonClass } from '../../../_components/ui/button';
import { requireArea } from '../../../_lib/guard';
import { clientInvoice } from './load';
import { UseCredit } from './use-credit';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ document }, tc] = await Promise.all([clientInvoice(params), getTranslations('common')]);
  return { title: `${tc(`document.${document.kind}`)} ${document.number ?? ''}`.trim() };
}

export default async function ClientInvoicePage({ params }: Props) {
  await requireArea('client');
  const [invoice, t] = await Promise.all([clientInvoice(params), getTranslations('portal.invoice')]);
  const doc = invoice.document;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href="/client/invoices" className={buttonClass('ghost')}>
          <ArrowLeft className="size-4" aria-hidden /> {t('all')}
        </Link>
        <div className="flex flex-wrap gap-2" role="toolbar" aria-label={t('actions')}>
          <a href={`/client/invoices/${doc.id}/pdf`} className={buttonClass('secondary')}>
            <Download className="size-4" aria-hidden /> {t('downloadPdf')}
          </a>
          {awaitsPayment(doc) ? (
            <Link href={`/client/invoices/${doc.id}/pay`} className={buttonClass('primary')}>
              <CreditCard className="size-4" aria-hidden /> {t('payNow')}
            </Link>
          ) : null}
        </div>
      </div>
      {invoice.creditCovers > 0n ? (
        <UseCredit key={invoice.creditCovers.toString()} invoiceId={doc.id} currency={doc.currency} covers={invoice.creditCovers.toString()} />
      ) : null}
      <InvoiceSheet invoice={invoice} />
    </>
  );
}
