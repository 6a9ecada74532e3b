import { publicOrigin } from '@/server/env';
import { defineWorkflow } from '@/server/jobs/workflow';
import { systemContext } from '@/server/services/context';
import { activeAdmins } from '@/server/services/notifications/admin-mail';
import { mailWebhookEndpointDisabled } from '@/server/services/notifications/webhook-disabled';

/**
 * The delivery pass disabled a webhook endpoint: every admin gets one e-mail about it, each in
 * its own step, as for an order waiting for approval (the idempotency key keeps a repeated send
 * from reaching anyone twice).
 */
export const notifyWebhookDisabled = defineWorkflow({
  id: 'notify-admins-webhook-disabled',
  triggers: [{ event: 'webhook-endpoint/disabled' }],
  retries: 5,
  subject: (event) => ({ type: 'webhook_endpoint', id: event.data.endpointId }),
  handler: async ({ event, step, db, now }) => {
    const admins = await step.run('find admins', () => activeAdmins(db));
    const mails = [];
    for (const admin of admins) {
      mails.push(
        await step.run(`e-mail ${admin.email}`, () =>
          mailWebhookEndpointDisabled(systemContext(db, now), { ...event.data, adminId: admin.id, origin: publicOrigin() }),
        ),
      );
    }
    return { mails };
  },
});
