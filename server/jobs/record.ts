import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { jobs } from '@/db/schema';
import { plainJson } from '../json';

export type JobSubject = { function: string; subjectType: string; subjectId: string; eventId?: string };

/**
 * Runs `work` as a recorded job: the row says running while it runs, then completed with its
 * output or failed with its error (the error is rethrown).
 */
export async function asJob<T>(db: Database, subject: JobSubject, now: () => Date, work: () => Promise<T>): Promise<T> {
  const startedAt = now();
  const [job] = await db
    .insert(jobs)
    .values({ ...subject, status: 'running', attempts: 1, createdAt: startedAt, startedAt })
    .returning({ id: jobs.id });
  const step = (status: 'completed' | 'failed', error?: string) => [
    { name: subject.function, status, startedAt: startedAt.toISOString(), finishedAt: now().toISOString(), ...(error ? { error } : {}) },
  ];
  try {
    const output = await work();
    await db
      .update(jobs)
      .set({ status: 'completed', steps: step('completed'), output: plainJson(output), finishedAt: now() })
      .where(eq(jobs.id, job!.id));
    return output;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(jobs)
      .set({ status: 'failed', steps: step('failed', message), error: message, finishedAt: now() })
      .where(eq(jobs.id, job!.id));
    throw error;
  }
}
