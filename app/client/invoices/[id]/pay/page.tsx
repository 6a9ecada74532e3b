import { ArrowLeft, CircleCheck } from 'lucide-react';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatsFor } from '@/i18n/format';
import { awaitsPayment } from '@/server/documents/model';
import { checkoutMethods } from '@/server/schemas/payments';
import { PayPanel } from '../../../../_components/pay/pay-panel';
import { buttonClass } from '../../../../_components/ui/button';
import { Card, PageHeader } from '../../../../_components/ui/card';
import { StatusPill } from '../../../../_components/ui/status-pill';
import { requireArea } from '../../../../_lib/guard';
import { clientInvoice } from '../load';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ document }, t, tc] = await Promise.all([clientInvoice(params), getTranslations('portal.pay'), getTranslations('common')]);
  return { title: t('metaTitle', { number: document.number ?? tc(`document.${document.kind}`) }) };
}

/**
 * The pay page of one invoice: its summary beside the payment methods, or a plain "nothing to
 * pay" once it is settled. `?method=` (the one chosen at checkout) is offered first.
 */
export default async function ClientPayPage({ params, searchParams }: Props) {
  await requireArea('client');
  const chosen = (await searchParams).method;
  const method = checkoutMethods.find((m) => m === chosen);
  const [invoice, t, tc, locale] = await Promise.all([clientInvoice(params), getTranslations('portal.pay'), getTranslations('common'), getLocale()]);
  const doc = invoice.document;
  // The invoice's own display decimals, as on its sheet.
  const formats = formatsFor(locale, { decimals: invoice.decimals });
  const money = (amount: bigint) => formats.money(amount, doc.currency);
  const document = tc(`document.${doc.kind}`);
  const status = tc(`status.${doc.status}`);
  const payable = awaitsPayment(doc);
  return (
    <>
      <PageHeader title={t('title', { document, number: doc.number ?? '' }).trim()}>
        <Link href={`/client/invoices/${doc.id}`} className={buttonClass('ghost')}>
          <ArrowLeft className="size-4" aria-hidden /> {t('back')}
        </Link>
      </PageHeader>
      <div className="grid items-start gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">{t('summary')}</h2>
          <dl className="space-y-2 text-sm" aria-label={t('summaryLabel')}>
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">{t('invoice')}</dt>
              <dd className="font-medium">
                <Link href={`/client/invoices/${doc.id}`} className="hover:underline">
                  {doc.number}
                </Link>
              </dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">{t('status')}</dt>
              <dd>
                <StatusPill status={doc.status} />
              </dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">{t('due')}</dt>
              <dd className={doc.status === 'overdue' ? 'font-medium text-danger' : undefined}>{formats.day(doc.dueDate)}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">{t('total')}</dt>
              <dd className="tabular-nums">{money(doc.total)}</dd>
            </div>
            {doc.amountPaid > 0n ? (
              <div className="flex justify-between gap-4">
                <dt className="text-fg-muted">{t('paidSoFar')}</dt>
                <dd className="tabular-nums">{money(doc.amountPaid)}</dd>
              </div>
            ) : null}
            <div className="flex justify-between gap-4 border-t border-border pt-2 text-base font-semibold">
              <dt>{t('balanceDue')}</dt>
              <dd className="tabular-nums" data-testid="balance-due">
                {money(doc.balance)}
              </dd>
            </div>
          </dl>
        </Card>
        {payable ? (
          <section aria-label={t('methods')}>
            <PayPanel invoiceId={doc.id} access={{ kind: 'session' }} method={method} />
          </section>
        ) : (
          <Card className="flex items-center gap-3 p-6" role="status" data-testid="nothing-to-pay">
            <CircleCheck className="size-6 shrink-0 text-success" aria-hidden />
            <div>
              <div className="font-semibold">{doc.status === 'paid' ? t('paid') : t('nothingToPay')}</div>
              <p className="text-sm text-fg-muted">
                {doc.status === 'paid'
                  ? doc.paidOn
                    ? t('paidInFullOn', { date: formats.day(doc.paidOn) })
                    : t('paidInFull')
                  : t('closed', { status: status.toLowerCase() })}
              </p>
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
