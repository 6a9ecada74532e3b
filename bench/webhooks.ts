import { count } from 'drizzle-orm';
import Stripe from 'stripe';
import { payments } from '@/db/schema';
import { systemContext } from '@/server/services/context';
import { createCustomer } from '@/server/services/customers/create';
import { createInvoice } from '@/server/services/invoices/create';
import { receiveStripeWebhook } from '@/server/services/payments/receive-stripe-event';
import { withBenchDatabase } from './support';

const INVOICES = 400;
const CONCURRENCY = 16;
const secret = 'whsec_bench_secret';

/** Runs `jobs` with at most CONCURRENCY in flight; events per second. */
async function pump(jobs: Array<() => Promise<unknown>>): Promise<number> {
  const queue = [...jobs];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }),
  );
  return jobs.length / ((performance.now() - start) / 1000);
}

/**
 * Stripe webhook intake on real PostgreSQL: signature check, store-once, handling and the
 * payment with its invoice settlement, for distinct events; then every event delivered again,
 * which must only find the stored event. Prints throughput and the duplicate/first cost ratio.
 */
export async function webhooksBench() {
  process.env.STRIPE_SECRET_KEY = 'sk_test_bench';
  process.env.STRIPE_WEBHOOK_SECRET = secret;
  await withBenchDatabase(async ({ db }) => {
    const ctx = systemContext(db, new Date());
    const bodies: string[] = [];
    for (let i = 0; i < INVOICES; i++) {
      const customer = await createCustomer(ctx, { name: `Bench ${i}`, email: `bench-${i}@example.test` });
      const invoice = await createInvoice(ctx, {
        customerId: customer.id,
        status: 'pending',
        items: [{ description: 'Hosting', quantity: 1000n, unitPrice: 2500n, taxRate: 0n }],
      });
      bodies.push(
        JSON.stringify({
          id: `evt_bench_${i}`,
          object: 'event',
          type: 'checkout.session.completed',
          created: Math.floor(Date.now() / 1000),
          data: {
            object: {
              id: `cs_bench_${i}`,
              object: 'checkout.session',
              mode: 'payment',
              payment_status: 'paid',
              status: 'complete',
              payment_intent: `pi_bench_${i}`,
              amount_total: 2500,
              currency: 'usd',
              client_reference_id: invoice.id,
              metadata: { invoice_id: invoice.id },
            },
          },
        }),
      );
    }
    const deliver = (body: string) => async () => {
      const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
      const answer = await receiveStripeWebhook(db, { rawBody: body, signature, now: new Date() });
      if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    };
    const first = await pump(bodies.map(deliver));
    const repeat = await pump(bodies.map(deliver));
    const [recorded] = await db.select({ n: count() }).from(payments);
    console.info(`distinct events: ${first.toFixed(0)}/s (${INVOICES} invoices paid, ${CONCURRENCY} in flight)`);
    console.info(`redeliveries:    ${repeat.toFixed(0)}/s`);
    console.info(`a redelivery costs 1/${(repeat / first).toFixed(2)} of a first delivery`);
    console.info(`payments recorded: ${recorded!.n} of ${INVOICES} (must be equal)`);
  });
}
