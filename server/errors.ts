import type { z } from 'zod';

export type AppErrorCode =
  | 'validation'
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'invalid_state'
  | 'payment_failed'
  | 'idempotency_mismatch'
  | 'rate_limited'
  | 'not_implemented';

/** Field path (dot-joined, e.g. "items.0.quantity") → message. */
export type FieldErrors = Record<string, string>;

/** The one error type services throw; each transport maps it once (server/api, server/rest). */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

/** Flattens zod issues into the API's field map, keeping the first message per path. */
export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses input at an edge (route, action, query string): the data, or a validation AppError with field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('validation', 'The request is not valid; see fields', fieldErrors(result.error.issues));
  return result.data;
}
