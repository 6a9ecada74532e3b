import { Download, FilePlus2 } from 'lucide-react';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { orderStatuses } from '@/server/billing/order-status';
import { fieldErrors } from '@/server/errors';
import { listOrdersInput } from '@/server/schemas/orders';
import { queryString, type SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';
import { consoleFormats } from '../../_lib/money';
import { buttonClass } from '../ui/button';
import { Card, PageHeader } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { StatusPill } from '../ui/status-pill';
import type { ConsoleBase } from './base-path';
import { FilterDate, FilterSelect, FilterText } from './filter-field';
import { FilterForm } from './filter-form';
import { KeyboardRows } from './keyboard-rows';
import { ListPager } from './list-chrome';
import { navigableRow } from './navigable-row';
import { SavedViews } from './saved-views';
import { StatusChips } from './status-chips';

const capitalize = (status: string) => status.charAt(0).toUpperCase() + status.slice(1);

/**
 * The order list of a console, with filters in the URL, the signed-in person's saved views of them
 * and CSV export; the service scopes it (a reseller sees its book).
 */
export async function OrderList({ basePath, searchParams }: { basePath: ConsoleBase; searchParams: SearchParams }) {
  const formats = await consoleFormats();
  const { money } = formats;
  const raw = readParams(listParams.orders, searchParams);
  const parsed = listOrdersInput.safeParse({ ...raw, limit: 25 });
  const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const trpc = await api();
  const input = parsed.success ? parsed.data : listOrdersInput.parse({ limit: 25 });
  const { limit: _limit, cursor: _page, sort: _sort, format: _format, ...countInput } = input;
  const [page, counts, products, me, views] = await Promise.all([
    trpc.orders.list({ ...input, format: 'json' }),
    trpc.orders.statusCounts(countInput),
    trpc.catalog.products({ limit: 200 }),
    trpc.me(),
    trpc.savedViews.list({ list: 'orders' }),
  ]);
  const { cursor: _cursor, ...viewQuery } = raw;
  // The contract wizard is the desk's in this slice; a reseller's console places no contract yet.
  const canCreate = basePath === '/admin' && me.permissions.includes('orders.create');
  return (
    <>
      <PageHeader title="Orders" description="Purchases and contracts, newest first.">
        <a className={buttonClass('secondary')} href={`${basePath}/orders/export?${queryString({ ...raw, cursor: undefined })}`} download>
          <Download className="size-4" aria-hidden /> Export CSV
        </a>
        {canCreate ? (
          <Link className={buttonClass()} href="/admin/orders/new">
            <FilePlus2 className="size-4" aria-hidden /> Create order
          </Link>
        ) : null}
      </PageHeader>
      <SavedViews list="orders" path={`${basePath}/orders`} views={views} current={viewQuery} />
      <StatusChips
        path={`${basePath}/orders`}
        query={viewQuery}
        current={raw.status}
        chips={orderStatuses.map((s) => ({ label: capitalize(s), value: s, count: counts[s] ?? 0 }))}
      />
      <FilterForm list="orders" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-5">
        <FilterSelect label="Status" name="status" options={orderStatuses} error={errors.status} />
        <FilterText label="Customer" name="customer" placeholder="Name or e-mail" error={errors.customer} />
        <FilterSelect label="Product" name="product_id" options={products.items.map((p) => ({ value: p.id, label: p.name }))} error={errors.product_id} />
        <FilterDate label="Placed from" name="from" error={errors.from} />
        <FilterDate label="Placed to" name="to" error={errors.to} />
      </FilterForm>
      <Card className="overflow-hidden">
        <KeyboardRows label="Orders" className="max-h-[70vh] overflow-auto">
          <DataTable
            label="Orders"
            columns={[
              { label: 'Number', sort: 'number' },
              { label: 'Customer', sort: 'customer' },
              { label: 'Products' },
              { label: 'Total', align: 'right', sort: 'total' },
              { label: 'Status' },
              { label: 'Placed', sort: 'created' },
            ]}
            empty={page.items.length === 0 ? 'No order matches these filters.' : undefined}
            sorted={parsed.success ? parsed.data.sort : undefined}
          >
            {page.items.map((order) => (
              <tr key={order.id} data-href={`${basePath}/orders/${order.id}`} tabIndex={-1} className={`hover:bg-muted/40 ${navigableRow}`}>
                <td className="px-4 py-2.5 font-medium whitespace-nowrap">
                  <Link href={`${basePath}/orders/${order.id}`} className="hover:underline">
                    {order.number}
                  </Link>
                </td>
                <td className="px-4 py-2.5">
                  <Link href={`${basePath}/customers/${order.customerId}`} className="hover:underline">
                    {order.customerName}
                  </Link>
                </td>
                <td className="px-4 py-2.5">{order.lines.map((l) => l.description).join(', ')}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{money(order.total, order.currency)}</td>
                <td className="px-4 py-2.5">
                  <StatusPill status={order.status} />
                  {order.awaitingApproval ? <span className="ml-1 text-xs text-amber-600">needs approval</span> : null}
                </td>
                <td className="px-4 py-2.5 whitespace-nowrap text-fg-muted">{formats.moment(order.createdAt)}</td>
              </tr>
            ))}
          </DataTable>
        </KeyboardRows>
        <ListPager shown={page.items.length} next={page.nextCursor} />
      </Card>
    </>
  );
}
