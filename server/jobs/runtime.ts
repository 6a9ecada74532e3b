import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { cronTicks, jobs, workflowEvents } from '@/db/schema';
import { inngest } from '@/inngest/client';
import type { WorkflowEvent } from '@/inngest/events';
import { readCronTimeZone } from '../services/automation/settings';
import { lastFiring } from './cron';
import { queueRun, runWorkflow, type ExecutorOptions } from './executor';
import { receivedEvent, type RunEvent, type Workflow } from './workflow';

export type Runtime = { mode: 'inngest' | 'embedded'; workflows: readonly Workflow[] } & ExecutorOptions;

/**
 * Notified as an emitting transaction commits, with the ids of the events it emitted (one per
 * line; empty when they would not fit a notification), so the loop dispatches them at once
 * instead of at its next pass — and beside a pass already busy with others' events.
 */
export const workflowEventsChannel = 'cashdesk_workflow_events';

// PostgreSQL refuses a notification payload of 8,000 bytes or more.
const maxNotifiedIds = 7_000;

/** The event ids a notification names (none: look at every pending event). */
export const notifiedEventIds = (payload: string): string[] => payload.split('\n').filter(Boolean);

async function enqueue(tx: Database, events: readonly RunEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insert(workflowEvents)
    .values(events.map((e) => ({ name: e.name, data: e.data, eventId: e.id })))
    .onConflictDoNothing();
  const ids = events.map((e) => e.id).join('\n');
  await tx.execute(sql`select pg_notify(${workflowEventsChannel}, ${ids.length < maxNotifiedIds ? ids : ''})`);
}

/**
 * Writes events in the caller's transaction: they exist exactly when the change that caused them
 * committed. Only events of the map (inngest/events.ts), each with its data.
 */
export const emitEvents = (tx: Database, events: readonly WorkflowEvent[]) => enqueue(tx, events);

const cronEvent = (workflow: Workflow) => `cron/${workflow.id}` as const;
const triggeredBy = (workflow: Workflow, name: string) => workflow.triggers.some((t) => ('event' in t ? t.event === name : cronEvent(workflow) === name));

/**
 * Hands committed events on, one run per (workflow, event). To Inngest the event is sent before
 * it is marked dispatched: a kill in between sends it again and Inngest drops the repeat by its
 * id. Embedded, the claim and the runs' queued job rows commit together, so a kill right after
 * the claim leaves queued runs that `resumeStalled` takes up on the next start. Two dispatchers
 * never take the same event.
 */
export async function dispatchPending(db: Database, runtime: Runtime, limit = 50, only?: readonly string[]): Promise<number> {
  const pending = await db
    .select()
    .from(workflowEvents)
    .where(and(isNull(workflowEvents.dispatchedAt), only ? inArray(workflowEvents.eventId, [...only]) : undefined))
    .orderBy(asc(workflowEvents.createdAt))
    .limit(limit);
  const unclaimed = (id: string) => and(eq(workflowEvents.id, id), isNull(workflowEvents.dispatchedAt));
  let handled = 0;
  for (const row of pending) {
    const event = receivedEvent(row.name, row.data, row.eventId);
    if (runtime.mode === 'inngest') {
      await inngest.send(event);
      await db.update(workflowEvents).set({ dispatchedAt: new Date() }).where(unclaimed(row.id));
      handled += 1;
      continue;
    }
    const runs = runtime.workflows.filter((w) => triggeredBy(w, event.name));
    const claimed = await db.transaction(async (tx) => {
      const [won] = await tx.update(workflowEvents).set({ dispatchedAt: new Date() }).where(unclaimed(row.id)).returning({ id: workflowEvents.id });
      if (won) for (const workflow of runs) await queueRun(tx, workflow, event, runtime.now?.() ?? new Date());
      return Boolean(won);
    });
    if (!claimed) continue;
    for (const workflow of runs) await runWorkflow(db, workflow, event, runtime);
    handled += 1;
  }
  return handled;
}

/**
 * One scheduler tick: each cron workflow's most recent firing, read on the configured time
 * zone's clock, is claimed in `cron_ticks` and, when this process won the claim, emitted as an
 * event carrying the zone (a run bills that zone's date). Any number of processes may tick: a
 * firing runs once. A firing earlier than one already claimed is not taken, so changing the
 * zone does not run a day that the old zone's firing already ran.
 */
export async function schedulerTick(db: Database, runtime: Runtime, now: Date): Promise<string[]> {
  const fired: string[] = [];
  const timeZone = await readCronTimeZone(db);
  for (const workflow of runtime.workflows) {
    for (const trigger of workflow.triggers) {
      if (!('cron' in trigger)) continue;
      const scheduledFor = lastFiring(trigger.cron, now, timeZone);
      const [later] = await db
        .select({ at: cronTicks.scheduledFor })
        .from(cronTicks)
        .where(and(eq(cronTicks.function, workflow.id), gt(cronTicks.scheduledFor, scheduledFor)))
        .limit(1);
      if (later) continue;
      const [claimed] = await db.insert(cronTicks).values({ function: workflow.id, scheduledFor }).onConflictDoNothing().returning();
      if (!claimed) continue;
      await enqueue(db, [
        { name: cronEvent(workflow), id: `cron:${workflow.id}:${scheduledFor.toISOString()}`, data: { scheduledFor: scheduledFor.toISOString(), timeZone } },
      ]);
      fired.push(workflow.id);
    }
  }
  return fired;
}

/**
 * Runs that a process left unfinished (it died, or was restarted, mid-run) are taken up again:
 * their finished steps replay from the record. Called as the loop starts; `startedBefore`
 * keeps it off runs another live process may still be working on.
 */
export async function resumeStalled(db: Database, runtime: Runtime, startedBefore = new Date()): Promise<number> {
  const stalled = await db
    .select({ function: jobs.function, eventId: jobs.eventId, name: workflowEvents.name, data: workflowEvents.data })
    .from(jobs)
    .innerJoin(workflowEvents, eq(workflowEvents.eventId, jobs.eventId))
    .where(and(inArray(jobs.status, ['queued', 'running']), isNotNull(jobs.eventId), or(isNull(jobs.startedAt), lt(jobs.startedAt, startedBefore))));
  let resumed = 0;
  for (const job of stalled) {
    const workflow = runtime.workflows.find((w) => w.id === job.function);
    if (!workflow) continue;
    await runWorkflow(db, workflow, receivedEvent(job.name, job.data, job.eventId!), runtime);
    resumed += 1;
  }
  return resumed;
}

/**
 * Jobs recorded around a request's own work (`asJob`: a billing run started from the console or
 * the API) cannot be resumed: the request that ran them is gone with the process. Those a process
 * left running are marked failed, so the jobs page stops showing them as running for ever; their
 * work committed whole or not at all, and running it again is safe.
 */
export async function failInterrupted(db: Database, startedBefore: Date, now = new Date()): Promise<number> {
  const failed = await db
    .update(jobs)
    .set({ status: 'failed', error: 'The server stopped before this run finished; nothing of it was kept, so run it again', finishedAt: now })
    .where(and(eq(jobs.status, 'running'), isNull(jobs.eventId), lt(jobs.startedAt, startedBefore)))
    .returning({ id: jobs.id });
  return failed.length;
}
