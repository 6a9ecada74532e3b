import type { z } from 'zod';
import { createSessionContext } from '../api/context';
import { AppError, fieldErrors } from '../errors';
import { csvResponse } from '../rest/csv';
import { toErrorResponse } from '../rest/http-errors';
import type { ServiceContext } from '../services/context';

/**
 * A console "Export CSV" route: the list's filters from the query string, run in the signed-in
 * user's scope (a download link carries the session cookie, not an API key).
 */
export function sessionCsvExport<S extends z.ZodType>(
  filters: S,
  exporter: (ctx: ServiceContext, input: z.output<S>) => Promise<string[][]>,
  filename: string,
) {
  return async function GET(request: Request): Promise<Response> {
    try {
      const { db, actor } = await createSessionContext(request.headers);
      if (!actor) throw new AppError('unauthorized', 'Sign in first');
      const query = filters.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!query.success) throw new AppError('validation', 'Invalid filters', fieldErrors(query.error.issues));
      return csvResponse(await exporter({ db, actor, now: new Date() }, query.data), filename);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
