import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { transactionTypes } from '@/server/schemas/ledger';
import { FilterReseller, FilterSelect, FilterText } from '../../_components/console/filter-field';
import { FilterForm } from '../../_components/console/filter-form';
import { ListPager } from '../../_components/console/list-chrome';
import { Card } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { humanize, queryString } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';
import { consoleFormats } from '../../_lib/money';
import { rangeText, ReportControls, ReportHeader, ReportScope } from '../reports/report-chrome';
import { currencyChoices, reportContext } from '../reports/report-page';
import { transactionFiltersFrom, type SearchParams } from './filters';

export const metadata: Metadata = { title: 'Transactions' };

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const formats = await consoleFormats();
  const ctx = await reportContext();
  const { money } = formats;
  const { input, errors, raw, range } = transactionFiltersFrom(await searchParams, ctx.now);
  const trpc = await api();
  // The reseller picker names every reseller, disabled ones too: their past rows stay in the ledger.
  const [page, resellers, currencies] = await Promise.all([
    trpc.transactions.list({ ...input, format: 'json' }),
    trpc.resellers.options(),
    currencyChoices(ctx, input.currency),
  ]);
  // The files hold what the filters select, every page of it.
  const exportQuery = queryString({
    type: input.type,
    from: input.from,
    to: input.to,
    currency: input.currency,
    customer_id: input.customer_id,
    reseller_id: input.reseller_id,
  });
  return (
    <>
      <ReportHeader
        title="Transactions"
        description="Every movement of money — payments, refunds, credit granted, commission payouts — newest first."
        exportHref={`/admin/transactions/export?${exportQuery}`}
      />
      <ReportControls
        path="/admin/transactions"
        params={{ ...raw, cursor: undefined }}
        range={range}
        currency={input.currency ?? null}
        currencies={currencies}
        anyCurrency
        errors={errors}
      />
      <FilterForm list="transactions" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3 print:hidden">
        <FilterSelect label="Type" name="type" options={transactionTypes} error={errors.type} />
        <FilterText label="Customer ID" name="customer_id" placeholder="Any" error={errors.customer_id} />
        <FilterReseller resellers={resellers} error={errors.reseller_id} />
      </FilterForm>
      <ReportScope>
        {rangeText(formats, input.from, input.to)} · {input.currency ?? 'All currencies'}
      </ReportScope>

      <Card className="overflow-hidden">
        <div className="max-h-[70vh] overflow-auto">
          <DataTable
            label="Transactions"
            columns={[
              { label: 'Date' },
              { label: 'Type' },
              { label: 'Amount', align: 'right' },
              { label: 'Customer' },
              { label: 'Reseller' },
              { label: 'Invoice' },
              { label: 'Reference' },
              { label: 'By' },
            ]}
            empty={page.items.length === 0 ? 'No transaction matches these filters.' : undefined}
          >
            {page.items.map((t) => (
              <tr key={t.id} className="hover:bg-muted/40">
                <td className="px-4 py-2.5 whitespace-nowrap">{formats.moment(t.createdAt)}</td>
                <td className="px-4 py-2.5 capitalize">{humanize(t.type)}</td>
                <td className="px-4 py-2.5 text-right font-medium whitespace-nowrap tabular-nums">{money(t.amount, t.currency)}</td>
                <td className="px-4 py-2.5">
                  {t.customerId ? (
                    <Link href={`/admin/customers/${t.customerId}`} className="hover:underline">
                      {t.customerName}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="px-4 py-2.5">{t.resellerName ?? '—'}</td>
                <td className="px-4 py-2.5 whitespace-nowrap">
                  {t.invoiceId ? (
                    <Link href={`/admin/invoices/${t.invoiceId}`} className="hover:underline">
                      {t.invoiceNumber ?? 'Draft'}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="px-4 py-2.5">{t.reference ?? '—'}</td>
                <td className="px-4 py-2.5 text-fg-muted">{t.actor}</td>
              </tr>
            ))}
          </DataTable>
        </div>
        <ListPager shown={page.items.length} next={page.nextCursor} />
      </Card>
    </>
  );
}
