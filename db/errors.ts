// postgres-js reports `constraint_name`, PGlite `constraint`; drizzle may wrap either in `cause`.
type PgErrorLike = { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };

/** True when `error` is PostgreSQL's unique violation on the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as PgErrorLike | undefined; e && typeof e === 'object'; e = e.cause as PgErrorLike | undefined) {
    if (e.code === '23505') return e.constraint_name === constraint || e.constraint === constraint;
  }
  return false;
}
