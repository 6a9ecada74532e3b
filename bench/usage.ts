import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { installDatabase } from '@/server/db';
import { reportUsageBatchRoute } from '@/server/rest/routes/usage';
import { createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { createProduct } from '@/server/services/catalog/create-product';
import { systemContext } from '@/server/services/context';
import { createCustomer } from '@/server/services/customers/create';
import { placeOrder } from '@/server/services/orders/place';
import { createApiKey } from '@/server/services/people/api-keys';
import { withBenchDatabase } from './support';

const CUSTOMERS = 20;
const SERVICES_PER_CUSTOMER = 5;
const BATCHES = 100;
const BATCH = 1000;
const IN_FLIGHT = 4;

type Wire = { service_id: string; quantity: string | number; id: string; occurred_at: string };

/** The route handler behind a plain node:http server, as `next start` puts it behind one. */
async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`http://localhost${incoming.url}`, { method: incoming.method, headers, body: Buffer.concat(chunks) });
    const response = await reportUsageBatchRoute.handler(request, { params: Promise.resolve({}) });
    outgoing.writeHead(response.status, { 'content-type': 'application/json' });
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/v1/usage/batch`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs the jobs with IN_FLIGHT at a time; seconds taken. */
async function pump(jobs: Array<() => Promise<void>>): Promise<number> {
  const queue = [...jobs];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }),
  );
  return (performance.now() - start) / 1000;
}

/**
 * Usage ingestion: 100,000 records in 1,000-record batches POSTed to /api/v1/usage/batch over
 * HTTP (the real route handler: key check, parsing, scope and idempotent insert), then the
 * same batches again (every id already stored), then the same rows written by plain multi-row
 * INSERTs through postgres.js — the ceiling the endpoint is measured against.
 */
export async function usageBench() {
  await withBenchDatabase(async (handle, sql) => {
    installDatabase(handle);
    const ctx = systemContext(handle.db, new Date());
    const product = await createProduct(
      ctx,
      camelized(createProductInput).parse({ name: 'API calls', type: 'recurring', prices: [{ cycle: 'monthly', currency: 'USD', amount: 0 }] }),
    );
    for (let c = 0; c < CUSTOMERS; c++) {
      const customer = await createCustomer(ctx, { name: `Metered ${c}`, email: `metered-${c}@bench.test` });
      await placeOrder(
        ctx,
        camelized(placeOrderInput).parse({
          customer_id: customer.id,
          billing_day: 1,
          items: Array.from({ length: SERVICES_PER_CUSTOMER }, () => ({ product_id: product.id, cycle: 'monthly' })),
        }),
      );
    }
    const serviceIds = (await sql<{ id: string }[]>`update services set usage_unit_price = 0.015 returning id`).map((s) => s.id);
    const { key } = await createApiKey(ctx, { name: 'bench', role: 'admin' });

    const batches: Wire[][] = Array.from({ length: BATCHES }, (_, b) =>
      Array.from({ length: BATCH }, (_, j) => {
        const i = b * BATCH + j;
        const micro = (i * 7_919_993) % 99_999_989;
        const quantity = `${Math.floor(micro / 1e6)}.${String((micro % 1e6) + 1).padStart(6, '0')}`;
        return {
          service_id: serviceIds[i % serviceIds.length]!,
          quantity: i % 2 === 0 ? quantity : Number(quantity),
          id: `evt-${i}`,
          occurred_at: new Date(Date.UTC(2027, 0, 1) + i * 1000).toISOString(),
        };
      }),
    );
    const bodies = batches.map((records) => JSON.stringify({ records }));
    const server = await serve();
    let inserted = 0;
    const postAll = (count: boolean) =>
      pump(
        bodies.map((body) => async () => {
          const response = await fetch(server.url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
          const answer = (await response.json()) as { inserted: number };
          if (response.status !== 201) throw new Error(`batch answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
          if (count) inserted += answer.inserted;
        }),
      );
    const total = BATCHES * BATCH;
    const first = await postAll(true);
    const repeat = await postAll(false);
    await server.close();
    const [stored] = await sql<{ n: number }[]>`select count(*)::int as n from usage_records`;

    // The ceiling: the same rows, plainly inserted (on the bench client's 2 connections, which
    // the raw inserts saturate as well as 4 would).
    await sql`truncate usage_records`;
    const customerOf = new Map((await sql<{ id: string; customer_id: string }[]>`select id, customer_id from services`).map((s) => [s.id, s.customer_id]));
    const raw = await pump(
      batches.map((records) => async () => {
        const rows = records.map((r) => ({
          key: r.id,
          customer_id: customerOf.get(r.service_id)!,
          service_id: r.service_id,
          quantity: String(r.quantity),
          occurred_at: r.occurred_at,
        }));
        await sql`insert into usage_records ${sql(rows)}`;
      }),
    );

    const rate = total / first;
    console.info(`${serviceIds.length} usage services, ${BATCHES} batches of ${BATCH} records, ${IN_FLIGHT} in flight`);
    console.info(`POST /usage/batch over HTTP: ${total} records in ${first.toFixed(2)} s → ${rate.toFixed(0)} records/s (target ≥ 5000)`);
    console.info(`the same batches again (all stored): ${(total / repeat).toFixed(0)} records/s`);
    console.info(
      `raw multi-row INSERT of the same rows: ${raw.toFixed(2)} s → ${(total / raw).toFixed(0)} records/s; endpoint/raw ratio ${(raw / first).toFixed(2)}`,
    );
    console.info(`records stored: ${stored!.n} of ${total}, inserted answered: ${inserted} (must be equal)`);
  });
}
