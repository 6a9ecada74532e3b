import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { jobs, type JobStep } from '@/db/schema';
import { plainJson } from '../json';
import type { RunEvent, Workflow } from './workflow';

export type ExecutorOptions = {
  now?: () => Date;
  /** Milliseconds before retry n (1-based); exponential by default. */
  backoff?: (attempt: number) => number;
};

const defaultBackoff = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 60_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a workflow for an event in this process, as Inngest would: one job row per (function,
 * event id); each step's result is recorded as it completes, so a retry — or a resume after the
 * process died — replays finished steps from the record and runs only what is left. A failing
 * step retries with backoff; after the last retry the job is failed with its error.
 */
/**
 * The queued job row of a (workflow, event) run, if there is none yet. The dispatcher writes it
 * in the transaction that claims the event, so a process killed right after the claim leaves a
 * queued run that the next start resumes, never a claimed event with no run.
 */
export async function queueRun(tx: Database, workflow: Workflow, event: RunEvent, createdAt: Date): Promise<void> {
  const subject = workflow.subject(event);
  await tx
    .insert(jobs)
    .values({ function: workflow.id, subjectType: subject.type, subjectId: subject.id, eventId: event.id, status: 'queued', createdAt })
    .onConflictDoNothing();
}

export async function runWorkflow(db: Database, workflow: Workflow, event: RunEvent, options: ExecutorOptions = {}): Promise<typeof jobs.$inferSelect> {
  const now = options.now ?? (() => new Date());
  await queueRun(db, workflow, event, now());
  const where = and(eq(jobs.function, workflow.id), eq(jobs.eventId, event.id));
  const [job] = await db.select().from(jobs).where(where);
  if (!job || job.status === 'completed' || job.status === 'cancelled') return job!;

  let steps: JobStep[] = job.steps.filter((s) => s.status === 'completed');
  let attempts = job.attempts;
  for (;;) {
    attempts += 1;
    await db
      .update(jobs)
      .set({ status: 'running', attempts, startedAt: job.startedAt ?? now(), error: null })
      .where(eq(jobs.id, job.id));
    const step = {
      async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
        const done = steps.find((s) => s.name === name && s.status === 'completed');
        if (done) return done.output as T;
        const startedAt = now().toISOString();
        try {
          const output = await fn();
          steps = [...steps, { name, status: 'completed', startedAt, finishedAt: now().toISOString(), output: plainJson(output) }];
          await db.update(jobs).set({ steps }).where(eq(jobs.id, job.id));
          return output;
        } catch (error) {
          const failed: JobStep = {
            name,
            status: 'failed',
            startedAt,
            finishedAt: now().toISOString(),
            error: error instanceof Error ? error.message : String(error),
          };
          await db
            .update(jobs)
            .set({ steps: [...steps, failed] })
            .where(eq(jobs.id, job.id));
          throw error;
        }
      },
    };
    try {
      const output = await workflow.handler({ event, step, db, now: now() });
      const [finished] = await db
        .update(jobs)
        .set({ status: 'completed', output: plainJson(output), finishedAt: now() })
        .where(eq(jobs.id, job.id))
        .returning();
      return finished!;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempts > workflow.retries) {
        await workflow.onFailure?.({ event, db, now: now(), error: message });
        const [failed] = await db.update(jobs).set({ status: 'failed', error: message, finishedAt: now() }).where(eq(jobs.id, job.id)).returning();
        return failed!;
      }
      await db.update(jobs).set({ error: message }).where(eq(jobs.id, job.id));
      await sleep((options.backoff ?? defaultBackoff)(attempts));
    }
  }
}
