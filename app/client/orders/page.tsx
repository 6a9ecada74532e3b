import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { ListPager } from '../../_components/console/list-chrome';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { StatusPill } from '../../_components/ui/status-pill';
import { formatDay, type SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';
import { listParams, readParams } from '../../_lib/list-params';
import { moneyFormatter } from '../../_lib/money';

export const metadata: Metadata = { title: 'Orders' };

export default async function ClientOrders({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('client');
  const { cursor } = readParams(listParams.pages, await searchParams);
  const money = await moneyFormatter();
  const page = await (await api()).orders.list({ limit: 50, cursor });
  return (
    <>
      <PageHeader title="Orders" description="What you ordered, newest first." />
      <Card className="overflow-hidden">
        <div className="overflow-x-auto">
          <DataTable
            label="Orders"
            columns={[
              { label: 'Order' },
              { label: 'Placed' },
              { label: 'Items' },
              { label: 'Total', align: 'right' },
              { label: 'Status' },
              { label: 'First invoice' },
            ]}
            empty={page.items.length === 0 ? 'No orders yet.' : undefined}
          >
            {page.items.map((order) => (
              <tr key={order.id} className="align-top">
                <td className="px-4 py-2.5 font-medium whitespace-nowrap">{order.number}</td>
                <td className="px-4 py-2.5 whitespace-nowrap">{formatDay(order.createdAt)}</td>
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
                  {order.awaitingApproval ? <div className="mt-1 text-xs text-fg-muted">Awaiting approval</div> : null}
                </td>
                <td className="px-4 py-2.5 whitespace-nowrap">
                  {order.invoiceId ? (
                    <Link href={`/client/invoices/${order.invoiceId}`} className="text-accent hover:underline">
                      View invoice
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
        <ListPager shown={page.items.length} next={page.nextCursor} />
      </Card>
    </>
  );
}
