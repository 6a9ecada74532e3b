import { inngest } from '../client';
import { systemPing } from '../events';

/** A no-op that proves the wiring: Inngest can discover, call and finish a Cashdesk function. */
export const ping = inngest.createFunction({ id: 'system-ping', triggers: [systemPing] }, async ({ event, step }) =>
  step.run('echo', () => ({ receivedAt: event.data.at })),
);
