import { seedDueServices } from '@/scripts/seed/due-services';
import { systemActor } from '@/server/auth/actor';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { withBenchDatabase } from './support';

const customersCount = 20_000;
const servicesPerCustomer = 5;
const date = '2027-03-01';

/**
 * 100,000 active services across 20,000 customers (a third on contract orders) come due on one date. Prints the run's
 * throughput, its ratio to plain multi-row INSERTs of the same invoice and line rows, and the
 * time of a rerun, which must create nothing.
 */
export async function billingBench() {
  await withBenchDatabase(async ({ db }, sql) => {
    const seedStart = performance.now();
    // A third of the orders are contract orders (issue 15), billed on their billing day.
    await seedDueServices(sql, { customers: customersCount, servicesPerCustomer, date, contractEvery: 3 });
    console.info(
      `seeded ${customersCount * servicesPerCustomer} active services for ${customersCount} customers (a third on contract orders) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const ctx = { db, actor: systemActor(), now: new Date(`${date}T00:05:00Z`) };
    const runStart = performance.now();
    const run = await runBilling(ctx, { date });
    const runSeconds = (performance.now() - runStart) / 1000;
    const [{ lines }] = await sql<[{ lines: number }]>`select count(*)::int as lines from invoice_lines`;
    console.info(
      `billing run ${date}: ${run.servicesBilled} services billed, ${run.invoicesCreated} invoices (${lines} lines) in ${runSeconds.toFixed(2)} s → ${(run.invoicesCreated / runSeconds).toFixed(0)} invoices/s`,
    );

    // The same number of invoice and line rows through plain multi-row INSERTs (1,000 rows per
    // statement) into tables shaped and indexed like the real ones.
    await sql`create table raw_invoices (like invoices including all)`;
    await sql`create table raw_lines (like invoice_lines including all)`;
    const rawStart = performance.now();
    await sql.begin(async (tx) => {
      for (let offset = 0; offset < run.invoicesCreated; offset += 1000) {
        const batch = Array.from({ length: Math.min(1000, run.invoicesCreated - offset) }, (_, i) => ({
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
    const rawSeconds = (performance.now() - rawStart) / 1000;
    console.info(
      `raw multi-row INSERT of the same rows: ${rawSeconds.toFixed(2)} s → run/raw speed ratio ${(rawSeconds / runSeconds).toFixed(2)} (target ≥ 0.6)`,
    );

    const rerunStart = performance.now();
    const rerun = await runBilling({ ...ctx, now: new Date(`${date}T06:00:00Z`) }, { date });
    const rerunSeconds = (performance.now() - rerunStart) / 1000;
    console.info(
      `rerun for ${date}: ${rerun.invoicesCreated} invoices in ${rerunSeconds.toFixed(2)} s = ${((rerunSeconds / runSeconds) * 100).toFixed(1)} % of the first run (target < 5 %)`,
    );
  });
}
