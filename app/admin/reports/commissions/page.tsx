import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { monthOf } from '@/server/services/resellers/commissions';
import { commissionRangeFrom, CommissionsTable } from '../../../_components/console/commissions';
import { FilterDate } from '../../../_components/console/filter-field';
import { FilterForm } from '../../../_components/console/filter-form';
import { buttonClass } from '../../../_components/ui/button';
import { Card, PageHeader } from '../../../_components/ui/card';
import { queryString, type SearchParams } from '../../../_lib/format';
import { requireArea } from '../../../_lib/guard';
import { moneyFormatter } from '../../../_lib/money';
import { MarkCommissionPaid } from './mark-paid';

export const metadata: Metadata = { title: 'Commissions' };

export default async function CommissionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  // Pages may read the real clock: without a range the report shows this month.
  const month = monthOf(new Date());
  const { range, errors } = commissionRangeFrom(await searchParams, month);
  const trpc = await api();
  const [rows, me, money] = await Promise.all([trpc.commissions.report(range), trpc.me(), moneyFormatter()]);
  // Paying is reseller management (settings.manage); staff who only read reports see no button.
  const mayPay = me.permissions.includes('settings.manage');
  return (
    <>
      <PageHeader
        title="Commissions"
        description="What each reseller earned on its customers’ invoices issued in the range: collected × its rate, less what was paid out for that range."
      >
        <a className={buttonClass('secondary')} href={`/admin/reports/commissions/export?${queryString(range)}`} download>
          <Download className="size-4" aria-hidden /> Download CSV
        </a>
      </PageHeader>

      <FilterForm list="commissions" defaults={month} className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4">
        <FilterDate label="From" name="from" error={errors.from} />
        <FilterDate label="To" name="to" error={errors.to} />
      </FilterForm>

      <Card className="overflow-hidden">
        <div className="max-h-[70vh] overflow-auto">
          <CommissionsTable
            rows={rows}
            money={money}
            action={
              mayPay
                ? {
                    label: 'Payout',
                    render: (r) =>
                      r.outstanding > 0n ? (
                        <MarkCommissionPaid
                          resellerId={r.resellerId}
                          resellerName={r.resellerName}
                          currency={r.currency}
                          outstanding={r.outstanding.toString()}
                          from={range.from}
                          to={range.to}
                        />
                      ) : null,
                  }
                : undefined
            }
          />
        </div>
      </Card>
      <p className="mt-3 text-xs text-fg-muted">
        Invoices count for the reseller their customer belongs to now. A payout counts in every range that holds the whole period it was paid for.
      </p>
    </>
  );
}
