import { z } from 'zod';
import { toPlainDate } from '@/server/billing/periods';
import { presetRange } from '@/server/billing/report-ranges';
import { parseOrThrow } from '@/server/errors';
import { sessionRoute } from '@/server/http/session-route';
import { csvResponse } from '@/server/rest/csv';
import type { ServiceContext } from '@/server/services/context';

/**
 * A report page's "Download CSV": the REST export's rows (server/services/reports/export.ts) for
 * the page's parameters, with the session cookie — /api/v1 takes only API keys. Empty parameters
 * are absent ones; a range report without a range exports this month, as its page would show
 * one by default, so the service (not the parser) is what refuses those without reports.view.
 */
export function reportCsvRoute<S extends z.ZodType>(
  schema: S,
  exporter: (ctx: ServiceContext, input: z.output<S>) => Promise<string[][]>,
  filename: (input: z.output<S>, today: string) => string,
  { ranged }: { ranged: boolean },
) {
  return sessionRoute(z.record(z.string(), z.string()), async (ctx, query) => {
    const today = toPlainDate(ctx.now);
    const given = Object.fromEntries(Object.entries(query).filter(([, value]) => value.trim()));
    const input = parseOrThrow(schema, { ...(ranged ? presetRange('this_month', today) : {}), ...given });
    return csvResponse(await exporter(ctx, input), filename(input, today));
  });
}
