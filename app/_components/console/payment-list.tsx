import { Download } from 'lucide-react';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { fieldErrors } from '@/server/errors';
import { paymentMethodLabels } from '@/server/labels';
import { paymentMethods } from '@/server/schemas/invoices';
import { listPaymentsInput } from '@/server/schemas/money-lists';
import { formatTime, queryString, type SearchParams } from '../../_lib/format';
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

/**
 * Every payment and refund of a console, newest first, with filters in the URL and CSV export of
 * the filtered set; a row opens its invoice. The service scopes it (a reseller sees its book).
 */
export async function PaymentList({ basePath, searchParams }: { basePath: ConsoleBase; searchParams: SearchParams }) {
  const formats = await consoleFormats();
  const showReseller = basePath === '/admin';
  const { money } = formats;
  const raw = readParams(listParams.payments, searchParams);
  const parsed = listPaymentsInput.safeParse({ ...raw, reseller_id: showReseller ? raw.reseller_id : undefined, limit: 25 });
  const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const trpc = await api();
  const input = parsed.success ? parsed.data : listPaymentsInput.parse({ limit: 25 });
  const { limit: _limit, cursor: _page, type: _type, sort: _sort, format: _format, ...countInput } = input;
  const [page, counts, resellers] = await Promise.all([
    trpc.payments.list({ ...input, format: 'json' }),
    trpc.payments.typeCounts(countInput),
    showReseller ? trpc.resellers.options() : [],
  ]);
  const exportQuery = queryString({ ...raw, reseller_id: showReseller ? raw.reseller_id : undefined, cursor: undefined });
  return (
    <>
      <PageHeader title="Payments" description="Every payment received and refund given, newest first by the date the money moved.">
        <a className={buttonClass('secondary')} href={`${basePath}/payments/export?${exportQuery}`} download>
          <Download className="size-4" aria-hidden /> Export CSV
        </a>
      </PageHeader>
      <StatusChips
        path={`${basePath}/payments`}
        query={{ ...raw, reseller_id: showReseller ? raw.reseller_id : undefined }}
        current={raw.type}
        param="type"
        label="Types"
        chips={[
          { label: 'Payments', value: 'payment', count: counts.payment ?? 0 },
          { label: 'Refunds', value: 'refund', count: counts.refund ?? 0 },
        ]}
      />
      <FilterForm list="payments" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7">
        <FilterSelect
          label="Type"
          name="type"
          options={[
            { value: 'payment', label: 'Payment' },
            { value: 'refund', label: 'Refund' },
          ]}
          error={errors.type}
        />
        <FilterSelect label="Method" name="method" options={paymentMethods.map((m) => ({ value: m, label: paymentMethodLabels[m] }))} error={errors.method} />
        <FilterDate label="From" name="from" error={errors.from} />
        <FilterDate label="To" name="to" error={errors.to} />
        <FilterText label="Customer" name="customer" placeholder="Name or e-mail" error={errors.customer} />
        <FilterText label="Currency" name="currency" placeholder="Any" maxLength={3} error={errors.currency} />
        {showReseller ? <FilterReseller resellers={resellers} error={errors.reseller_id} /> : null}
      </FilterForm>
      <Card className="overflow-hidden">
        <KeyboardRows label="Payments" className="max-h-[70vh] overflow-auto">
          <DataTable
            label="Payments"
            columns={[
              { label: 'Date', sort: 'date' },
              { label: 'Type' },
              { label: 'Amount', align: 'right', sort: 'amount' },
              { label: 'Method' },
              { label: 'Reference' },
              { label: 'Gateway ID' },
              { label: 'Invoice' },
              { label: 'Customer' },
              { label: 'Recorded by' },
            ]}
            sorted={parsed.success ? parsed.data.sort : undefined}
            empty={page.items.length === 0 ? 'No payment or refund matches these filters.' : undefined}
          >
            {page.items.map((p) => (
              <tr key={p.id} data-href={`${basePath}/invoices/${p.invoiceId}`} tabIndex={-1} className={`hover:bg-muted/40 ${navigableRow}`}>
                <td className="px-3 py-2.5 whitespace-nowrap">
                  {formats.day(p.date)}
                  <span className="block text-xs text-fg-muted">{formatTime(p.date)}</span>
                </td>
                <td className="px-3 py-2.5">
                  <StatusPill status={p.type === 'refund' ? 'refunded' : 'paid'} label={p.type === 'refund' ? 'Refund' : 'Payment'} />
                </td>
                <td className="px-3 py-2.5 text-right font-medium whitespace-nowrap tabular-nums">
                  {p.type === 'refund' ? '−' : ''}
                  {money(p.amount, p.currency)}
                </td>
                <td className="px-3 py-2.5">{paymentMethodLabels[p.method]}</td>
                <td className="max-w-32 truncate px-3 py-2.5" title={p.reference ?? undefined}>
                  {p.reference ?? '—'}
                </td>
                <td className="max-w-32 truncate px-3 py-2.5 text-xs text-fg-muted" title={p.providerId ?? undefined}>
                  {p.provider && p.providerId ? `${p.provider} · ${p.providerId}` : '—'}
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap">
                  <Link href={`${basePath}/invoices/${p.invoiceId}`} className="hover:underline">
                    {p.invoiceNumber ?? 'Draft'}
                  </Link>
                </td>
                <td className="px-3 py-2.5">
                  <Link href={`${basePath}/customers/${p.customerId}`} className="hover:underline">
                    {p.customerName}
                  </Link>
                </td>
                <td className="max-w-32 truncate px-3 py-2.5 text-fg-muted" title={p.recordedBy ?? undefined}>
                  {p.recordedBy ?? '—'}
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
