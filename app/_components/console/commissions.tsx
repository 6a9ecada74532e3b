import { Download } from 'lucide-react';
import type { ReactNode } from 'react';
import { fieldErrors } from '@/server/errors';
import { commissionsReportInput, type CommissionsReportInput } from '@/server/schemas/commissions';
import { percentOfMilli } from '@/server/schemas/resellers';
import type { CommissionRow } from '@/server/services/resellers/commissions';
import { queryString, type SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';
import type { FormatMoney } from '../../_lib/money';
import { buttonClass } from '../ui/button';
import { PageHeader } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { FilterDate } from './filter-field';
import { FilterForm } from './filter-form';

type Range = Pick<CommissionsReportInput, 'from' | 'to'>;

/**
 * The report's range from the URL: `from`/`to` as given, each absent one taken from `fallback`
 * (the page's current month); with a message per field the API would refuse, and then the
 * fallback range is shown instead.
 */
export function commissionRangeFrom(params: SearchParams, fallback: Range): { range: Range; errors: Record<string, string> } {
  const raw = readParams(listParams.commissions, params);
  const parsed = commissionsReportInput.safeParse({ ...fallback, ...raw });
  if (parsed.success) return { range: { from: parsed.data.from, to: parsed.data.to }, errors: {} };
  return { range: fallback, errors: fieldErrors(parsed.error.issues) };
}

const columns = [
  { label: 'Reseller' },
  { label: 'Currency' },
  { label: 'Invoices issued', align: 'right' },
  { label: 'Total billed', align: 'right' },
  { label: 'Total collected', align: 'right' },
  { label: 'Rate', align: 'right' },
  { label: 'Earned', align: 'right' },
  { label: 'Paid out', align: 'right' },
  { label: 'Outstanding', align: 'right' },
] as const;

type Totals = Pick<CommissionRow, 'currency' | 'invoicesIssued' | 'totalBilled' | 'totalCollected' | 'commissionEarned' | 'paidOut' | 'outstanding'>;

/** Σ of each currency's rows, in the order the currencies first appear. */
function totalsByCurrency(rows: readonly CommissionRow[]): Totals[] {
  const totals = new Map<string, Totals>();
  for (const r of rows) {
    const t = totals.get(r.currency) ?? {
      currency: r.currency,
      invoicesIssued: 0,
      totalBilled: 0n,
      totalCollected: 0n,
      commissionEarned: 0n,
      paidOut: 0n,
      outstanding: 0n,
    };
    totals.set(r.currency, {
      currency: r.currency,
      invoicesIssued: t.invoicesIssued + r.invoicesIssued,
      totalBilled: t.totalBilled + r.totalBilled,
      totalCollected: t.totalCollected + r.totalCollected,
      commissionEarned: t.commissionEarned + r.commissionEarned,
      paidOut: t.paidOut + r.paidOut,
      outstanding: t.outstanding + r.outstanding,
    });
  }
  return [...totals.values()];
}

const cell = 'px-4 py-2.5';
const amount = `${cell} text-right whitespace-nowrap tabular-nums`;

/**
 * The commissions report's table: one row per reseller and currency, then a totals row per
 * currency; `action` adds a last cell to each row (the admin's Mark paid).
 */
export function CommissionsTable({
  rows,
  money,
  action,
}: {
  rows: readonly CommissionRow[];
  money: FormatMoney;
  action?: { label: string; render: (row: CommissionRow) => ReactNode };
}) {
  const all = action ? [...columns, { label: action.label }] : columns;
  return (
    <DataTable label="Commissions" columns={all} empty={rows.length === 0 ? 'No reseller’s customer was invoiced in this range.' : undefined}>
      {rows.map((r) => (
        <tr key={`${r.resellerId}/${r.currency}`} className="hover:bg-muted/40">
          <td className={`${cell} font-medium`}>{r.resellerName}</td>
          <td className={cell}>{r.currency}</td>
          <td className={amount}>{r.invoicesIssued}</td>
          <td className={amount}>{money(r.totalBilled, r.currency)}</td>
          <td className={amount}>{money(r.totalCollected, r.currency)}</td>
          <td className={amount}>{percentOfMilli(r.commissionMilli)} %</td>
          <td className={amount}>{money(r.commissionEarned, r.currency)}</td>
          <td className={amount}>{money(r.paidOut, r.currency)}</td>
          <td className={`${amount} font-medium`}>{money(r.outstanding, r.currency)}</td>
          {action ? <td className={`${cell} text-right`}>{action.render(r)}</td> : null}
        </tr>
      ))}
      {totalsByCurrency(rows).map((t) => (
        <tr key={`total/${t.currency}`} className="bg-muted/60 font-semibold">
          <td className={cell}>Total</td>
          <td className={cell}>{t.currency}</td>
          <td className={amount}>{t.invoicesIssued}</td>
          <td className={amount}>{money(t.totalBilled, t.currency)}</td>
          <td className={amount}>{money(t.totalCollected, t.currency)}</td>
          <td className={amount} />
          <td className={amount}>{money(t.commissionEarned, t.currency)}</td>
          <td className={amount}>{money(t.paidOut, t.currency)}</td>
          <td className={amount}>{money(t.outstanding, t.currency)}</td>
          {action ? <td className={cell} /> : null}
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * The report's header in either console: title, the CSV of the range from the console's own
 * export route, and the From/To filter (the month by default).
 */
export function CommissionsHeader({
  title,
  description,
  exportPath,
  month,
  range,
  errors,
}: {
  title: string;
  description: string;
  exportPath: string;
  month: Range;
  range: Range;
  errors: Record<string, string>;
}) {
  return (
    <>
      <PageHeader title={title} description={description}>
        <a className={buttonClass('secondary')} href={`${exportPath}?${queryString(range)}`} download>
          <Download className="size-4" aria-hidden /> Download CSV
        </a>
      </PageHeader>
      <FilterForm list="commissions" defaults={month} className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4">
        <FilterDate label="From" name="from" error={errors.from} />
        <FilterDate label="To" name="to" error={errors.to} />
      </FilterForm>
    </>
  );
}
