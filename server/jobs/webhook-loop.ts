import type { Database, DatabaseHandle } from '@/db';
import { webhookData } from '@/server/rest/routes/webhooks';
import { systemContext } from '@/server/services/context';
import { deliverDueWebhooks, type DeliverOptions } from '@/server/services/webhooks/deliver';
import { webhookDeliveriesChannel } from '@/server/services/webhooks/publish';
import { serialPasses } from './serial-passes';

const DELIVER_EVERY_MS = 2_000;
const BATCH = 50;

type Loop = { stop: () => void };
const holder = globalThis as typeof globalThis & { __cashdeskWebhooks?: Loop };

/**
 * Webhooks out, in every server process and under either runtime: delivers as soon as a
 * transaction that published events commits (NOTIFY), and every 2 s for retries coming due and
 * notifications missed. Its own loop beside the workflow loop, so a slow receiver (up to 10 s
 * an attempt) never holds up an order's activation. Processes share the work through the
 * deliveries' claims; a process that dies mid-attempt leaves its claims to lapse and be retried.
 */
export function startWebhookLoop(
  db: Database,
  options: { origin: string; listen?: DatabaseHandle['listen']; send?: DeliverOptions['send']; claimMs?: DeliverOptions['claimMs'] },
): Loop {
  if (holder.__cashdeskWebhooks) return holder.__cashdeskWebhooks;
  const pass = serialPasses('webhook delivery pass', async () => {
    for (;;) {
      const ctx = systemContext(db, new Date());
      const sent = await deliverDueWebhooks(ctx, { describe: webhookData(ctx, options.origin), limit: BATCH, send: options.send, claimMs: options.claimMs });
      if (sent < BATCH) return;
    }
  });
  const unlisten = options
    .listen?.(webhookDeliveriesChannel, () => void pass(false))
    .catch((error: unknown) => {
      console.error('[cashdesk] listening for webhook deliveries failed; they go out every few seconds instead:', error);
      return undefined;
    });
  const timer = setInterval(() => void pass(false), DELIVER_EVERY_MS);
  timer.unref();
  void pass(false);
  holder.__cashdeskWebhooks = {
    stop: () => {
      clearInterval(timer);
      void unlisten?.then((stop) => stop?.()).catch(() => undefined);
      holder.__cashdeskWebhooks = undefined;
    },
  };
  return holder.__cashdeskWebhooks;
}
