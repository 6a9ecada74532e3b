import { Download } from 'lucide-react';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { serviceStatuses, type ServiceStatus } from '@/server/billing/order-status';
import { fieldErrors } from '@/server/errors';
import { listServicesInput } from '@/server/schemas/money-lists';
import { humanize, queryString, type SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';
import { consoleFormats } from '../../_lib/money';
import { buttonClass } from '../ui/button';
import { Card, PageHeader } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { StatusPill } from '../ui/status-pill';
import type { ConsoleBase } from './base-path';
import { FilterDate, FilterReseller, FilterSelect, FilterText } from './filter-field';
import { FilterForm } from './filter-form';
import { KeyboardRows } from './keyboard-rows';
import { ListPager } from './list-chrome';
import { navigableRow } from './navigable-row';
import { StatusChips } from './status-chips';

/** The statuses as a person reads them, in the filter and on each row. */
const statusNames: Record<ServiceStatus, string> = {
  pending: 'Pending',
  active: 'Active',
  suspended: 'Suspended',
  terminated: 'Terminated',
  cancelled: 'Cancelled',
  failed: 'Setup failed',
};

const terminatingChoices = [
  { value: '7', label: 'Within 7 days' },
  { value: '14', label: 'Within 14 days' },
  { value: '30', label: 'Within 30 days' },
];

/**
 * Every service of a console, newest first, with when it terminates (its order ends, or dunning
 * terminates it for an unpaid invoice), filters in the URL and CSV export; a row opens its order.
 * The service scopes it (a reseller sees its book).
 */
export async function ServiceList({ basePath, searchParams }: { basePath: ConsoleBase; searchParams: SearchParams }) {
  const formats = await consoleFormats();
  const showReseller = basePath === '/admin';
  const { money } = formats;
  const raw = readParams(listParams.services, searchParams);
  const parsed = listServicesInput.safeParse({ ...raw, reseller_id: showReseller ? raw.reseller_id : undefined, limit: 25 });
  const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const trpc = await api();
  const input = parsed.success ? parsed.data : listServicesInput.parse({ limit: 25 });
  const { limit: _limit, cursor: _page, sort: _sort, format: _format, ...countInput } = input;
  const [page, counts, products, resellers] = await Promise.all([
    trpc.services.list({ ...input, format: 'json' }),
    trpc.services.statusCounts(countInput),
    trpc.catalog.products({ limit: 200 }),
    showReseller ? trpc.resellers.options() : [],
  ]);
  const exportQuery = queryString({ ...raw, reseller_id: showReseller ? raw.reseller_id : undefined, cursor: undefined });
  return (
    <>
      <PageHeader title="Services" description="Every service sold, newest first, with its next due date and when it terminates.">
        <a className={buttonClass('secondary')} href={`${basePath}/services/export?${exportQuery}`} download>
          <Download className="size-4" aria-hidden /> Export CSV
        </a>
      </PageHeader>
      <StatusChips
        path={`${basePath}/services`}
        query={{ ...raw, reseller_id: showReseller ? raw.reseller_id : undefined }}
        current={raw.status}
        chips={serviceStatuses.map((s) => ({ label: statusNames[s], value: s, count: counts[s] ?? 0 }))}
      />
      <FilterForm list="services" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7">
        <FilterSelect label="Status" name="status" options={serviceStatuses.map((v) => ({ value: v, label: statusNames[v] }))} error={errors.status} />
        <FilterSelect label="Terminating" name="terminating_within" options={terminatingChoices} error={errors.terminating_within} />
        <FilterSelect label="Product" name="product_id" options={products.items.map((p) => ({ value: p.id, label: p.name }))} error={errors.product_id} />
        <FilterText label="Customer" name="customer" placeholder="Name or e-mail" error={errors.customer} />
        <FilterDate label="Next due from" name="due_from" error={errors.due_from} />
        <FilterDate label="Next due to" name="due_to" error={errors.due_to} />
        {showReseller ? <FilterReseller resellers={resellers} error={errors.reseller_id} /> : null}
      </FilterForm>
      <Card className="overflow-hidden">
        <KeyboardRows label="Services" className="max-h-[70vh] overflow-auto">
          <DataTable
            label="Services"
            columns={[
              { label: 'Service', sort: 'name' },
              { label: 'Customer', sort: 'customer' },
              { label: 'Product' },
              { label: 'Status' },
              { label: 'Next due', sort: 'next_due' },
              { label: 'Price per cycle', align: 'right' },
              { label: 'Order' },
            ]}
            empty={page.items.length === 0 ? 'No service matches these filters.' : undefined}
            sorted={parsed.success ? parsed.data.sort : undefined}
          >
            {page.items.map((s) => (
              <tr key={s.id} data-href={`${basePath}/orders/${s.orderId}`} tabIndex={-1} className={`hover:bg-muted/40 ${navigableRow}`}>
                <td className="px-4 py-2.5 font-medium">{s.name}</td>
                <td className="px-4 py-2.5">
                  <Link href={`${basePath}/customers/${s.customerId}`} className="hover:underline">
                    {s.customerName}
                  </Link>
                </td>
                <td className="px-4 py-2.5">
                  {s.productName}
                  <span className="block text-xs text-fg-muted capitalize">{humanize(s.cycle)}</span>
                </td>
                <td className="px-4 py-2.5">
                  <StatusPill status={s.status} label={statusNames[s.status]} />
                  {s.terminatesOn ? <span className="block text-xs whitespace-nowrap text-danger">Terminates {formats.day(s.terminatesOn)}</span> : null}
                </td>
                <td className="px-4 py-2.5 whitespace-nowrap">{formats.day(s.nextDueDate)}</td>
                <td className="px-4 py-2.5 text-right whitespace-nowrap tabular-nums">
                  {s.usageUnitPrice === null ? money(s.price * BigInt(s.quantity), s.currency) : 'By usage'}
                  {s.quantity > 1 ? <span className="block text-xs text-fg-muted">{s.quantity} seats</span> : null}
                </td>
                <td className="px-4 py-2.5 whitespace-nowrap">
                  <Link href={`${basePath}/orders/${s.orderId}`} className="hover:underline">
                    {s.orderNumber}
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        </KeyboardRows>
        <ListPager shown={page.items.length} next={page.nextCursor} />
      </Card>
    </>
  );
}
