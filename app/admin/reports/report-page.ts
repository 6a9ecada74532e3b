import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { parseAsString } from 'nuqs/server';
import type { z } from 'zod';
import { toPlainDate } from '@/server/billing/periods';
import { chosenRange, presetRange, type DateRange, type RangePreset } from '@/server/billing/report-ranges';
import { sessionContext } from '@/server/context';
import { AppError, fieldErrors } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { reportCurrencies } from '@/server/services/reports/currencies';
import type { SearchParams } from '../../_lib/format';
import { readParams } from '../../_lib/list-params';

/** Every report page's URL: the range (a preset, or from and to), the currency, a revenue interval, aging's date. */
const reportParams = {
  preset: parseAsString,
  from: parseAsString,
  to: parseAsString,
  currency: parseAsString,
  interval: parseAsString,
  as_of: parseAsString,
};
export type ReportParams = Partial<Record<keyof typeof reportParams, string>>;

export const readReportParams = (params: SearchParams): ReportParams => readParams(reportParams, params);

/**
 * The signed-in person as the services take them: the pages call the report services directly,
 * and the request's time (`now`) is what the presets are reckoned from. The section's layout has
 * already let only the desk with reports.view in.
 */
export async function reportContext(): Promise<ServiceContext> {
  const ctx = await sessionContext(await headers());
  if (!ctx) notFound();
  return ctx;
}

/**
 * The report's input from the URL, parsed by its schema (the one the API parses): with a message
 * per field it refuses, and then the first of `fallbacks` it takes (the page's default range with
 * the URL's currency, else without) instead.
 */
export function reportInput<S extends z.ZodType>(
  schema: S,
  given: unknown,
  ...fallbacks: [unknown, ...unknown[]]
): { input: z.output<S>; errors: Record<string, string> } {
  const parsed = schema.safeParse(given);
  if (parsed.success) return { input: parsed.data, errors: {} };
  const errors = fieldErrors(parsed.error.issues);
  const shown = fallbacks.map((fallback) => schema.safeParse(fallback)).find((result) => result.success);
  // The last fallback is the page's own default, which its schema always takes.
  return { input: shown ? shown.data : schema.parse(fallbacks.at(-1)), errors };
}

/**
 * A range report's input from the URL (see chosenRange), reckoned from the request's `now`; a URL
 * the schema refuses shows the page's default preset, with the messages. `extra` adds the
 * report's own fields for a range, from the URL's parameters (or none, for the default).
 */
export function rangeReportInput<S extends z.ZodType<DateRange>>(
  schema: S,
  params: ReportParams,
  now: Date,
  fallback: RangePreset,
  extra: (range: DateRange, params: ReportParams) => Record<string, unknown> = () => ({}),
): { input: z.output<S>; errors: Record<string, string>; range: { preset: RangePreset | 'custom'; from: string; to: string } } {
  const today = toPlainDate(now);
  const chosen = chosenRange(params, today, fallback);
  const home = presetRange(fallback, today);
  const { input, errors } = reportInput(
    schema,
    { ...chosen.range, currency: params.currency, ...extra(chosen.range, params) },
    { ...home, currency: params.currency, ...extra(home, {}) },
    { ...home, ...extra(home, {}) },
  );
  const preset = Object.keys(errors).length > 0 ? fallback : chosen.preset;
  return { input, errors, range: { preset, from: input.from, to: input.to } };
}

export type ReportOutcome<T> = { report: T; currencyMissing: null } | { report: null; currencyMissing: string };

/**
 * Runs a report. Figures in several currencies and none chosen is a 400 on `currency` from the
 * service: the page then shows its message beside the currency switch instead of figures.
 */
export async function runReport<T>(load: () => Promise<T>): Promise<ReportOutcome<T>> {
  try {
    return { report: await load(), currencyMissing: null };
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation' && error.fields?.currency) return { report: null, currencyMissing: error.message };
    throw error;
  }
}

/** The currency switch's choices: those in use, and the one shown or asked for. */
export async function currencyChoices(ctx: ServiceContext, ...shown: Array<string | undefined>): Promise<string[]> {
  const inUse = await reportCurrencies(ctx);
  return [...new Set([...inUse, ...shown.filter((c): c is string => Boolean(c))])].sort();
}
