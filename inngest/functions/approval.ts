import { publicOrigin } from '@/server/env';
import { defineWorkflow } from '@/server/jobs/workflow';
import { systemContext } from '@/server/services/context';
import { activeAdmins } from '@/server/services/notifications/admin-mail';
import { mailApprovalRequest } from '@/server/services/notifications/approval-request';

/**
 * A paid order waits for approval: every admin gets one e-mail about it (order, customer,
 * total, a link to the order page), each in its own step. A retry replays the finished steps,
 * and the (order, admin) idempotency key keeps a repeated send from reaching anyone twice.
 */
export const notifyApproval = defineWorkflow({
  id: 'notify-admins-approval',
  triggers: [{ event: 'order/awaiting-approval' }],
  retries: 5,
  subject: (event) => ({ type: 'order', id: event.data.orderId }),
  handler: async ({ event, step, db, now }) => {
    const { orderId } = event.data;
    const admins = await step.run('find admins', () => activeAdmins(db));
    const mails = [];
    for (const admin of admins) {
      mails.push(
        await step.run(`e-mail ${admin.email}`, () => mailApprovalRequest(systemContext(db, now), { orderId, adminId: admin.id, origin: publicOrigin() })),
      );
    }
    return { mails };
  },
});
