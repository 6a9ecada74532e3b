import { z } from 'zod';
import { parseOrThrow } from '@/server/errors';
import { sessionRoute } from '@/server/http/session-route';
import { csvResponse } from '@/server/rest/csv';
import { commissionsReportInput } from '@/server/schemas/commissions';
import { monthOf } from '@/server/services/resellers/commissions';
import { exportCommissions } from '@/server/services/resellers/export-commissions';

const given = z.object({ from: z.string().optional(), to: z.string().optional() });

// The console's "Download CSV": the page's range, or like the page the current month without one;
// the desk with reports.view, a reseller its own rows (the service decides).
export const GET = sessionRoute(given, async (ctx, query) => {
  const set = Object.fromEntries(Object.entries(query).filter(([, value]) => value?.trim()));
  const { from, to } = parseOrThrow(commissionsReportInput, { ...monthOf(ctx.now), ...set });
  return csvResponse(await exportCommissions(ctx, { from, to }), `commissions-${from}-${to}.csv`);
});
