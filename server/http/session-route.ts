import type { z } from 'zod';
import { sessionContext } from '../context';
import { publicOrigin } from '../env';
import { AppError, parseOrThrow } from '../errors';
import { csvResponse } from '../rest/csv';
import { toErrorResponse } from '../rest/http-errors';
import type { ServiceContext } from '../services/context';

type RouteContext = { params: Promise<Record<string, string>> };

/**
 * A console route that answers a download (a link carries the session cookie, not an API key):
 * the signed-in user's scope and permissions apply, the query string is parsed by `query`, and
 * failures answer in the API's error format.
 */
export function sessionRoute<S extends z.ZodType>(
  query: S,
  run: (ctx: ServiceContext, input: z.output<S>, request: { origin: string; params: Record<string, string> }) => Promise<Response>,
) {
  return async function GET(request: Request, route: RouteContext): Promise<Response> {
    try {
      const ctx = await sessionContext(request.headers);
      if (!ctx) throw new AppError('unauthorized', 'Sign in first');
      const input = parseOrThrow(query, Object.fromEntries(new URL(request.url).searchParams));
      return await run(ctx, input, { origin: publicOrigin(), params: await route.params });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** A console "Export CSV" route: the list's filters from the query string, in the user's scope. */
export function sessionCsvExport<S extends z.ZodType>(
  filters: S,
  exporter: (ctx: ServiceContext, input: z.output<S>) => Promise<string[][]>,
  filename: string,
) {
  return sessionRoute(filters, async (ctx, input) => csvResponse(await exporter(ctx, input), filename));
}
