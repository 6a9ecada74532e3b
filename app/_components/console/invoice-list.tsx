import { Download } from 'lucide-react';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { awaitingPayment, invoiceActions, invoiceStatuses } from '@/server/billing/invoice-status';
import { addDays, toPlainDate } from '@/server/billing/periods';
import type { Channel } from '@/server/schemas/invoices';
import { humanize, queryString, resellerLabel, type SearchParams } from '../../_lib/format';
import { consoleFormats, displaySettings } from '../../_lib/money';
import { invoiceFiltersFrom } from '../../admin/invoices/filters';
import { InvoiceRowMenu } from '../../admin/invoices/invoice-row-menu';
import { BulkBar, InvoiceSelection, SelectAllOnPage, SelectInvoice } from '../../admin/invoices/invoice-selection';
import { InvoiceToolbar } from '../../admin/invoices/invoice-toolbar';
import { buttonClass } from '../ui/button';
import { Card, PageHeader } from '../ui/card';
import { cn } from '../ui/cn';
import { DataTable } from '../ui/data-table';
import { StatusPill } from '../ui/status-pill';
import type { ConsoleBase } from './base-path';
import { FilterDate, FilterReseller, FilterSelect, FilterText } from './filter-field';
import { FilterForm } from './filter-form';
import { KeyboardRows } from './keyboard-rows';
import { ListPager } from './list-chrome';
import { navigableRow } from './navigable-row';
import { SavedViews } from './saved-views';
import { StatusChips } from './status-chips';

