import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { invoices, jobs, orders } from '@/db/schema';
import { requirePermission, type Scope } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import { invoiceScope } from '@/server/services/invoices/scope';
import { orderScope } from '@/server/services/orders/scope';
import { afterCursor, decodeCursor, toPage, type ListInput } from '@/server/services/pagination';

export type JobRow = typeof jobs.$inferSelect;

/** The runs about orders and invoices the scope may see; runs of the whole desk (billing, dunning) are the desk's. */
function jobScope(scope: Scope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return or(
    and(eq(jobs.subjectType, 'order'), sql`${jobs.subjectId} in (select ${orders.id}::text from ${orders} where ${orderScope(scope)})`),
    and(eq(jobs.subjectType, 'invoice'), sql`${jobs.subjectId} in (select ${invoices.id}::text from ${invoices} where ${invoiceScope(scope)})`),
  );
}

/**
 * A run as someone outside the desk reads it: what ran and how it ended, not what providers
 * answered (errors, step errors, outputs), which may name the desk's systems.
 */
const outsideView = (job: JobRow): JobRow => ({
  ...job,
  error: null,
  output: null,
  steps: job.steps.map(({ error: _error, output: _output, ...step }) => step),
});

/** Recorded workflow runs, newest first, for one subject or all. */
export async function listJobs(
  ctx: ServiceContext,
  input: ListInput & { subjectType?: string | undefined; subjectId?: string | undefined; status?: JobRow['status'] | undefined; function?: string | undefined },
): Promise<{ items: JobRow[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'orders.view');
  const rows = await ctx.db
    .select()
    .from(jobs)
    .where(
      and(
        jobScope(ctx.actor.scope),
        input.subjectType ? eq(jobs.subjectType, input.subjectType) : undefined,
        input.subjectId ? eq(jobs.subjectId, input.subjectId) : undefined,
        input.status ? eq(jobs.status, input.status) : undefined,
        input.function ? eq(jobs.function, input.function) : undefined,
        input.cursor ? afterCursor(jobs, decodeCursor(input.cursor)) : undefined,
      ),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit);
  return ctx.actor.scope.kind === 'all' ? page : { ...page, items: page.items.map(outsideView) };
}
