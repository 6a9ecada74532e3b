import type { CronEvent, WorkflowEvent } from '@/inngest/events';
import { publicOrigin } from '@/server/env';
import { defineWorkflow } from '@/server/jobs/workflow';
import { zonedDate } from '@/server/jobs/zoned-time';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { runDunning } from '@/server/services/billing-runs/run-dunning';
import { systemContext } from '@/server/services/context';
import { compactReportRollups } from '@/server/services/reports/rollups';

/**
 * The date a run is for: asked for explicitly, or the calendar day its cron firing fell on in
 * the zone it fired in (the scheduler and the Inngest adapter put `timeZone` on the event).
 */
const dateOf = ({ data }: WorkflowEvent<'billing/run.requested' | 'dunning/run.requested'> | CronEvent) =>
  'date' in data ? data.date : zonedDate(data.timeZone, new Date(data.scheduledFor));

/** Daily at 00:05 in the configured time zone, or on demand for a date: renewal invoices for everything due. */
export const billingRun = defineWorkflow({
  id: 'billing-run',
  triggers: [{ cron: '5 0 * * *' }, { event: 'billing/run.requested' }],
  retries: 3,
  subject: (event) => ({ type: 'billing_run', id: dateOf(event) }),
  handler: ({ event, step, db, now }) => step.run('bill renewals', () => runBilling(systemContext(db, now), { date: dateOf(event) })),
});

/**
 * Daily at 00:15 in the configured time zone, after billing, or on demand: overdue marking,
 * reminders, suspension, termination; then the report rollups' deltas of the day (the billing
 * run's among them) are folded into one row per key.
 */
export const dunningRun = defineWorkflow({
  id: 'dunning',
  triggers: [{ cron: '15 0 * * *' }, { event: 'dunning/run.requested' }],
  retries: 3,
  subject: (event) => ({ type: 'dunning_run', id: dateOf(event) }),
  handler: async ({ event, step, db, now }) => {
    const dunned = await step.run('dun', () => runDunning(systemContext(db, now), { date: dateOf(event), origin: publicOrigin() }));
    await step.run('compact report rollups', () => compactReportRollups(db));
    return dunned;
  },
});
