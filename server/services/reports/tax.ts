import { sql } from 'drizzle-orm';
import { trimDecimal } from '@/server/billing/decimal';
import type { TaxReportInput } from '@/server/schemas/reports';
import type { ServiceContext } from '@/server/services/context';
import { minorColumn, reportCurrency, requireReports, withoutJit } from './shared';

export type TaxRow = { taxRate: string; taxable: bigint; tax: bigint };
export type TaxReport = { currency: string; rows: TaxRow[] };

/**
 * Tax per rate for documents issued in [from, to] (API.md "Reports"): taxable = Σ line subtotals,
 * tax = Σ line tax, lines of credit notes subtracted, in one currency, by rate ascending; a rate
 * whose figures come to zero is not listed. The rate is the one frozen on each line when its
 * document was issued. The tax documents are numbered invoices, debit notes and credit notes
 * that stand: the database's `report_tax_sign` (migration 0017_report_rollups) defines them and
 * the sign of their lines. The figures are summed from the rollups (`tax_rollup`: per currency,
 * issue day and rate, maintained by triggers in the transaction of every write; docs/reports.md
 * "Rollups").
 */
export async function taxReport(ctx: ServiceContext, input: TaxReportInput): Promise<TaxReport> {
  requireReports(ctx.actor);
  const range = sql`day between ${input.from}::date and ${input.to}::date`;
  const currency = await reportCurrency(
    ctx.db,
    input.currency,
    sql`select currency from tax_rollup where ${range} group by currency, day, tax_rate having sum(taxable) <> 0 or sum(tax) <> 0`,
  );
  const perRate = sql`
    select tax_rate, sum(taxable)::bigint as taxable, sum(tax)::bigint as tax
    from tax_rollup
    where currency = ${currency} and ${range}
    group by tax_rate
    having sum(taxable) <> 0 or sum(tax) <> 0`;
  const rows = await withoutJit(ctx.db, (tx) =>
    tx
      .select({ taxRate: sql<string>`t.tax_rate::text`, taxable: minorColumn('taxable'), tax: minorColumn('tax') })
      .from(sql`(${perRate}) as t`)
      .orderBy(sql`t.tax_rate`),
  );
  return { currency, rows: rows.map((r) => ({ ...r, taxRate: trimDecimal(r.taxRate) })) };
}
