import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { documentCarrying } from '@/server/billing/order-status';
import { ListPager } from '../../_components/console/list-chrome';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { StatusPill } from '../../_components/ui/status-pill';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';
import { listParams, readParams } from '../../_lib/list-params';
import { pageFormats } from '../../_lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal.orders'))('title') };
}

export default async function ClientOrders({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('client');
  const { cursor } = readParams(listParams.pages, await searchParams);
  const [t, { money, day }] = await Promise.all([getTranslations('portal.orders'), pageFormats()]);
  const trpc = await api();
  const page = await trpc.orders.list({ limit: 50, cursor });
  const documents = await carryingDocuments(
    trpc,
    page.items.map((order) => order.invoiceId),
  );
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card className="overflow-hidden">
        <DataTable
          scroll
          label={t('label')}
          columns={[
            { label: t('order') },
            { label: t('placed') },
            { label: t('items') },
            { label: t('total'), align: 'right' },
            { label: t('status') },
            { label: t('firstInvoice') },
          ]}
          empty={page.items.length === 0 ? t('empty') : undefined}
        >
          {page.items.map((order) => (
            <tr key={order.id} className="align-top">
              <td className="px-4 py-2.5 font-medium whitespace-nowrap">
                <Link href={`/client/orders/${order.id}`} className="text-accent hover:underline">
                  {order.number}
                </Link>
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap">{day(order.createdAt)}</td>
              <td className="px-4 py-2.5">
                <div>{order.name}</div>
                {order.lines.length > 1 || order.lines[0]?.description !== order.name ? (
                  <ul className="text-xs text-fg-muted">
                    {order.lines.map((line) => (
                      <li key={line.id}>{line.description}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td className="px-4 py-2.5 text-right tabular-nums">{money(order.total, order.currency)}</td>
              <td className="px-4 py-2.5">
                <StatusPill status={order.status} />
                {order.awaitingApproval ? <div className="mt-1 text-xs text-fg-muted">{t('awaitingApproval')}</div> : null}
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap">
                <FirstInvoice
                  carrier={documentCarrying(
                    documents.find((d) => d.id === order.invoiceId),
                    documents,
                  )}
                />
              </td>
            </tr>
          ))}
        </DataTable>
        <ListPager shown={page.items.length} next={page.nextCursor} />
      </Card>
    </>
  );
}

type Trpc = Awaited<ReturnType<typeof api>>;

/** The orders' first invoices and the invoices they were consolidated into, which carry them now. */
async function carryingDocuments(trpc: Trpc, invoiceIds: Array<string | null>) {
  const firsts = await listed(trpc, invoiceIds);
  return [
    ...firsts,
    ...(await listed(
      trpc,
      firsts.map((invoice) => invoice.consolidatedIntoId),
    )),
  ];
}

async function listed(trpc: Trpc, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  return wanted.length === 0 ? [] : (await trpc.invoices.list({ ids: wanted, limit: wanted.length })).items;
}

/** A link to the document the customer pays the order through: after a consolidation, the invoice that carries it. */
async function FirstInvoice({
  carrier,
}: {
  carrier: { id: string; kind: 'invoice' | 'proforma' | 'credit_note' | 'debit_note'; purpose: string; number: string | null } | undefined;
}) {
  if (!carrier) return '—';
  const t = await getTranslations('portal.orders');
  return (
    <Link href={`/client/invoices/${carrier.id}`} className="text-accent hover:underline">
      {carrier.purpose === 'consolidated' ? t('consolidated', { number: carrier.number ?? '' }).trim() : t('viewInvoice')}
    </Link>
  );
}
