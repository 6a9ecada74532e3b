import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { topUpBounds } from '@/server/billing/top-up';
import { Card, PageHeader } from '../../_components/ui/card';
import { cn } from '../../_components/ui/cn';
import { DataTable } from '../../_components/ui/data-table';
import { requireArea } from '../../_lib/guard';
import { pageFormats } from '../../_lib/money';
import { RedeemCard } from './redeem-card';
import { TopUp } from './top-up';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal.credit'))('title') };
}

/** The credit balance and its append-only ledger, newest first. */
export default async function ClientCredit() {
  await requireArea('client');
  const [t, { money, moment }] = await Promise.all([getTranslations('portal.credit'), pageFormats()]);
  const { customer, ledger } = await (await api()).portal.account();
  const bounds = topUpBounds(customer.currency);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="mb-6 grid gap-4 md:grid-cols-3">
        <Card className="p-5">
          <div className="text-sm text-fg-muted">{t('balance')}</div>
          <div className="mt-1 text-3xl font-semibold tabular-nums" data-testid="credit-balance">
            {money(customer.creditBalance, customer.currency)}
          </div>
        </Card>
        <Card className="p-5" aria-labelledby="redeem-title">
          <h2 id="redeem-title" className="mb-3 font-semibold">
            {t('redeem')}
          </h2>
          <RedeemCard />
        </Card>
        <Card className="p-5" aria-labelledby="top-up-title">
          <h2 id="top-up-title" className="mb-3 font-semibold">
            {t('topUp')}
          </h2>
          <TopUp currency={customer.currency} range={t('range', { min: money(bounds.min, customer.currency), max: money(bounds.max, customer.currency) })} />
        </Card>
      </div>
      <Card className="overflow-hidden">
        <DataTable
          scroll
          label={t('ledger')}
          columns={[{ label: t('when') }, { label: t('what') }, { label: t('details') }, { label: t('amount'), align: 'right' }]}
          empty={ledger.length === 0 ? t('empty') : undefined}
        >
          {ledger.map((entry) => (
            <tr key={entry.id}>
              <td className="px-4 py-2.5 whitespace-nowrap">{moment(entry.createdAt)}</td>
              <td className="px-4 py-2.5">{t(`kind.${entry.kind}`)}</td>
              <td className="px-4 py-2.5">
                {entry.reason}
                {entry.invoiceId ? (
                  <Link href={`/client/invoices/${entry.invoiceId}`} className="ml-2 text-accent hover:underline">
                    {t('invoice')}
                  </Link>
                ) : null}
              </td>
              <td className={cn('px-4 py-2.5 text-right font-medium tabular-nums', entry.amount < 0n ? 'text-fg-muted' : 'text-success')}>
                {entry.amount > 0n ? '+' : '−'}
                {money(entry.amount < 0n ? -entry.amount : entry.amount, entry.currency)}
              </td>
            </tr>
          ))}
        </DataTable>
        {ledger.length >= 100 ? <p className="border-t border-border px-4 py-3 text-sm text-fg-muted">{t('latest')}</p> : null}
      </Card>
    </>
  );
}