const invoiceStatusLabels: Record<(typeof invoiceStatuses)[number], string> = {
  draft: 'Draft',
  pending: 'Pending',
  partial: 'Partly paid',
  overdue: 'Overdue',
  paid: 'Paid',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

/**
 * The invoice list of a console: filters in the URL, CSV export, Create invoice and Consolidate
 * pending for those with invoices.create, the signed-in person's saved views above the filters, a menu
 * on each row and bulk actions on the rows chosen. The service scopes it (a reseller sees
 * its book), so the page adds no filter of its own.
 */
export async function InvoiceList({
  basePath,
  searchParams,
  showReseller = basePath === '/admin',
}: {
  basePath: ConsoleBase;
  searchParams: SearchParams;
  /** The Reseller filter and column: the desk's (a reseller's console shows no other reseller). */
  showReseller?: boolean;
}) {
  const formats = await consoleFormats();
  const { money } = formats;
  const filters = invoiceFiltersFrom(searchParams);
  const { errors, raw } = filters;
  const input = showReseller ? filters.input : { ...filters.input, reseller_id: undefined };
  const trpc = await api();
  const { limit: _limit, cursor: _page, sort: _sort, ids: _ids, format: _format, ...countInput } = input;
  const [page, counts, me, settings, resellers, channelState, views] = await Promise.all([
    trpc.invoices.list({ ...input, format: 'json' }),
    trpc.invoices.statusCounts(countInput),
    trpc.me(),
    displaySettings(),
    showReseller ? trpc.resellers.options() : [],
    trpc.notify.channels(),
    trpc.savedViews.list({ list: 'invoices' }),
  ]);
  // Only the channels that can send: e-mail always (the dev outbox at worst), SMS and WhatsApp once set up.
  const channels: Channel[] = ['email', ...(channelState.sms ? (['sms'] as const) : []), ...(channelState.whatsapp ? (['whatsapp'] as const) : [])];
  const canEdit = me.permissions.includes('invoices.edit');
  const canDelete = me.permissions.includes('invoices.delete');
  const resellerName = new Map(resellers.map((r) => [r.id, resellerLabel(r)]));
  const today = toPlainDate(new Date());
  // The export route takes the API's filters: amounts in minor units, no page cursor.
  const exportQuery = queryString({
    ...raw,
    reseller_id: showReseller ? raw.reseller_id : undefined,
    min_total: input.min_total?.toString(),
    max_total: input.max_total?.toString(),
    min: undefined,
    max: undefined,
    cursor: undefined,
  });
  // A view keeps the filters, not the page: it opens on the first one.
  const { cursor: _cursor, ...viewQuery } = raw;
  return (
    <>
      <PageHeader title="Invoices" description="Every document you issued, newest first.">
        {me.permissions.includes('invoices.create') ? (
          <InvoiceToolbar basePath={basePath} taxMode={settings.taxMode} taxRate={settings.taxRate} dueDate={addDays(today, settings.paymentDueDays)} />
        ) : null}
        <a className={buttonClass('secondary')} href={`${basePath}/invoices/export?${exportQuery}`} download>
          <Download className="size-4" aria-hidden /> Export CSV
        </a>
      </PageHeader>

      <SavedViews list="invoices" path={`${basePath}/invoices`} views={views} current={viewQuery} />

      <StatusChips
        path={`${basePath}/invoices`}
        query={viewQuery}
        current={raw.status}
        groups={[{ label: 'Unpaid', value: awaitingPayment.join(','), count: awaitingPayment.reduce((sum, s) => sum + (counts[s] ?? 0), 0) }]}
        chips={invoiceStatuses.map((s) => ({ label: invoiceStatusLabels[s], value: s, count: counts[s] ?? 0 }))}
      />

      <FilterForm list="invoices" defaults={{ date_field: 'issue' }} className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8">
        <FilterSelect
          label="Status"
          name="status"
          options={[{ value: awaitingPayment.join(','), label: 'open (pending, partial, overdue)' }, ...invoiceStatuses]}
          error={errors.status}
        />
        <FilterText label="Customer" name="customer" placeholder="Name or e-mail" error={errors.customer} />
        <FilterSelect
          label="Date"
          name="date_field"
          any={null}
          options={[
            { value: 'issue', label: 'Issued' },
            { value: 'due', label: 'Due' },
          ]}
          error={errors.date_field}
        />
        <FilterDate label="From" name="from" error={errors.from} />
        <FilterDate label="To" name="to" error={errors.to} />
        <FilterText label="Currency" name="currency" placeholder="Any" maxLength={3} error={errors.currency} />
        <FilterText label="Total from" name="min" inputMode="decimal" error={errors.min} />
        <FilterText label="Total to" name="max" inputMode="decimal" error={errors.max} />
        {showReseller ? <FilterReseller resellers={resellers} error={errors.reseller_id} /> : null}
        <FilterSelect label="Deleted" name="include_deleted" any="Hidden" options={[{ value: 'true', label: 'Shown' }]} error={errors.include_deleted} />
      </FilterForm>

      <InvoiceSelection rows={page.items.map((i) => ({ id: i.id, number: i.number, currency: i.currency, balance: i.balance.toString() }))}>
        <Card className="overflow-hidden">
          <BulkBar basePath={basePath} channels={channels} canEdit={canEdit} />
          <KeyboardRows label="Invoices" className="max-h-[70vh] overflow-auto">
            <DataTable
              label="Invoices"
              columns={[
                { label: 'Select', header: <SelectAllOnPage /> },
                { label: 'Number', sort: 'number' },
                { label: 'Customer', sort: 'customer' },
                ...(showReseller ? [{ label: 'Reseller' }] : []),
                { label: 'Issued', sort: 'issued' },
                { label: 'Due', sort: 'due' },
                { label: 'Total', align: 'right', sort: 'total' },
                { label: 'Paid', align: 'right' },
                { label: 'Balance', align: 'right' },
                { label: 'Payment date' },
                { label: 'Status' },
                { label: 'Sent' },
                { label: 'Actions' },
              ]}
              empty={page.items.length === 0 ? 'No invoice matches these filters.' : undefined}
              sorted={input.sort}
            >
              {page.items.map((invoice) => {
                const allowed = invoiceActions(invoice);
                const deleted = invoice.deletedAt !== null;
                return (
                  <tr
                    key={invoice.id}
                    data-href={`${basePath}/invoices/${invoice.id}`}
                    tabIndex={-1}
                    className={cn('hover:bg-muted/40', navigableRow, invoice.status === 'overdue' && 'bg-danger/5 text-danger', deleted && 'text-fg-muted')}
                  >
                    <td className="px-4 py-2.5">
                      <SelectInvoice id={invoice.id} number={invoice.number} />
                    </td>
                    <td className="px-4 py-2.5 font-medium whitespace-nowrap">
                      <Link href={`${basePath}/invoices/${invoice.id}`} className="hover:underline focus:underline focus:outline-none">
                        {invoice.number ?? 'Draft'}
                      </Link>
                      {invoice.kind !== 'invoice' ? <span className="ml-2 text-xs text-fg-muted">{humanize(invoice.kind)}</span> : null}
                      {deleted ? <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs text-fg-muted">Deleted</span> : null}
                    </td>
                    <td className="px-4 py-2.5">
                      <Link href={`${basePath}/customers/${invoice.customerId}`} className="hover:underline">
                        {invoice.customerName}
                      </Link>
                    </td>
                    {showReseller ? (
                      <td className="px-4 py-2.5">{invoice.customerResellerId ? (resellerName.get(invoice.customerResellerId) ?? '—') : '—'}</td>
                    ) : null}
                    <td className="px-4 py-2.5 whitespace-nowrap">{formats.day(invoice.issueDate)}</td>
                    <td className="px-4 py-2.5 whitespace-nowrap">{formats.day(invoice.dueDate)}</td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{money(invoice.total, invoice.currency)}</td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{money(invoice.amountPaid, invoice.currency)}</td>
                    <td className="px-4 py-2.5 text-right font-medium tabular-nums">{money(invoice.balance, invoice.currency)}</td>
                    <td className="px-4 py-2.5 whitespace-nowrap">{invoice.paidAt ? formats.day(invoice.paidAt) : '—'}</td>
                    <td className="px-4 py-2.5">
                      <StatusPill status={invoice.status} />
                    </td>
                    <td className="px-4 py-2.5">
                      {[...new Set(invoice.notifications.filter((n) => n.status === 'sent').map((n) => n.channel))].map((channel) => (
                        <span key={channel} className="mr-1 rounded bg-muted px-1.5 py-0.5 text-xs">
                          {channel}
                        </span>
                      ))}
                    </td>
                    <td className="px-2 py-2.5 text-right">
                      <InvoiceRowMenu
                        basePath={basePath}
                        channels={channels}
                        invoice={{
                          id: invoice.id,
                          number: invoice.number,
                          currency: invoice.currency,
                          balance: invoice.balance.toString(),
                          canSend: canEdit && !deleted && allowed.send,
                          canPay: canEdit && allowed.recordPayment,
                          canDelete: canDelete && !deleted && allowed.delete,
                        }}
                      />
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </KeyboardRows>
          <ListPager shown={page.items.length} next={page.nextCursor} />
        </Card>
      </InvoiceSelection>
    </>
  );
}
