import { lt, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { throttles } from '@/db/schema';
import { AppError } from '../errors';

/** How many strikes a bucket may take in one fixed window. */
export type ThrottleRule = { limit: number; windowMs: number };

export type ThrottleState = { count: number; limited: boolean; retryAfterMs: number };

/**
 * A refusal that says when to come back: the HTTP transports add `Retry-After` from it, and
 * the message names the wait in minutes so a person knows what to do.
 */
export class ThrottledError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterMs: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    super('rate_limited', `Too many attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}

const stateOf = (rule: ThrottleRule, now: Date, row: { windowStart: Date; count: number } | undefined): ThrottleState => {
  if (!row || now.getTime() - row.windowStart.getTime() >= rule.windowMs) return { count: 0, limited: false, retryAfterMs: 0 };
  return { count: row.count, limited: row.count >= rule.limit, retryAfterMs: row.windowStart.getTime() + rule.windowMs - now.getTime() };
};

/** Where the bucket stands now, without counting anything. */
export async function peekThrottle(db: Database, bucket: string, rule: ThrottleRule, now: Date): Promise<ThrottleState> {
  const [row] = await db
    .select()
    .from(throttles)
    .where(sql`${throttles.bucket} = ${bucket}`);
  return stateOf(rule, now, row);
}

/**
 * Counts one strike and answers whether this strike went over the limit. One upsert, so
 * concurrent strikes (on any instance) each see their own count: the (limit + 1)-th is refused
 * however many race. A window that has passed starts over at this strike.
 */
export async function hitThrottle(db: Database, bucket: string, rule: ThrottleRule, now: Date): Promise<ThrottleState> {
  const expired = sql`${throttles.windowStart} <= ${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(throttles)
    .values({ bucket, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: throttles.bucket,
      set: {
        windowStart: sql`case when ${expired} then excluded.window_start else ${throttles.windowStart} end`,
        count: sql`case when ${expired} then 1 else ${throttles.count} + 1 end`,
      },
    })
    .returning();
  // A new window is a cheap moment to drop buckets nobody has touched for a day, so the table
  // stays the size of recent traffic without a job of its own.
  if (row!.count === 1) await db.delete(throttles).where(lt(throttles.windowStart, new Date(now.getTime() - 24 * 3_600_000)));
  const state = stateOf(rule, now, row);
  return { ...state, limited: state.count > rule.limit };
}

/** Takes back a strike that turned out to be legitimate (a successful sign-in). */
export async function forgiveHit(db: Database, bucket: string): Promise<void> {
  await db
    .update(throttles)
    .set({ count: sql`greatest(${throttles.count} - 1, 0)` })
    .where(sql`${throttles.bucket} = ${bucket}`);
}
