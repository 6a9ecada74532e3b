import { AppError, fieldErrors } from '../errors';

// PostgreSQL refuses a NUL in text and a lone UTF-16 surrogate in jsonb (in text columns the
// driver quietly turns the surrogate into U+FFFD), so either one would surface as a database error
// or as silently altered data. No field of ours has a use for them.
const unstorable = /\u0000|\p{Surrogate}/u;
const message = 'contains a NUL character or broken Unicode';

// Paths link to their parent, so a deeply nested body costs no copying per level.
type Path = { key: PropertyKey; parent: Path } | null;

function keysOf(path: Path): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (let at = path; at; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

/**
 * Refuses a request whose input holds text PostgreSQL cannot store, as a validation error naming
 * each field. Walks with its own stack: a raw body may nest deeper than the call stack allows.
 */
export function refuseUnstorableText(input: unknown): void {
  const bad: Path[] = [];
  const pending: Array<{ value: unknown; path: Path }> = [{ value: input, path: null }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (unstorable.test(value)) bad.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: { key: index, parent: path } }));
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        const at = { key, parent: path };
        if (unstorable.test(key)) bad.push(at);
        pending.push({ value: item, path: at });
      }
    }
  }
  if (bad.length > 0) {
    // Only the first few: a path is as long as the nesting, which a hostile body makes huge.
    const issues = bad.slice(0, 20).map((path) => ({ path: keysOf(path).slice(0, 20), message }));
    throw new AppError('validation', 'The request holds text that cannot be stored; see fields', fieldErrors(issues));
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
