import { sql } from 'drizzle-orm';
import { trimDecimal } from '@/server/billing/decimal';
import type { TaxReportInput } from '@/server/schemas/reports';
import type { ServiceContext } from '@/server/services/context';
import { minorColumn, reportCurrency, requireReports, withoutJit } from './shared';

export type TaxRow = { taxRate: string; taxable: bigint; tax: bigint };
export type TaxReport = { currency: string; rows: TaxRow[] };

/**
 * The tax documents issued in the range: numbered invoices, debit notes and credit notes that
 * stand (not cancelled: a consolidation source's lines are carried by its parent, which counts
 * them). Proformas are no tax documents; drafts have no number; deleted documents count nowhere.
 */
const taxDocuments = (from: string, to: string) => sql`
  i.issue_date between ${from}::date and ${to}::date
    and i.kind in ('invoice', 'debit_note', 'credit_note') and i.status not in ('draft', 'cancelled') and i.deleted_at is null`;

/**
 * Tax per rate for documents issued in [from, to] (API.md "Reports"): taxable = Σ line subtotals,
 * tax = Σ line tax, lines of credit notes subtracted, in one currency, by rate ascending. The
 * rate is the one frozen on each line when its document was issued.
 */
export async function taxReport(ctx: ServiceContext, input: TaxReportInput): Promise<TaxReport> {
  requireReports(ctx.actor);
  const currency = await reportCurrency(ctx.db, input.currency, sql`select i.currency from invoices i where ${taxDocuments(input.from, input.to)}`);
  const sign = sql`case when i.kind = 'credit_note' then -1 else 1 end`;
  const perRate = sql`
    select l.tax_rate, sum(${sign} * l.subtotal)::bigint as taxable, sum(${sign} * l.tax)::bigint as tax
    from invoice_lines l
    join invoices i on i.id = l.invoice_id
    where i.currency = ${currency} and ${taxDocuments(input.from, input.to)}
    group by l.tax_rate`;
  const rows = await withoutJit(ctx.db, (tx) =>
    tx
      .select({ taxRate: sql<string>`t.tax_rate::text`, taxable: minorColumn('taxable'), tax: minorColumn('tax') })
      .from(sql`(${perRate}) as t`)
      .orderBy(sql`t.tax_rate`),
  );
  return { currency, rows: rows.map((r) => ({ ...r, taxRate: trimDecimal(r.taxRate) })) };
}
