import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { monthOf } from '@/server/services/resellers/commissions';
import { commissionRangeFrom, CommissionsHeader, CommissionsTable } from '../../_components/console/commissions';
import { Card } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { type SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';
import { consoleFormats } from '../../_lib/money';

export const metadata: Metadata = { title: 'My commissions' };

export default async function MyCommissionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('reseller');
  const formats = await consoleFormats();
  // Pages may read the real clock: without a range the report shows this month.
  const month = monthOf(new Date());
  const { range, errors } = commissionRangeFrom(await searchParams, month);
  const trpc = await api();
  const { money } = formats;
  // The services scope both to this reseller: its own report rows, the payouts made to it.
  const [rows, payouts] = await Promise.all([trpc.commissions.report(range), trpc.transactions.list({ type: 'commission_payout', limit: 50, format: 'json' })]);
  return (
    <>
      <CommissionsHeader
        title="My commissions"
        description="What you earned on your customers’ invoices issued in the range, and what was paid out to you."
        exportPath="/reseller/commissions/export"
        month={month}
        range={range}
        errors={errors}
      />

      <Card className="mb-6 overflow-hidden">
        <CommissionsTable rows={rows} money={money} />
      </Card>

      <Card className="overflow-hidden">
        <h2 className="border-b border-border px-4 py-3 text-sm font-semibold">Payouts received</h2>
        <DataTable
          label="Payouts received"
          columns={[{ label: 'Paid on' }, { label: 'Amount', align: 'right' }, { label: 'For invoices issued' }, { label: 'Reference' }]}
          empty={payouts.items.length === 0 ? 'No commission has been paid out to you yet.' : undefined}
        >
          {payouts.items.map((p) => (
            <tr key={p.id}>
              <td className="px-4 py-2.5 whitespace-nowrap">{formats.moment(p.createdAt)}</td>
              <td className="px-4 py-2.5 text-right font-medium whitespace-nowrap tabular-nums">{money(p.amount, p.currency)}</td>
              <td className="px-4 py-2.5 whitespace-nowrap">
                {formats.day(p.periodFrom)} – {formats.day(p.periodTo)}
              </td>
              <td className="px-4 py-2.5">{p.reference ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
