import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { api } from '@/server/api/server-caller';
import { optionSummary } from '@/server/billing/pricing';
import { buttonClass } from '../../../_components/ui/button';
import { Card, PageHeader } from '../../../_components/ui/card';
import { DataTable } from '../../../_components/ui/data-table';
import { Facts } from '../../../_components/ui/facts';
import { StatusPill } from '../../../_components/ui/status-pill';
import { recordId, requireArea } from '../../../_lib/guard';
import { pageFormats } from '../../../_lib/money';

type Props = { params: Promise<{ id: string }> };

// Once per request, shared by the page and its metadata; another customer's order is the 404 page.
const load = cache(async (id: string) => {
  const trpc = await api();
  const order = await trpc.orders.byId({ id }).catch((error: unknown) => {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const invoices = await trpc.invoices.list({ order_id: id, limit: 50 });
  return { order, invoices: invoices.items };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ order }, t] = await Promise.all([load(await recordId(params)), getTranslations('portal.order')]);
  return { title: t('title', { number: order.number }) };
}

export default async function ClientOrder({ params }: Props) {
  await requireArea('client');
  const { order, invoices } = await load(await recordId(params));
  const [t, tc, { money, day }] = await Promise.all([getTranslations('portal.order'), getTranslations('common'), pageFormats()]);
  return (
    <>
      <div className="mb-4">
        <Link href="/client/orders" className={buttonClass('ghost')}>
          <ArrowLeft className="size-4" aria-hidden /> {t('all')}
        </Link>
      </div>
      <PageHeader title={t('title', { number: order.number })} description={order.name} />
      <Card className="mb-6 p-4 sm:p-6">
        <Facts
          className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-3"
          valueClassName="font-medium"
          items={[
            [
              t('status'),
              <span key="status" className="flex flex-wrap items-center gap-2">
                <StatusPill status={order.status} />
                {order.awaitingApproval ? <span className="text-xs text-fg-muted">{t('awaitingApproval')}</span> : null}
              </span>,
            ],
            [t('placed'), day(order.createdAt)],
            [t('firstInvoiceTotal'), money(order.total, order.currency)],
          ]}
        />
      </Card>

      <h2 className="mb-3 text-lg font-semibold">{t('items')}</h2>
      <Card className="mb-6 overflow-x-auto">
        <DataTable
          label={t('itemsLabel')}
          columns={[{ label: t('item') }, { label: t('cycle') }, { label: t('price'), align: 'right' }, { label: t('service') }]}
        >
          {order.lines.map((line) => {
            const service = order.services.find((s) => s.orderLineId === line.id);
            const options = optionSummary(line.options);
            return (
              <tr key={line.id} className="align-top">
                <td className="px-4 py-2.5">
                  <div className="font-medium">{line.description}</div>
                  {options ? <div className="text-xs text-fg-muted">{options}</div> : null}
                </td>
                <td className="px-4 py-2.5">{tc(`cycle.${line.cycle}`)}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{money(line.unitPrice, order.currency)}</td>
                <td className="px-4 py-2.5">
                  {service ? (
                    <Link href={`/client/services/${service.id}`} className="inline-flex items-center gap-2 text-accent hover:underline">
                      {service.name} <StatusPill status={service.status} />
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      </Card>

      <h2 className="mb-3 text-lg font-semibold">{t('invoices')}</h2>
      <Card className="overflow-x-auto">
        <DataTable
          label={t('invoicesLabel')}
          columns={[{ label: t('document') }, { label: t('issued') }, { label: t('total'), align: 'right' }, { label: t('status') }]}
          empty={invoices.length === 0 ? t('noInvoices') : undefined}
        >
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td className="px-4 py-2.5 font-medium whitespace-nowrap">
                <Link href={`/client/invoices/${invoice.id}`} className="text-accent hover:underline">
                  {tc(`document.${invoice.kind}`)} {invoice.number ?? ''}
                </Link>
                {invoice.consolidatedIntoId ? (
                  <Link href={`/client/invoices/${invoice.consolidatedIntoId}`} className="ml-2 text-xs text-accent hover:underline">
                    {t('nowConsolidated')}
                  </Link>
                ) : null}
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap">{day(invoice.issueDate)}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{money(invoice.total, invoice.currency)}</td>
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
