import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { api } from '@/server/api/server-caller';
import type { PriceCycle } from '@/server/billing/periods';
import { optionSummary } from '@/server/billing/pricing';
import { buttonClass } from '../../../_components/ui/button';
import { Card, PageHeader } from '../../../_components/ui/card';
import { DataTable } from '../../../_components/ui/data-table';
import { Facts } from '../../../_components/ui/facts';
import { StatusPill } from '../../../_components/ui/status-pill';
import { recordId, requireArea } from '../../../_lib/guard';
import { pageFormats } from '../../../_lib/money';
import { CancelService, PortalChangePlan } from './actions';

type Props = { params: Promise<{ id: string }> };

// Once per request, shared by the page and its metadata; another customer's service is the 404 page.
const load = cache(async (serviceId: string) =>
  (await api()).portal.service({ serviceId }).catch((error: unknown) => {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'NOT_FOUND') notFound();
    throw error;
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(await recordId(params))).name };
}

export default async function ClientService({ params }: Props) {
  await requireArea('client');
  const service = await load(await recordId(params));
  const [t, tc, { money, day }] = await Promise.all([getTranslations('portal.service'), getTranslations('common'), pageFormats()]);
  const live = service.status === 'active' && service.cancelAt === null;
  const options = optionSummary(service.options);
  return (
    <>
      <div className="mb-4">
        <Link href="/client/services" className={buttonClass('ghost')}>
          <ArrowLeft className="size-4" aria-hidden /> {t('all')}
        </Link>
      </div>
      <PageHeader title={service.name} description={t('partOf', { number: service.order.number })}>
        {live && service.selfService.plan_changes ? <PortalChangePlan service={{ id: service.id, name: service.name, currency: service.currency }} /> : null}
        {live || (service.status === 'suspended' && service.cancelAt === null) ? (
          <CancelService service={{ id: service.id, name: service.name, currency: service.currency }} mode={service.selfService.cancellation} />
        ) : null}
      </PageHeader>
      {service.cancelAt && service.status !== 'cancelled' ? (
        <p role="status" className="mb-4 rounded-md border border-border bg-muted p-3 text-sm">
          {t('cancelling', { date: day(service.cancelAt) })}
        </p>
      ) : null}
      <Card className="mb-6 p-4 sm:p-6">
        <Facts
          className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-3"
          valueClassName="font-medium"
          items={[
            [t('status'), <StatusPill key="status" status={service.status} />],
            [t('price'), t('priceValue', { price: money(service.price, service.currency), cycle: tc(`cycle.${service.cycle as PriceCycle}`) })],
            [t('options'), options === '' ? t('none') : options],
            [t('paidPeriod'), service.periodStart && service.periodEnd ? `${day(service.periodStart)} – ${day(service.periodEnd)}` : '—'],
            [
              t('nextInvoice'),
              service.nextInvoice ? (
                <span key="next" data-testid="next-invoice">
                  {t('nextInvoiceValue', { issued: day(service.nextInvoice.issuedOn), due: day(service.nextInvoice.dueOn) })}
                </span>
              ) : (
                t('noneComing')
              ),
            ],
            [
              t('order'),
              <Link key="order" href={`/client/orders/${service.order.id}`} className="text-accent hover:underline">
                {service.order.number}
              </Link>,
            ],
          ]}
        />
      </Card>
      <h2 className="mb-3 text-lg font-semibold">{t('invoices')}</h2>
      <Card className="overflow-x-auto">
        <DataTable
          label={t('invoicesLabel')}
          columns={[
            { label: t('invoice') },
            { label: t('issued') },
            { label: t('total'), align: 'right' },
            { label: t('toPay'), align: 'right' },
            { label: t('status') },
          ]}
          empty={service.invoices.length === 0 ? t('noInvoices') : undefined}
        >
          {service.invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td className="px-4 py-2.5 font-medium whitespace-nowrap">
                <Link href={`/client/invoices/${invoice.id}`} className="text-accent hover:underline">
                  {invoice.number ?? t('invoice')}
                </Link>
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap">{day(invoice.issueDate)}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{money(invoice.total, service.currency)}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{money(invoice.balance, service.currency)}</td>
              <td className="px-4 py-2.5">
                <StatusPill status={invoice.status} />
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
