import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '@/db';
import { idempotencyKeys } from '@/db/schema';
import { AppError } from '../errors';

export type StoredResponse = { status: number; body: unknown };

const windowMs = 24 * 60 * 60 * 1000;

// Key order does not change a request's meaning, so it does not change its hash either.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(canonical(body) ?? null)}`)
    .digest('hex');
}

/**
 * Runs `act` at most once per (principal, key) within 24 hours. The key row is inserted first,
 * in the same transaction as the work: a concurrent duplicate blocks on the primary key until
 * the first commits and then replays its response; if the work fails, the row rolls back with
 * it and a retry acts afresh.
 */
export async function onceForKey(
  db: Database,
  request: { principal: string; key: string; hash: string; now: Date },
  act: (tx: Database) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  return db.transaction(async (tx) => {
    const match = and(eq(idempotencyKeys.principal, request.principal), eq(idempotencyKeys.key, request.key));
    await tx.delete(idempotencyKeys).where(and(match, lt(idempotencyKeys.createdAt, new Date(request.now.getTime() - windowMs))));
    const claimed = await tx
      .insert(idempotencyKeys)
      // Placeholder response: nobody can read it before this transaction commits with the real one.
      .values({ principal: request.principal, key: request.key, requestHash: request.hash, responseStatus: 0, responseBody: {}, createdAt: request.now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [first] = await tx.select().from(idempotencyKeys).where(match);
      if (!first) throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly');
      if (first.requestHash !== request.hash) {
        throw new AppError('idempotency_mismatch', 'This Idempotency-Key was already used with a different request');
      }
      return { status: first.responseStatus, body: first.responseBody, replayed: true };
    }
    const response = await act(tx);
    await tx
      .update(idempotencyKeys)
      .set({ responseStatus: response.status, responseBody: response.body as object })
      .where(match);
    return { ...response, replayed: false };
  });
}
