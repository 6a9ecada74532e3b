import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { visitorContext } from '@/server/context';
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
// gets the same 404 page, so nothing tells a guesser which part was wrong.
const load = cache(async (id: string, token: string) => {
  const ctx = await visitorContext(await headers());
  try {
    return await publicInvoice(ctx, { id, token, origin: publicOrigin() });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'rate_limited')) notFound();
    throw error;
  }
});

const tokenOf = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const invoice = await load((await params).id, tokenOf((await searchParams).token));
  const doc = invoice.document;
  return {
    title: `${documentTitle(doc)} ${doc.number ?? ''} · ${doc.seller.name || 'Invoice'}`.trim(),
    // The address carries the key: keep it out of search engines and out of Referer headers.
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  };
}

/** The invoice behind a public link (`/p/invoice/<id>?token=…`): no sign-in, no console around it, printable. */
export default async function PublicInvoicePage({ params, searchParams }: Props) {
  const { id } = await params;
  const token = tokenOf((await searchParams).token);
  const invoice = await load(id, token);
  const payable = awaitsPayment(invoice.document);
  return (
    <main id="content" tabIndex={-1} className="outline-none mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 print:max-w-none print:p-0">
      <div className="mb-4 flex flex-wrap items-center justify-end gap-2 print:hidden" role="toolbar" aria-label="Invoice actions">
        <PrintButton />
        <a className={buttonClass('secondary')} href={`/p/invoice/${id}/pdf?token=${encodeURIComponent(token)}`}>
          <Download className="size-4" aria-hidden /> Download PDF
        </a>
      </div>
      <div className={payable ? 'grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]' : undefined}>
        <InvoiceSheet invoice={invoice} />
        {payable ? (
          <aside className="space-y-3 print:hidden" aria-label="Pay this invoice">
            <h2 className="text-sm font-semibold">Pay this invoice</h2>
            <PayPanel invoiceId={id} access={{ kind: 'token', token }} />
          </aside>
        ) : null}
      </div>
    </main>
  );
}
