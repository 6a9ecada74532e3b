import type { Metadata } from 'next';
import { camelized } from '@/server/schemas/common';
import { taxReportQuery } from '@/server/schemas/reports';
import { taxReport, type TaxRow } from '@/server/services/reports/tax';
import { type SearchParams } from '../../../_lib/format';
import { requireArea } from '../../../_lib/guard';
import { consoleFormats } from '../../../_lib/money';
import { amount, cell, rangeText, ReportFrame, ReportScope, ReportTable, StatTile } from '../report-chrome';
import { rangeReportInput, readReportParams, reportContext, runReport } from '../report-page';

export const metadata: Metadata = { title: 'Tax' };

export default async function TaxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const ctx = await reportContext();
  const params = readReportParams(await searchParams);
  const { input, errors, range } = rangeReportInput(camelized(taxReportQuery), params, ctx.now, 'last_month');
  return (
    <ReportFrame
      ctx={ctx}
      title="Tax"
      description="Taxable amount and tax per rate of the documents issued in the range, credit notes subtracted — the figures of a VAT or GST return."
      path="/admin/reports/tax"
      csv={{ from: input.from, to: input.to }}
      controls={{ params, range, errors }}
      outcome={await runReport(() => taxReport(ctx, input))}
    >
      {(report, money) => <TaxBody rows={report.rows} range={input} currency={report.currency} money={money} />}
    </ReportFrame>
  );
}

async function TaxBody({
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
  const formats = await consoleFormats();
  const taxable = rows.reduce((sum, r) => sum + r.taxable, 0n);
  const tax = rows.reduce((sum, r) => sum + r.tax, 0n);
  return (
    <>
      <ReportScope>
        {rangeText(formats, range.from, range.to)} · {currency} · by issue date
      </ReportScope>
      <div className="mb-6 grid grid-cols-2 gap-4">
        <StatTile label="Taxable" value={money(taxable)} testId="tax-taxable" />
        <StatTile label="Tax" value={money(tax)} testId="tax-tax" />
      </div>
      <ReportTable
        label="Tax by rate"
        columns={[{ label: 'Rate' }, { label: 'Taxable', align: 'right' }, { label: 'Tax', align: 'right' }]}
        empty={rows.length === 0 ? 'No document was issued in this range.' : undefined}
        total={rows.length > 0 ? [money(taxable), money(tax)] : null}
      >
        {rows.map((r) => (
          <tr key={r.taxRate} className="hover:bg-muted/40">
            <td className={`${cell} tabular-nums`}>{r.taxRate} %</td>
            <td className={amount}>{money(r.taxable)}</td>
            <td className={amount}>{money(r.tax)}</td>
          </tr>
        ))}
      </ReportTable>
      <p className="mt-3 text-xs text-fg-muted">
        Invoices, debit notes and credit notes issued in the range, at the rate frozen on each line; proformas, drafts and cancelled documents are left out.
      </p>
    </>
  );
}
