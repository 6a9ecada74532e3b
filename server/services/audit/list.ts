import { and, desc, eq, ilike, lt } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { containsPattern, withinDays } from '@/server/services/pagination';
import type { AuditEntry } from './trail';

const MAX_ENTRY_ID = 2n ** 63n - 1n;

export type AuditFilters = {
  actor?: string | undefined;
  entityType?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: string | undefined;
  limit: number;
};

/** The global audit log, newest first, paged by entry id. */
export async function listAudit(ctx: ServiceContext, input: AuditFilters): Promise<{ items: AuditEntry[]; nextBefore: string | null }> {
  requirePermission(ctx.actor, 'settings.manage');
  // Entry ids are bigint: a longer number is no position in this list, and PostgreSQL would fail on it.
  if (input.before && BigInt(input.before) > MAX_ENTRY_ID)
    throw new AppError('validation', 'Invalid position', { before: 'is not a position this list returned' });
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        input.actor ? ilike(auditLog.actorLabel, containsPattern(input.actor)) : undefined,
        input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
        input.action ? ilike(auditLog.action, containsPattern(input.action)) : undefined,
        withinDays(auditLog.at, input.from, input.to),
        input.before ? lt(auditLog.id, BigInt(input.before)) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextBefore: rows.length > input.limit ? items.at(-1)!.id.toString() : null };
}
