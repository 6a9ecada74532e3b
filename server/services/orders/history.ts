import { requirePermission } from '@/server/auth/actor';
import { auditTrail, type AuditEntry } from '@/server/services/audit/trail';
import { listJobs, type JobRow } from '@/server/services/automation/jobs';
import type { ServiceContext } from '@/server/services/context';
import { loadOrder } from './store';

/** An order's audit log and its workflow runs ("automator jobs"). */
export async function getOrderHistory(ctx: ServiceContext, input: { id: string }): Promise<{ audit: AuditEntry[]; jobs: JobRow[] }> {
  requirePermission(ctx.actor, 'orders.view');
  const order = await loadOrder(ctx.db, ctx.actor.scope, input.id);
  // Clients see their orders, not the desk's audit trail or workflow runs.
  if (ctx.actor.scope.kind === 'customer') return { audit: [], jobs: [] };
  const [audit, jobs] = await Promise.all([
    auditTrail(ctx, { type: 'order', id: order.id }),
    listJobs(ctx, { limit: 50, subjectType: 'order', subjectId: order.id }),
  ]);
  return { audit, jobs: jobs.items };
}
