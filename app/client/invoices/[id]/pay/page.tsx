import { ArrowLeft, CircleCheck } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@/server/billing/currency';
import { awaitsPayment, documentTitle } from '@/server/documents/model';
import { checkoutMethods } from '@/server/schemas/payments';
import { PayPanel } from '../../../../_components/pay/pay-panel';
import { buttonClass } from '../../../../_components/ui/button';
import { Card, PageHeader } from '../../../../_components/ui/card';
import { StatusPill } from '../../../../_components/ui/status-pill';
import { formatDay } from '../../../../_lib/format';
import { requireArea } from '../../../../_lib/guard';
import { clientInvoice } from '../load';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { document } = await clientInvoice(params);
  return { title: `Pay ${document.number ?? 'invoice'}` };
}

/**
 * The pay page of one invoice: its summary beside the payment methods, or a plain "nothing to
 * pay" once it is settled. `?method=` (the one chosen at checkout) is offered first.
 */
export default async function ClientPayPage({ params, searchParams }: Props) {
  await requireArea('client');
  const chosen = (await searchParams).method;
  const method = checkoutMethods.find((m) => m === chosen);
  const invoice = await clientInvoice(params);
  const doc = invoice.document;
  const money = (amount: bigint) => formatMoney(amount, doc.currency, { decimals: invoice.decimals ?? undefined });
  const payable = awaitsPayment(doc);
  return (
    <>
      <PageHeader title={`Pay ${documentTitle(doc).toLowerCase()} ${doc.number ?? ''}`.trim()}>
        <Link href={`/client/invoices/${doc.id}`} className={buttonClass('ghost')}>
          <ArrowLeft className="size-4" aria-hidden /> Back to the invoice
        </Link>
      </PageHeader>
      <div className="grid items-start gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Summary</h2>
          <dl className="space-y-2 text-sm" aria-label="Invoice summary">
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">Invoice</dt>
              <dd className="font-medium">
                <Link href={`/client/invoices/${doc.id}`} className="hover:underline">
                  {doc.number}
                </Link>
              </dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">Status</dt>
              <dd>
                <StatusPill status={doc.status} />
              </dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">Due</dt>
              <dd className={doc.status === 'overdue' ? 'font-medium text-danger' : undefined}>{formatDay(doc.dueDate)}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">Total</dt>
              <dd className="tabular-nums">{money(doc.total)}</dd>
            </div>
            {doc.amountPaid > 0n ? (
              <div className="flex justify-between gap-4">
                <dt className="text-fg-muted">Paid so far</dt>
                <dd className="tabular-nums">{money(doc.amountPaid)}</dd>
              </div>
            ) : null}
            <div className="flex justify-between gap-4 border-t border-border pt-2 text-base font-semibold">
              <dt>Balance due</dt>
              <dd className="tabular-nums" data-testid="balance-due">
                {money(doc.balance)}
              </dd>
            </div>
          </dl>
        </Card>
        {payable ? (
          <section aria-label="Payment methods">
            <PayPanel invoiceId={doc.id} access={{ kind: 'session' }} method={method} />
          </section>
        ) : (
          <Card className="flex items-center gap-3 p-6" role="status" data-testid="nothing-to-pay">
            <CircleCheck className="size-6 shrink-0 text-success" aria-hidden />
            <div>
              <div className="font-semibold">{doc.status === 'paid' ? 'Paid' : 'Nothing to pay'}</div>
              <p className="text-sm text-fg-muted">
                {doc.status === 'paid'
                  ? `Paid in full${doc.paidOn ? ` on ${formatDay(doc.paidOn)}` : ''}. Thank you!`
                  : `This ${documentTitle(doc).toLowerCase()} is ${doc.status}; there is nothing left to pay.`}
              </p>
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
