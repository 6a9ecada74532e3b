import type postgres from 'postgres';
import { seedDueServices } from '@/scripts/seed/due-services';
import { systemActor } from '@/server/auth/actor';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { withBenchCopies } from './support';

const customersCount = 20_000;
const servicesPerCustomer = 5;
const date = '2027-03-01';

/**
 * 100,000 active services across 20,000 customers (a third on contract orders) come due on one
 * date. On three fresh copies of that book, prints the run's throughput, its ratio to plain
 * multi-row INSERTs of the same invoice and line rows, and the time of a rerun, which must create
 * nothing; then the medians, which the targets are read against.
 */
export async function billingBench() {
  const rounds: Array<{ run: number; raw: number; rerun: number }> = [];
  await withBenchCopies(
    async (sql) => {
      const seedStart = performance.now();
      // A third of the orders are contract orders (issue 15), billed on their billing day.
      await seedDueServices(sql, { customers: customersCount, servicesPerCustomer, date, contractEvery: 3 });
      console.info(
        `seeded ${customersCount * servicesPerCustomer} active services for ${customersCount} customers (a third on contract orders) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
      );
    },
    3,
    async ({ db }, sql, round) => {
      const ctx = { db, actor: systemActor(), now: new Date(`${date}T00:05:00Z`) };
      const runStart = performance.now();
      const run = await runBilling(ctx, { date });
      const runSeconds = (performance.now() - runStart) / 1000;
      const [{ lines }] = await sql<[{ lines: number }]>`select count(*)::int as lines from invoice_lines`;
      const rawSeconds = await rawInsert(sql, run.invoicesCreated);
      const rerunStart = performance.now();
      const rerun = await runBilling({ ...ctx, now: new Date(`${date}T06:00:00Z`) }, { date });
      const rerunSeconds = (performance.now() - rerunStart) / 1000;
      rounds.push({ run: runSeconds, raw: rawSeconds, rerun: rerunSeconds });
      console.info(
        `round ${round + 1}: ${run.servicesBilled} services billed, ${run.invoicesCreated} invoices (${lines} lines) in ${runSeconds.toFixed(2)} s; raw ${rawSeconds.toFixed(2)} s; rerun ${rerun.invoicesCreated} invoices in ${rerunSeconds.toFixed(2)} s`,
      );
    },
  );
  const median = (pick: (round: (typeof rounds)[number]) => number) => rounds.map(pick).sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!;
  const [run, raw, rerun] = [median((r) => r.run), median((r) => r.raw), median((r) => r.rerun)];
  console.info(`billing run ${date}, median of ${rounds.length}: ${run.toFixed(2)} s → ${(customersCount / run).toFixed(0)} invoices/s`);
  console.info(`raw multi-row INSERT of the same rows, median: ${raw.toFixed(2)} s → run/raw speed ratio ${(raw / run).toFixed(2)} (target ≥ 0.6)`);
  console.info(`rerun, median: ${rerun.toFixed(2)} s = ${((rerun / run) * 100).toFixed(1)} % of the first run (target < 5 %)`);
}

/**
 * Seconds to write `invoices` invoices and their lines through plain multi-row INSERTs (1,000
 * rows per statement) into tables shaped and indexed like the real ones, in one transaction.
 */
async function rawInsert(sql: postgres.Sql, invoices: number): Promise<number> {
  await sql`create table raw_invoices (like invoices including all)`;
  await sql`create table raw_lines (like invoice_lines including all)`;
  const rawStart = performance.now();
  await sql.begin(async (tx) => {
    for (let offset = 0; offset < invoices; offset += 1000) {
      const batch = Array.from({ length: Math.min(1000, invoices - offset) }, (_, i) => ({
        id: crypto.randomUUID(),
        n: offset + i,
      }));
      await tx`insert into raw_invoices ${tx(
        batch.map((b) => ({
          id: b.id,
          kind: 'invoice',
          status: 'pending',
          number: `RAW-${b.n}`,
          customer_id: b.id,
          currency: 'USD',
          tax_mode: 'exclusive',
          issue_date: date,
          due_date: date,
          subtotal: 6000,
          tax_total: 0,
          total: 6000,
          purpose: 'renewal',
        })),
      )}`;
      const rows = batch.flatMap((b) =>
        Array.from({ length: servicesPerCustomer }, (_, position) => ({
          invoice_id: b.id,
          position,
          description: 'Service',
          quantity: 1,
          unit_price: 1200,
          tax_rate: 0,
          subtotal: 1200,
          tax: 0,
          total: 1200,
          period_start: date,
          period_end: '2027-04-01',
        })),
      );
      for (let i = 0; i < rows.length; i += 1000) await tx`insert into raw_lines ${tx(rows.slice(i, i + 1000))}`;
    }
  });
  return (performance.now() - rawStart) / 1000;
}
