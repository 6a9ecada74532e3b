import { z } from 'zod';
import { toPlainDate } from '@/server/billing/periods';
import { presetRange } from '@/server/billing/report-ranges';
import { renderReportPdf } from '@/server/documents/report-pdf';
import { parseOrThrow } from '@/server/errors';
import { sessionRoute } from '@/server/http/session-route';
import { csvResponse } from '@/server/rest/csv';
import { companySettings } from '@/server/schemas/company';
import type { ServiceContext } from '@/server/services/context';
import { readSettingsBlock } from '@/server/services/settings/read';

/** What a range report's file covers. */
export const rangeCovered = (input: { from: string; to: string }) => `${input.from} – ${input.to}`;

/**
 * A report page's "Download CSV" and "Download PDF": the REST export's rows
 * (server/services/reports/export.ts) for the page's parameters, with the session cookie —
 * /api/v1 takes only API keys. `format=pdf` prints the same rows as a table under the report's
 * title and what it covers, so the two files of one page never disagree. Empty parameters are
 * absent ones; a range report without a range exports this month, as its page would show one by
 * default, so the service (not the parser) is what refuses those without reports.view.
 */
export function reportExportRoute<S extends z.ZodType>(
  schema: S,
  exporter: (ctx: ServiceContext, input: z.output<S>) => Promise<string[][]>,
  report: {
    title: string;
    file: (input: z.output<S>, today: string) => string;
    covers: (input: z.output<S>, today: string) => string;
    /** The CSV's columns the PDF prints (all when absent): a wide export's ids do not fit a page. */
    pdfColumns?: readonly string[];
  },
  { ranged }: { ranged: boolean },
) {
  return sessionRoute(z.record(z.string(), z.string()), async (ctx, query) => {
    const today = toPlainDate(ctx.now);
    const { format, ...given } = Object.fromEntries(Object.entries(query).filter(([, value]) => value.trim()));
    const input = parseOrThrow(schema, { ...(ranged ? presetRange('this_month', today) : {}), ...given });
    const table = await exporter(ctx, input);
    if (format !== 'pdf') return csvResponse(table, `${report.file(input, today)}.csv`);
    const company = await readSettingsBlock(ctx.db, 'company', companySettings);
    const pdf = await renderReportPdf({
      title: report.title,
      subtitle: [report.covers(input, today), tableCurrency(table, given.currency)].filter(Boolean).join(' · '),
      generatedAt: `${ctx.now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      seller: company.name,
      table: report.pdfColumns ? pickColumns(table, report.pdfColumns) : table,
    });
    return new Response(pdf, {
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${report.file(input, today)}.pdf"` },
    });
  });
}

/**
 * The currency a report's file covers: the one its rows name, else (no rows) the one asked for;
 * rows in several currencies (the ledger shows all at once) cover all of them.
 */
function tableCurrency([header = [], ...rows]: string[][], asked: string | undefined): string | undefined {
  const named = new Set(rows.map((row) => row[header.indexOf('currency')]));
  if (named.size > 1) return 'All currencies';
  return [...named][0] ?? asked;
}

const pickColumns = (table: string[][], columns: readonly string[]) => {
  const indexes = columns.map((column) => table[0]!.indexOf(column));
  return table.map((row) => indexes.map((i) => row[i] ?? ''));
};
