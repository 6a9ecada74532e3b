import { z } from 'zod';
import { jobStatuses } from '../../jobs/job-status';
import { billingRunInput, billingRunOutput } from '../../schemas/billing-runs';
import { camelized, listInput, optionalText } from '../../schemas/common';
import { listJobs } from '../../services/automation/jobs';
import { runBillingDay } from '../../services/billing-runs/run-day';
import { defineRoute } from '../handler';
import { listOf } from '../lists';

export const billingRunRoute = defineRoute(
  {
    method: 'POST',
    path: '/billing-runs',
    summary: 'Run billing and dunning for a date (default today); a rerun creates and sends nothing new',
    tag: 'Billing runs',
    permission: 'billing.run',
    body: billingRunInput,
    response: billingRunOutput,
  },
  async ({ ctx, body, origin }) => {
    const run = await runBillingDay(ctx, { date: body.date, origin });
    return {
      date: run.date,
      invoices_created: run.invoicesCreated,
      services_billed: run.servicesBilled,
      invoices_marked_overdue: run.invoicesMarkedOverdue,
      reminders_sent: run.remindersSent,
      services_suspended: run.servicesSuspended,
    };
  },
);

const jobOutput = z.object({
  id: z.string(),
  function: z.string(),
  subject_type: z.string(),
  subject_id: z.string(),
  status: z.enum(jobStatuses),
  attempts: z.number().int(),
  steps: z.array(z.object({ name: z.string(), status: z.string(), started_at: z.string(), finished_at: z.string(), error: z.string().optional() })),
  error: z.string().nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
});

export const listJobsRoute = defineRoute(
  {
    method: 'GET',
    path: '/jobs',
    summary: 'Recorded workflow runs ("automator jobs"), newest first',
    tag: 'Billing runs',
    permission: 'orders.view',
    query: camelized(
      listInput.extend({
        subject_type: optionalText(50),
        subject_id: optionalText(100),
        status: z.enum(jobStatuses).optional(),
      }),
    ),
    response: listOf(jobOutput),
  },
  async ({ ctx, query }) => {
    const page = await listJobs(ctx, query);
    return {
      next_cursor: page.nextCursor,
      data: page.items.map((job) => ({
        id: job.id,
        function: job.function,
        subject_type: job.subjectType,
        subject_id: job.subjectId,
        status: job.status,
        attempts: job.attempts,
        steps: job.steps.map((step) => ({
          name: step.name,
          status: step.status,
          started_at: step.startedAt,
          finished_at: step.finishedAt,
          ...(step.error ? { error: step.error } : {}),
        })),
        error: job.error,
        created_at: job.createdAt.toISOString(),
        finished_at: job.finishedAt?.toISOString() ?? null,
      })),
    };
  },
);
