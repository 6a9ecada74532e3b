import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobs } from '@/db/schema';
import { asJob } from '@/server/jobs/record';
import { withTestDatabase } from '../support/database';

const { db } = withTestDatabase();

describe('recorded jobs', () => {
  it('records a run that completes with its output', async () => {
    const result = await asJob(
      db(),
      { function: 'demo', subjectType: 'order', subjectId: 'o-1' },
      () => new Date(),
      async () => ({ ok: 42n.toString() }),
    );
    expect(result).toEqual({ ok: '42' });
    const [job] = await db().select().from(jobs).where(eq(jobs.subjectId, 'o-1'));
    expect(job).toMatchObject({ status: 'completed', attempts: 1, output: { ok: '42' }, error: null });
    expect(job!.finishedAt).not.toBeNull();
  });

  it('records a failed run with its error, and still lets the error through', async () => {
    await expect(
      asJob(
        db(),
        { function: 'demo', subjectType: 'order', subjectId: 'o-2' },
        () => new Date(),
        async () => {
          throw new Error('gateway timed out');
        },
      ),
    ).rejects.toThrow('gateway timed out');
    const [job] = await db().select().from(jobs).where(eq(jobs.subjectId, 'o-2'));
    expect(job).toMatchObject({ status: 'failed', error: 'gateway timed out', steps: [{ name: 'demo', status: 'failed', error: 'gateway timed out' }] });
  });
});
