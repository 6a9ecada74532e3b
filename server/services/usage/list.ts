import { and, desc, eq } from 'drizzle-orm';
import { usageRecords } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import type { ListUsageInput } from '@/server/schemas/usage';
import type { ServiceContext } from '@/server/services/context';
import { ownedByScope } from '@/server/services/customers/scope';
import { afterCursor, decodeCursor, toPage, withinDays } from '@/server/services/pagination';
import { usageView, type UsageRecordView } from './view';

/**
 * Recorded usage, newest first, so an integrator can check what was taken: by service and by the
 * day it occurred (UTC, both ends included), within the caller's book.
 */
export async function listUsage(ctx: ServiceContext, input: ListUsageInput): Promise<{ items: UsageRecordView[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'orders.view');
  const rows = await ctx.db
    .select()
    .from(usageRecords)
    .where(
      and(
        ownedByScope(usageRecords.customerId, ctx.actor.scope),
        input.serviceId ? eq(usageRecords.serviceId, input.serviceId) : undefined,
        withinDays(usageRecords.occurredAt, input.from, input.to),
        input.cursor ? afterCursor(usageRecords, decodeCursor(input.cursor)) : undefined,
      ),
    )
    .orderBy(desc(usageRecords.createdAt), desc(usageRecords.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit);
  return { items: page.items.map(usageView), nextCursor: page.nextCursor };
}
