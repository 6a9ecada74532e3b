import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { jobs, workflowEvents } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { env } from '@/server/env';
import { AppError, notFound } from '@/server/errors';
import { nextFiring } from '@/server/jobs/cron';
import { kickWorkflows } from '@/server/jobs/loop';
import { emitEvents } from '@/server/jobs/runtime';
import type { Workflow } from '@/server/jobs/workflow';
import { zonedDate } from '@/server/jobs/zoned-time';
import { provisioningSecret } from '@/server/provisioning/provisioner';
import { audit } from '@/server/services/audit/record';
import { checkBillingDate, checkDunningDate } from '@/server/services/billing-runs/dates';
import type { ServiceContext } from '@/server/services/context';
import { readCronTimeZone } from './settings';

/**
 * Which runtime runs workflows, whether this process schedules crons, the time zone they are read
 * in, today's date there, and when each of the registered workflows' crons fires next (the
 * adapter hands the registered list in: services never import the workflows that call them).
 */
export async function automationStatus(ctx: ServiceContext, input: { workflows: readonly Workflow[] }) {
  requirePermission(ctx.actor, 'settings.manage');
  const config = env();
  const timeZone = await readCronTimeZone(ctx.db);
  return {
    mode: config.inngestMode,
    scheduler: config.inngestMode === 'inngest' ? ('inngest' as const) : config.CASHDESK_SCHEDULER,
    webhookSecret: provisioningSecret(),
    timeZone,
    today: zonedDate(timeZone, ctx.now),
    crons: input.workflows.flatMap((w) =>
      w.triggers.flatMap((t) => ('cron' in t ? [{ workflow: w.id, cron: t.cron, next: nextFiring(t.cron, ctx.now, timeZone) }] : [])),
    ),
  };
}

const runnable = { 'billing-run': 'billing/run.requested', dunning: 'dunning/run.requested' } as const;
export type RunnableWorkflow = keyof typeof runnable;

/** Starts the billing run or dunning for a date now; the job it becomes is found by the event id. */
export async function runWorkflowNow(ctx: ServiceContext, input: { workflow: RunnableWorkflow; date?: string | undefined }): Promise<{ eventId: string }> {
  requirePermission(ctx.actor, 'billing.run');
  const eventId = `manual:${input.workflow}:${randomUUID()}`;
  // Checked here as well as in the run, so a refused date is an error on the form, not a failed job.
  const date = await (input.workflow === 'billing-run' ? checkBillingDate : checkDunningDate)(ctx.db, ctx.now, input.date);
  await ctx.db.transaction(async (tx) => {
    await emitEvents(tx, [{ name: runnable[input.workflow], id: eventId, data: { date } }]);
    await audit(tx, ctx.actor, 'workflow.requested', { type: 'workflow', id: input.workflow }, { after: { date, eventId } });
  });
  kickWorkflows();
  return { eventId };
}

export async function jobByEvent(ctx: ServiceContext, input: { eventId: string }) {
  requirePermission(ctx.actor, 'settings.manage');
  const [job] = await ctx.db.select().from(jobs).where(eq(jobs.eventId, input.eventId));
  return job ?? null;
}

/** A failed run goes again from its first unfinished step (its event is dispatched anew). */
export async function retryJob(ctx: ServiceContext, input: { id: string }): Promise<void> {
  requirePermission(ctx.actor, 'settings.manage');
  await ctx.db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.id, input.id), isNotNull(jobs.eventId)))
      .for('update');
    if (!job) throw notFound('Job');
    if (job.status !== 'failed') throw new AppError('invalid_state', `Only a failed job can be retried; this one is ${job.status}`);
    await tx.update(jobs).set({ status: 'queued', error: null, finishedAt: null }).where(eq(jobs.id, job.id));
    await tx.update(workflowEvents).set({ dispatchedAt: null }).where(eq(workflowEvents.eventId, job.eventId!));
    await audit(tx, ctx.actor, 'job.retried', { type: 'job', id: job.id }, { before: { status: 'failed', error: job.error } });
  });
  kickWorkflows();
}
