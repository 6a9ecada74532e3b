import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** Raw SQL bigints arrive as text from postgres-js and as bigint from PGlite. */
export const bigintValue = (value: string | bigint) => BigInt(value);

/** sum() of minor units as a bigint; 0 when there is nothing to add up. */
export const sumBigint = (expression: SQL | AnyColumn) => sql<bigint>`coalesce(sum(${expression}), 0)::bigint`.mapWith(bigintValue);

/** Rows of a raw statement, whichever driver ran it. */
export const rowsOf = (result: unknown): Array<Record<string, unknown>> =>
  Array.isArray(result) ? result : ((result as { rows?: Array<Record<string, unknown>> }).rows ?? []);
