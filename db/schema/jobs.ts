import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';

export const jobStatus = pgEnum('job_status', ['queued', 'running', 'completed', 'failed', 'cancelled']);

export type JobStep = { name: string; status: 'completed' | 'failed'; startedAt: string; finishedAt: string; error?: string };

// One row per run of a durable function ("automator jobs"): what ran, for which record, how it
// went step by step. Written by the embedded runner and by Inngest middleware alike.
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    function: text('function').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    status: jobStatus('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    steps: jsonb('steps').$type<JobStep[]>().notNull().default([]),
    output: jsonb('output'),
    error: text('error'),
    // The triggering event's id (the dedupe key) and, under Inngest, its run id.
    eventId: text('event_id'),
    inngestRunId: text('inngest_run_id'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('jobs_subject_idx').on(t.subjectType, t.subjectId, t.createdAt, t.id),
    index('jobs_created_idx').on(t.createdAt, t.id),
    index('jobs_status_created_idx').on(t.status, t.createdAt, t.id),
  ],
);
