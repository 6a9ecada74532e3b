import { desc } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { systemContext } from '@/server/services/context';
import { createCustomer } from '@/server/services/customers/create';
import { listCustomers } from '@/server/services/customers/list';
import { fmt, medianMs, withBenchDatabase } from './support';

const bookSize = 100_000;

/** Lists stay fast at any depth (keyset vs OFFSET), search on a large book, and create throughput. */
export async function customersBench() {
  await withBenchDatabase(async ({ db }, sql) => {
    const loadStart = performance.now();
    // Set-based load: one statement, not 100,000 round trips.
    await sql`
      insert into customers (name, email, currency, created_at)
      select 'Customer ' || i, 'customer-' || i || '@bench.test', 'USD',
             timestamp '2026-01-01' + i * interval '1 second'
      from generate_series(1, ${bookSize}) as i`;
    await sql`analyze customers`;
    console.info(`loaded ${bookSize} customers in ${fmt(performance.now() - loadStart)}`);

    const ctx = systemContext(db, new Date());
    const first = await medianMs(50, () => listCustomers(ctx, { limit: 50 }));

    // Walk to ~90% depth once to get a real cursor there.
    let cursor: string | undefined;
    for (let i = 0; i < Math.floor((bookSize * 0.9) / 200); i++) {
      cursor = (await listCustomers(ctx, { limit: 200, cursor })).nextCursor ?? undefined;
    }
    const deepKeyset = await medianMs(50, () => listCustomers(ctx, { limit: 50, cursor }));
    const deepOffset = await medianMs(20, () =>
      db
        .select()
        .from(customers)
        .orderBy(desc(customers.createdAt), desc(customers.id))
        .limit(50)
        .offset(bookSize * 0.9),
    );
    console.info(`first page (50):            ${fmt(first)}`);
    console.info(`page at 90% depth, keyset:  ${fmt(deepKeyset)}`);
    console.info(`page at 90% depth, OFFSET:  ${fmt(deepOffset)}  → keyset is ${(deepOffset / deepKeyset).toFixed(1)}× faster`);

    const search = await medianMs(20, () => listCustomers(ctx, { limit: 50, q: 'customer-99999@' }));
    console.info(`search on ${bookSize} (ILIKE): ${fmt(search)}`);

    const creates = 400;
    const sequentialStart = performance.now();
    for (let i = 0; i < creates; i++) {
      await createCustomer(ctx, { name: `Seq ${i}`, email: `seq-${i}@bench.test` });
    }
    const sequentialSeconds = (performance.now() - sequentialStart) / 1000;
    const concurrentStart = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let i = 0; i < creates / 8; i++) {
          await createCustomer(ctx, { name: `Par ${worker}-${i}`, email: `par-${worker}-${i}@bench.test` });
        }
      }),
    );
    const concurrentSeconds = (performance.now() - concurrentStart) / 1000;
    console.info(`create customer, sequential: ${(creates / sequentialSeconds).toFixed(0)}/s`);
    console.info(
      `create customer, 8 at once:  ${(creates / concurrentSeconds).toFixed(0)}/s (${(sequentialSeconds / concurrentSeconds).toFixed(1)}× sequential)`,
    );
  });
}
