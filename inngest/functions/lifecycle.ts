import { systemActor } from '@/server/auth/actor';
import { defineWorkflow } from '@/server/jobs/workflow';
import { failServiceLifecycle, runServiceLifecycle } from '@/server/services/orders/lifecycle';

/**
 * A provisioned service was suspended, unsuspended, terminated or moved to another plan: its
 * provider is told in one step (a webhook that fails is retried with backoff; once the retries
 * are spent the job stays failed with its error, for an admin to retry from Jobs, and the
 * order's audit records it). Shown among the order's jobs.
 */
export const serviceLifecycle = defineWorkflow({
  id: 'service-lifecycle',
  triggers: [{ event: 'service/lifecycle' }],
  retries: 4,
  subject: (event) => ({ type: 'order', id: event.data.orderId }),
  handler: ({ event: { data, id }, step, db, now }) =>
    step.run(`${data.action.replace('_', ' ')} ${data.serviceId}`, () => runServiceLifecycle(db, systemActor(), data, id, now)),
  onFailure: ({ event, db, now, error }) => failServiceLifecycle(db, systemActor(), event.data, error, now),
});
