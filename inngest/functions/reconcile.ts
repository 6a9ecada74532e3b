import { defineWorkflow } from '@/server/jobs/workflow';
import { systemContext } from '@/server/services/context';
import { reconcilePayments } from '@/server/services/payments/reconcile';

/** Hourly at :25: ask the gateways about unpaid checkouts whose webhooks may have been lost. */
export const reconcileRun = defineWorkflow({
  id: 'reconcile-payments',
  triggers: [{ cron: '25 * * * *' }],
  retries: 2,
  subject: (event) => ({ type: 'reconciliation', id: event.data.scheduledFor.slice(0, 13) }),
  handler: ({ step, db, now }) => step.run('ask the gateways', () => reconcilePayments(systemContext(db, now))),
});
