import type { Metadata } from 'next';
import { camelized } from '@/server/schemas/common';
import { taxReportQuery } from '@/server/schemas/reports';
import { taxReport, type TaxRow } from '@/server/services/reports/tax';
import { Card } from '../../../_components/ui/card';
import { DataTable } from '../../../_components/ui/data-table';
import { queryString, type SearchParams } from '../../../_lib/format';
import { requireArea } from '../../../_lib/guard';
import { moneyFormatter } from '../../../_lib/money';
import { CurrencyNeeded, rangeText, ReportControls, ReportHeader, ReportScope, StatTile } from '../report-chrome';
import { currencyChoices, rangeReportInput, readReportParams, reportContext, runReport } from '../report-page';

export const metadata: Metadata = { title: 'Tax' };

const cell = 'px-4 py-2.5';
const amount = `${cell} text-right whitespace-nowrap tabular-nums`;

export default async function TaxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const ctx = await reportContext();
  const params = readReportParams(await searchParams);
  const { input, errors, range } = rangeReportInput(camelized(taxReportQuery), params, ctx.now, 'last_month');
  const [money, outcome] = await Promise.all([moneyFormatter(), runReport(() => taxReport(ctx, input))]);
  const currency = outcome.report?.currency ?? null;
  return (
    <>
      <ReportHeader
        title="Tax"
        description="Taxable amount and tax per rate of the documents issued in the range, credit notes subtracted — the figures of a VAT or GST return."
        csvHref={currency ? `/admin/reports/tax/export?${queryString({ from: input.from, to: input.to, currency })}` : null}
      />
      <ReportControls
        path="/admin/reports/tax"
        params={params}
        range={range}
        currency={currency}
        currencies={await currencyChoices(ctx, currency ?? undefined)}
        errors={errors}
      />
      {outcome.report === null ? (
        <CurrencyNeeded message={outcome.currencyMissing} />
      ) : (
        <TaxBody rows={outcome.report.rows} range={input} currency={outcome.report.currency} money={(value) => money(value, outcome.report.currency)} />
      )}
    </>
  );
}

function TaxBody({
  rows,
  range,
  currency,
  money,
}: {
  rows: TaxRow[];
  range: { from: string; to: string };
  currency: string;
  money: (value: bigint) => string;
}) {
  const taxable = rows.reduce((sum, r) => sum + r.taxable, 0n);
  const tax = rows.reduce((sum, r) => sum + r.tax, 0n);
  return (
    <>
      <ReportScope>
        {rangeText(range.from, range.to)} · {currency} · by issue date
      </ReportScope>
      <div className="mb-6 grid grid-cols-2 gap-4">
        <StatTile label="Taxable" value={money(taxable)} testId="tax-taxable" />
        <StatTile label="Tax" value={money(tax)} testId="tax-tax" />
      </div>
      <Card className="overflow-hidden">
        <DataTable
          label="Tax by rate"
          columns={[{ label: 'Rate' }, { label: 'Taxable', align: 'right' }, { label: 'Tax', align: 'right' }]}
          empty={rows.length === 0 ? 'No document was issued in this range.' : undefined}
        >
          {rows.map((r) => (
            <tr key={r.taxRate} className="hover:bg-muted/40">
              <td className={`${cell} tabular-nums`}>{r.taxRate} %</td>
              <td className={amount}>{money(r.taxable)}</td>
              <td className={amount}>{money(r.tax)}</td>
            </tr>
          ))}
          {rows.length > 0 ? (
            <tr className="bg-muted/60 font-semibold">
              <td className={cell}>Total</td>
              <td className={amount}>{money(taxable)}</td>
              <td className={amount}>{money(tax)}</td>
            </tr>
          ) : null}
        </DataTable>
      </Card>
      <p className="mt-3 text-xs text-fg-muted">
        Invoices, debit notes and credit notes issued in the range, at the rate frozen on each line; proformas, drafts and cancelled documents are left out.
      </p>
    </>
  );
}
