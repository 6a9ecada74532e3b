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
  report: { title: string; file: (input: z.output<S>, today: string) => string; covers: (input: z.output<S>, today: string) => string },
  { ranged }: { ranged: boolean },
) {
  return sessionRoute(z.record(z.string(), z.string()), async (ctx, query) => {
    const today = toPlainDate(ctx.now);
    const { format, ...given } = Object.fromEntries(Object.entries(query).filter(([, value]) => value.trim()));
    const input = parseOrThrow(schema, { ...(ranged ? presetRange('this_month', today) : {}), ...given });
    const table = await exporter(ctx, input);
    if (format !== 'pdf') return csvResponse(table, `${report.file(input, today)}.csv`);
    // Every data row names its currency; with no rows the page's own choice (or none) is shown.
    const currency = table[1]?.[table[0]!.indexOf('currency')] ?? given.currency;
    const company = await readSettingsBlock(ctx.db, 'company', companySettings);
    const pdf = await renderReportPdf({
      title: report.title,
      subtitle: [report.covers(input, today), currency].filter(Boolean).join(' · '),
      generatedAt: `${ctx.now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      seller: company.name,
      table,
    });
    return new Response(pdf, {
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${report.file(input, today)}.pdf"` },
    });
  });
}
