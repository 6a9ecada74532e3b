import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { nextRenewal } from '@/server/billing/next-invoice';
import { toPlainDate } from '@/server/billing/periods';
import { buttonClass } from '../_components/ui/button';
import { Card, PageHeader } from '../_components/ui/card';
import { StatusPill } from '../_components/ui/status-pill';
import { WalletCard } from '../_components/wallet-card';
import { requireArea } from '../_lib/guard';
import { pageFormats } from '../_lib/money';
import { InvoiceRows } from './invoice-rows';
import { openInvoices } from './open-invoices';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal.overview'))('title') };
}

export default async function ClientHome() {
  await requireArea('client');
  const [t, tc, formats] = await Promise.all([getTranslations('portal.overview'), getTranslations('common'), pageFormats()]);
  const { money } = formats;
  const trpc = await api();
  const [account, open, { services }] = await Promise.all([trpc.customers.mine(), openInvoices(), trpc.portal.account()]);
  // What is owed, per currency (a customer can hold invoices in more than one).
  const owed = new Map<string, bigint>();
  for (const invoice of open) owed.set(invoice.currency, (owed.get(invoice.currency) ?? 0n) + invoice.balance);
  const live = services.filter((s) => s.status === 'active' || s.status === 'suspended' || s.status === 'pending');
  // Pages may read the real clock: a renewal is listed while it is still ahead.
  const today = toPlainDate(new Date());
  const renewals = live
    .map((service) => ({ ...service, renews: nextRenewal(service, today) }))
    .filter((service): service is typeof service & { renews: string } => service.renews !== null)
    .sort((a, b) => a.renews.localeCompare(b.renews))
    .slice(0, 5);
  return (
    <>
      <PageHeader title={t('title')} description={t('welcome', { name: account.name })}>
        <Link href="/store" className={buttonClass('secondary')}>
          {t('visitStore')}
        </Link>
      </PageHeader>

      <div className="grid gap-4 sm:grid-cols-3">
        <Card className="p-5">
          <div className="text-sm text-fg-muted">{t('amountDue')}</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid="amount-due">
            {owed.size === 0 ? money(0n, account.currency) : [...owed].map(([currency, amount]) => money(amount, currency)).join(' + ')}
          </div>
          <div className="mt-1 text-xs text-fg-muted">{open.length === 0 ? t('nothingToPay') : t('openInvoices', { count: open.length })}</div>
        </Card>
        <Card className="p-5">
          <div className="text-sm text-fg-muted">{t('creditBalance')}</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid="credit-balance">
            {money(account.creditBalance, account.currency)}
          </div>
          <Link href="/client/credit" className="mt-1 inline-block text-xs text-accent hover:underline">
            {t('seeLedger')}
          </Link>
        </Card>
        <Card className="p-5">
          <div className="text-sm text-fg-muted">{t('services')}</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums">{t('activeServices', { count: services.filter((s) => s.status === 'active').length })}</div>
          <Link href="/client/services" className="mt-1 inline-block text-xs text-accent hover:underline">
            {t('seeServices')}
          </Link>
        </Card>
      </div>

      <Card className="mt-6 overflow-hidden">
        <div className="flex items-center justify-between border-b border-border px-4 py-3">
          <h2 className="font-semibold">{t('toPay')}</h2>
          <Link href="/client/invoices" className="text-sm text-accent hover:underline">
            {t('allInvoices')}
          </Link>
        </div>
        <InvoiceRows invoices={open} formats={formats} empty={t('noUnpaid')} />
      </Card>

      <div className="mt-6 empty:hidden">
        <WalletCard customerId={account.id} invoiceBase="/client/invoices" />
      </div>

      {renewals.length > 0 ? (
        <Card className="mt-6 p-5">
          <h2 className="mb-3 font-semibold">{t('nextRenewals')}</h2>
          <ul className="divide-y divide-border text-sm" aria-label={t('nextRenewals')}>
            {renewals.map((service) => (
              // On a phone the name takes its own line rather than being cut to "Sh…".
              <li key={service.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2">
                <span className="min-w-0 break-words">{service.name}</span>
                <span className="flex flex-wrap items-center gap-x-3 gap-y-1 whitespace-nowrap">
                  <span className="text-fg-muted">
                    {tc(`cycle.${service.cycle}`)} · {money(service.price, service.currency)}
                  </span>
                  <span data-testid="renews">{formats.day(service.renews)}</span>
                  <StatusPill status={service.status} />
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
