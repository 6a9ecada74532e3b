import { systemActor } from '@/server/auth/actor';
import { toPlainDate } from '@/server/billing/periods';
import { publicOrigin } from '@/server/env';
import { defineWorkflow, type WorkflowEvent } from '@/server/jobs/workflow';
import { runBilling } from '@/server/services/run-billing';
import { runDunning } from '@/server/services/run-dunning';

/** The date a run is for: asked for explicitly, or the day its cron firing fell on. */
const dateOf = (event: WorkflowEvent, now: Date) =>
  typeof event.data.date === 'string' ? event.data.date : toPlainDate(typeof event.data.scheduledFor === 'string' ? new Date(event.data.scheduledFor) : now);

/** Daily at 00:05 UTC, or on demand for a date: renewal invoices for everything due. */
export const billingRun = defineWorkflow({
  id: 'billing-run',
  triggers: [{ cron: '5 0 * * *' }, { event: 'billing/run.requested' }],
  retries: 3,
  subject: (event) => ({ type: 'billing_run', id: dateOf(event, new Date()) }),
  handler: ({ event, step, db, now }) => step.run('bill renewals', () => runBilling({ db, actor: systemActor(), now }, { date: dateOf(event, now) })),
});

/** Daily at 00:15 UTC, after billing, or on demand: overdue marking, reminders, suspension, termination. */
export const dunningRun = defineWorkflow({
  id: 'dunning',
  triggers: [{ cron: '15 0 * * *' }, { event: 'dunning/run.requested' }],
  retries: 3,
  subject: (event) => ({ type: 'dunning_run', id: dateOf(event, new Date()) }),
  handler: ({ event, step, db, now }) => step.run('dun', () => runDunning({ db, actor: systemActor(), now }, { date: dateOf(event, now), origin: publicOrigin() })),
});
