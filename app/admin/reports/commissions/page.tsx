import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { monthOf } from '@/server/services/resellers/commissions';
import { commissionRangeFrom, CommissionsHeader, CommissionsTable } from '../../../_components/console/commissions';
import { Card } from '../../../_components/ui/card';
import { type SearchParams } from '../../../_lib/format';
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
      <CommissionsHeader
        title="Commissions"
        description="What each reseller earned on its customers’ invoices issued in the range: collected × its rate, less what was paid out for that range."
        exportPath="/admin/reports/commissions/export"
        month={month}
        range={range}
        errors={errors}
      />

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
