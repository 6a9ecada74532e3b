import { and, desc, eq } from 'drizzle-orm';
import { jobs } from '@/db/schema';
import { requirePermission } from '../auth/actor';
import type { ServiceContext } from './context';
import { type ListInput, afterCursor, decodeCursor, toPage } from './pagination';

export type JobRow = typeof jobs.$inferSelect;

/** Recorded workflow runs, newest first, for one subject or all. */
export async function listJobs(
  ctx: ServiceContext,
  input: ListInput & { subject_type?: string | undefined; subject_id?: string | undefined; status?: JobRow['status'] | undefined; function?: string | undefined },
): Promise<{ items: JobRow[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'orders.view');
  const rows = await ctx.db
    .select()
    .from(jobs)
    .where(
      and(
        input.subject_type ? eq(jobs.subjectType, input.subject_type) : undefined,
        input.subject_id ? eq(jobs.subjectId, input.subject_id) : undefined,
        input.status ? eq(jobs.status, input.status) : undefined,
        input.function ? eq(jobs.function, input.function) : undefined,
        input.cursor ? afterCursor(jobs, decodeCursor(input.cursor)) : undefined,
      ),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit);
}
