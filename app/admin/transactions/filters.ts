import type { z } from 'zod';
import { toPlainDate } from '@/server/billing/periods';
import { chosenRange, presetRange, type RangePreset } from '@/server/billing/report-ranges';
import { fieldErrors } from '@/server/errors';
import { listTransactionsInput } from '@/server/schemas/ledger';
import type { SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';

export type { SearchParams };

const fallback: RangePreset = 'this_month';

/**
 * The ledger's filters from the URL, with a message per filter the API would refuse. Like every
 * report it shows a range: a preset or from–to, this month (reckoned from `now`) by default.
 */
export function transactionFiltersFrom(
  params: SearchParams,
  now: Date,
): {
  input: z.output<typeof listTransactionsInput> & { from: string; to: string };
  errors: Record<string, string>;
  raw: ReturnType<typeof readParams<keyof typeof listParams.transactions>>;
  range: { preset: RangePreset | 'custom'; from: string; to: string };
} {
  const raw = readParams(listParams.transactions, params);
  const today = toPlainDate(now);
  const chosen = chosenRange(raw, today, fallback);
  const parsed = listTransactionsInput.safeParse({ ...raw, ...chosen.range, limit: 25 });
  if (parsed.success) return { input: { ...parsed.data, ...chosen.range }, errors: {}, raw, range: { preset: chosen.preset, ...chosen.range } };
  const home = presetRange(fallback, today);
  return {
    input: { ...listTransactionsInput.parse({ ...home, limit: 25 }), ...home },
    errors: fieldErrors(parsed.error.issues),
    raw,
    range: { preset: fallback, ...home },
  };
}
