import { and, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { addDays } from '../billing/periods';
import { AppError } from '../errors';
import { isUuid } from '../schemas/common';

/** A position in a newest-first list: the (created_at, id) of the last row of a page. */
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(row: Cursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

// A cursor is one short base64url JSON pair; anything longer was not made by encodeCursor.
const MAX_CURSOR_LENGTH = 200;
// What toISOString writes for years 1–9999, the ones PostgreSQL and JavaScript both read alike.
const isoMillis = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The position a cursor names, or a `validation` error on `cursor`. Every part is checked here,
 * so nothing a client made up reaches the SQL casts of `afterCursor` (a bad uuid or an
 * out-of-range time there is a database error, not a 400).
 */
export function decodeCursor(cursor: string): Cursor {
  const position = cursor.length <= MAX_CURSOR_LENGTH ? readPosition(cursor) : null;
  if (position) return position;
  throw new AppError('validation', 'Invalid cursor', { cursor: 'is not a cursor this API returned' });
}

function readPosition(cursor: string): Cursor | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [at, id] = value as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !isoMillis.test(at) || !isUuid(id)) return null;
  const createdAt = new Date(at);
  // Round-tripping refuses dates that only look valid, like February 30th.
  return !Number.isNaN(createdAt.getTime()) && createdAt.toISOString() === at ? { createdAt, id } : null;
}

/**
 * Rows strictly after the cursor in (created_at desc, id desc) order. A row comparison, not
 * `a < x or (a = x and b < y)`: PostgreSQL turns it into one index range, so a page deep in a
 * large list costs the same as the first.
 */
export function afterCursor(columns: { createdAt: PgColumn; id: PgColumn }, cursor: Cursor): SQL {
  return sql`(${columns.createdAt}, ${columns.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
}

/** Splits a `limit + 1` fetch into the page and the cursor of the next one. */
export function toPage<T extends Cursor>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export type ListInput = { limit: number; cursor?: string | undefined };

// LIKE wildcards typed by a person are searched for literally.
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An ILIKE pattern matching `text` anywhere, case-insensitively. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;

/** A list's date filter on a timestamp column: whole UTC days, both ends included. */
export function withinDays(column: PgColumn, from: string | undefined, to: string | undefined): SQL | undefined {
  return and(from ? gte(column, new Date(`${from}T00:00:00Z`)) : undefined, to ? lt(column, new Date(`${addDays(to, 1)}T00:00:00Z`)) : undefined);
}

/**
 * Every item of a keyset-paged list, fetched `batch` at a time: exports read a whole filtered
 * list this way without holding it all, page after page as the list itself answers them.
 */
export async function* everyItem<T>(
  page: (cursor: string | undefined, limit: number) => Promise<{ items: T[]; nextCursor: string | null }>,
  batch = 1000,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const next = await page(cursor, batch);
    yield* next.items;
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
}
