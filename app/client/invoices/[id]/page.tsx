import { ArrowLeft, CreditCard, Download } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { awaitsPayment, documentTitle } from '@/server/documents/model';
import { InvoiceSheet } from '../../../_components/invoice/invoice-sheet';
import { buttonClass } from '../../../_components/ui/button';
import { requireArea } from '../../../_lib/guard';
import { clientInvoice } from './load';
import { UseCredit } from './use-credit';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { document } = await clientInvoice(params);
  return { title: `${documentTitle(document)} ${document.number ?? ''}`.trim() };
}

export default async function ClientInvoicePage({ params }: Props) {
  await requireArea('client');
  const invoice = await clientInvoice(params);
  const doc = invoice.document;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href="/client/invoices" className={buttonClass('ghost')}>
          <ArrowLeft className="size-4" aria-hidden /> All invoices
        </Link>
        <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Invoice actions">
          <a href={`/client/invoices/${doc.id}/pdf`} className={buttonClass('secondary')}>
            <Download className="size-4" aria-hidden /> Download PDF
          </a>
          {awaitsPayment(doc) ? (
            <Link href={`/client/invoices/${doc.id}/pay`} className={buttonClass('primary')}>
              <CreditCard className="size-4" aria-hidden /> Pay now
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
