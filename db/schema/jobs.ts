import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jobStatuses } from '../../server/jobs/job-status';
import { createdAt, id } from './columns';

export const jobStatus = pgEnum('job_status', jobStatuses);

/** A step as run; a completed step's output is what a resumed run gets back instead of running it again. */
export type JobStep = { name: string; status: 'completed' | 'failed'; startedAt: string; finishedAt: string; error?: string; output?: unknown };

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
    // One run per function and event: a redelivered event resumes that run, never starts a second.
    uniqueIndex('jobs_function_event_uq')
      .on(t.function, t.eventId)
      .where(sql`${t.eventId} is not null`),
  ],
);

/**
 * The workflow outbox: events written in the same transaction as the change that causes them,
 * then dispatched after commit (to Inngest, or to the embedded runner). `event_id` is the dedupe
 * key both runtimes honour.
 */
export const workflowEvents = pgTable(
  'workflow_events',
  {
    id: id(),
    name: text('name').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    eventId: text('event_id').notNull(),
    createdAt: createdAt(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('workflow_events_event_uq').on(t.eventId),
    index('workflow_events_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.dispatchedAt} is null`),
  ],
);

/** A cron firing, claimed once: two schedulers (or a restart) never run the same tick twice. */
export const cronTicks = pgTable(
  'cron_ticks',
  {
    function: text('function').notNull(),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true, precision: 3 }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'cron_ticks_pk', columns: [t.function, t.scheduledFor] })],
);
