import { systemActor } from '@/server/auth/actor';
import { defineWorkflow } from '@/server/jobs/workflow';
import { activateIfProvisioned, failProvisioning, provisionService, servicesToProvision } from '@/server/services/orders/provision';

/**
 * Every paid (or approved) order goes live here, so its activation is a recorded job: each
 * service with a provisioning module is set up at its provider in its own step (a webhook that
 * fails is retried with backoff; the services it could not set up are marked failed once the
 * retries are spent, for an admin to retry from Jobs), then the order goes live — or waits for
 * an admin where provisioning is manual. Without a module it is only the activate step.
 */
export const activateOrder = defineWorkflow({
  id: 'activate-order',
  triggers: [{ event: 'order/paid' }, { event: 'order/approved' }],
  retries: 4,
  subject: (event) => ({ type: 'order', id: event.data.orderId }),
  handler: async ({ event, step, db, now }) => {
    const { orderId } = event.data;
    const tasks = await step.run('find services to provision', () => servicesToProvision(db, orderId));
    for (const task of tasks) {
      await step.run(`provision ${task.name} (${task.id})`, () => provisionService(db, systemActor(), task, now));
    }
    return step.run('activate', async () => ({ active: await activateIfProvisioned(db, systemActor(), orderId, now) }));
  },
  onFailure: ({ event, db, now, error }) => failProvisioning(db, systemActor(), event.data.orderId, error, now),
});
