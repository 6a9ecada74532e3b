import { and, asc, desc, gte, lt, sql, type SQL } from 'drizzle-orm';
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

/** The SQL type a sort column's cursor value is read back as; `text` sorts case-insensitively. */
export type SortType = 'text' | 'date' | 'bigint' | 'timestamptz';
type SortValue = string | bigint | Date;

/**
 * How a keyset list is ordered and paged: the cursor condition, the ORDER BY and the split of a
 * `limit + 1` fetch into a page and the next cursor. `newestFirst` is every list's default;
 * `sortedBy` orders by a column the person chose, ties broken by id in the same direction.
 */
export type Keyset<T> = {
  after(cursor: string): SQL;
  orderBy: SQL[];
  page(rows: T[], limit: number): { items: T[]; nextCursor: string | null };
};

/** Newest first by (created_at, id), with the cursor every list and the API have always used. */
export function newestFirst<T extends Cursor>(columns: { createdAt: PgColumn; id: PgColumn }): Keyset<T> {
  return {
    after: (cursor) => afterCursor(columns, decodeCursor(cursor)),
    orderBy: [desc(columns.createdAt), desc(columns.id)],
    page: toPage,
  };
}

const sortValueShape: Record<SortType, (value: string) => boolean> = {
  text: (value) => value.length <= 300,
  date: (value) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) && isoMillis.test(`${value}T00:00:00.000Z`) && new Date(`${value}T00:00:00.000Z`).toISOString().startsWith(value),
  bigint: (value) => /^-?\d{1,18}$/.test(value),
  timestamptz: (value) => isoMillis.test(value) && new Date(value).toISOString() === value,
};

// What `listInput` takes as a cursor: a text value of 300 characters still fits.
const sortCursorLength = 500;

/**
 * Ordered by `column` (never null) as `sort` says, ties by id. The cursor holds the sort it was
 * made for, the last row's value and id, each checked before it reaches SQL: a cursor of another
 * sort (or direction) is refused, not misread. The comparison is a row comparison, so a page deep
 * in the list is one index range where an index on (column, id) exists.
 */
export function sortedBy<T extends { id: string }>(
  sort: string,
  column: PgColumn | SQL,
  type: SortType,
  id: PgColumn,
  valueOf: (row: T) => SortValue,
): Keyset<T> {
  const descending = sort.startsWith('-');
  const direction = descending ? desc : asc;
  // Text sorts as a person reads it, whatever the case; PostgreSQL lowers both sides alike.
  const key = type === 'text' ? sql`lower(${column})` : column;
  return {
    after(cursor) {
      const position = readSortPosition(cursor, sort, type);
      if (!position) throw new AppError('validation', 'Invalid cursor', { cursor: 'is not a cursor this API returned for this sort' });
      const cast = sql`${position.value}::${sql.raw(type)}`;
      const value = type === 'text' ? sql`lower(${cast})` : cast;
      return descending ? sql`(${key}, ${id}) < (${value}, ${position.id}::uuid)` : sql`(${key}, ${id}) > (${value}, ${position.id}::uuid)`;
    },
    orderBy: [direction(key), direction(id)],
    page(rows, limit) {
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      if (rows.length <= limit || !last) return { items, nextCursor: null };
      const value = valueOf(last);
      const text = value instanceof Date ? value.toISOString() : value.toString();
      return { items, nextCursor: Buffer.from(JSON.stringify([sort, text, last.id])).toString('base64url') };
    },
  };
}

/** A list's sort keys: each one's column (or expression), its SQL type and its value in a fetched row. */
export type SortColumns<K extends string, T> = Record<K, readonly [PgColumn | SQL, SortType, (row: T) => SortValue]>;

/** The order a list's input asks for: its `sort` (one of `columns`, `-` for descending), else newest first. */
export function keysetFor<K extends string, T extends Cursor>(
  sort: K | `-${K}` | undefined,
  columns: SortColumns<K, T>,
  table: { createdAt: PgColumn; id: PgColumn },
): Keyset<T> {
  if (!sort) return newestFirst(table);
  const [column, type, valueOf] = columns[sort.replace(/^-/, '') as K];
  return sortedBy(sort, column, type, table.id, valueOf);
}

function readSortPosition(cursor: string, sort: string, type: SortType): { value: string; id: string } | null {
  if (cursor.length > sortCursorLength) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [madeFor, value, id] = parsed as unknown[];
  if (madeFor !== sort || typeof value !== 'string' || typeof id !== 'string' || !isUuid(id) || !sortValueShape[type](value)) return null;
  return { value, id };
}

/** A list's per-status counts (its chips), as a record; statuses with no rows are absent. */
export function statusCounts<S extends string>(rows: ReadonlyArray<{ status: S; count: number }>): Partial<Record<S, number>> {
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])) as Partial<Record<S, number>>;
}
