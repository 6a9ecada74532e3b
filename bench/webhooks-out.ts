import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { count, eq } from 'drizzle-orm';
import { webhookDeliveries } from '@/db/schema';
import { webhookData } from '@/server/rest/routes/webhooks';
import { systemContext } from '@/server/services/context';
import { deliverDueWebhooks } from '@/server/services/webhooks/deliver';
import { createWebhookEndpoint } from '@/server/services/webhooks/endpoints';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';
import { withBenchDatabase } from './support';

const EVENTS = 2000;
const ENDPOINTS = 3;
const PASSES = 2;

/**
 * Webhooks out on real PostgreSQL to a receiver on this machine: what publishing costs the
 * transaction that causes an event (no endpoint vs three), and deliveries per second with two
 * passes racing, as two server processes would. Prints throughput and the publish-cost ratio.
 */
export async function webhooksOutBench() {
  process.env.CASHDESK_WEBHOOKS_ALLOW_PRIVATE = '1';
  let received = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
  try {
    await withBenchDatabase(async ({ db }) => {
      const ctx = () => systemContext(db, new Date());
      const publishEach = async (ids: string[]) => {
        const start = performance.now();
        for (const id of ids) await db.transaction((tx) => publishWebhookEvents(tx, 'order.created', 'order', [id], new Date()));
        return (performance.now() - start) / ids.length;
      };
      const idle = await publishEach(Array.from({ length: 500 }, () => randomUUID()));
      for (let i = 0; i < ENDPOINTS; i++) await createWebhookEndpoint(ctx(), { url: `${url}?n=${i}`, events: ['*'] });
      const subscribed = await publishEach(Array.from({ length: EVENTS }, () => randomUUID()));
      console.info(
        `publish in the causing transaction: ${idle.toFixed(2)} ms with no endpoint, ${subscribed.toFixed(2)} ms with ${ENDPOINTS} (×${(subscribed / idle).toFixed(1)})`,
      );

      const start = performance.now();
      await Promise.all(
        Array.from({ length: PASSES }, async () => {
          for (;;) {
            const pass = ctx();
            if ((await deliverDueWebhooks(pass, { describe: webhookData(pass, 'http://localhost'), limit: 100 })) === 0) return;
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      const [left] = await db.select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.status, 'pending'));
      console.info(
        `delivered ${received} of ${EVENTS * ENDPOINTS} in ${seconds.toFixed(1)} s: ${(received / seconds).toFixed(0)} deliveries/s (${PASSES} passes racing, ${left!.n} left pending)`,
      );
    });
  } finally {
    receiver.close();
  }
}
