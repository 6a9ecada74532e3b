import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../errors';

/** A position in a newest-first list: the (created_at, id) of the last row of a page. */
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(row: Cursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const createdAt = new Date(value[0]);
      if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation', 'Invalid cursor', { cursor: 'is not a cursor this API returned' });
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
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An ILIKE pattern matching `text` anywhere, case-insensitively. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
