import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { schema, type Database } from '@/db';
import { systemContext } from '@/server/services/context';
import { agingReport } from '@/server/services/reports/aging';
import { mrrReport } from '@/server/services/reports/mrr';
import { revenueReport } from '@/server/services/reports/revenue';
import { taxReport } from '@/server/services/reports/tax';
import { fmt, percentile, withBenchDatabase } from './support';

const arg = (name: string, fallback: number) => {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? Number(given.slice(name.length + 3).replaceAll('_', '')) : fallback;
};
const INVOICES = arg('invoices', 1_000_000);
const CUSTOMERS = 50_000;
const SERVICES = 30_000;
const DAYS = 1096; // 2024-01-01 … 2026-12-31
const runs = 20;
// A report slower than this is timed over a few runs only, so a slow one cannot stall the bench.
const slowMs = 2000;

/** Milliseconds of each timed call, sorted, after one warm-up call; fewer runs when it is slow. */
async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  const warm = performance.now();
  await fn();
  const count = performance.now() - warm > slowMs ? 3 : runs;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** A uuid made from a number, so rows can point at each other by arithmetic while seeding. */
const uuidOf = (n: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/**
 * Three years of a desk, set-based: invoices spread evenly over the days (85 % in USD, the rest
 * in four other currencies), every kind and status (2 % credit notes, 2 % debit notes, 1 %
 * proformas, drafts, cancelled, consolidation sources, open ones of every age), one or two lines
 * each at four tax rates, two payments per invoice (part a few days after issue, the rest later),
 * 1 % of payments refunded, and recurring services of every cycle with their orders'
 * activations and a few plan changes and seat changes in the audit log.
 */
async function seed(sql: postgres.Sql) {
  const n = INVOICES;
  await sql`insert into customers (id, name, email, currency)
    select ${sql.unsafe(uuidOf('c'))}, 'Customer ' || c, 'customer-' || c || '@bench.test', 'USD' from generate_series(1, ${CUSTOMERS}) c`;
  await sql.unsafe(`
    insert into invoices (id, kind, status, number, customer_id, currency, tax_mode, issue_date, due_date, subtotal, tax_total, total,
                          amount_paid, consolidated_into_id, purpose, deleted_at, created_at, updated_at)
    select ${uuidOf('i')}, k.kind::invoice_kind, s.status::invoice_status, case when s.status = 'draft' then null else 'B-' || i end,
           ${uuidOf('i % ' + CUSTOMERS + ' + 1')},
           case when i % 20 < 17 then 'USD' when i % 20 = 17 then 'EUR' when i % 20 = 18 then 'GBP' when i % 40 = 19 then 'CAD' else 'AUD' end,
           'exclusive', d.issue, d.issue + 14, m.subtotal, m.tax, m.subtotal + m.tax,
           case when k.kind = 'credit_note' or s.status = 'paid' then m.subtotal + m.tax
                when s.status = 'partial' then (m.subtotal + m.tax) / 2
                when s.status = 'cancelled' and i % 200 = 5 then (m.subtotal + m.tax) / 3 else 0 end,
           case when s.status = 'cancelled' and i % 200 = 5 then ${uuidOf('i - 1')} end,
           'renewal', case when s.status = 'draft' and i % 300 = 3 then now() end, d.issue, d.issue
    from generate_series(1::bigint, ${n}) i
    cross join lateral (select date '2024-01-01' + ((i - 1)::bigint * ${DAYS} / ${n})::int as issue) d
    cross join lateral (select case when i % 50 = 0 then 'credit_note' when i % 50 = 1 then 'debit_note' when i % 100 = 2 then 'proforma' else 'invoice' end as kind) k
    cross join lateral (select case
      when k.kind = 'credit_note' then 'paid'
      when i % 100 = 3 then 'draft'
      when i % 100 in (4, 5) then 'cancelled'
      when i % 100 = 6 then 'refunded'
      when i % 100 in (7, 8) or d.issue > date '2026-12-31' - 14 then 'pending'
      when i % 100 = 9 then 'partial'
      when i % 100 in (10, 11) then 'overdue'
      else 'paid' end as status) s
    cross join lateral (select 1000 + (i * 7919 % 99000)::bigint as subtotal, (1000 + (i * 7919 % 99000)) * (i % 4 * 5) / 100 as tax) m`);
  // Line 1 carries the invoice's rate (0, 5, 10 or 15 %); every other invoice has a tax-free
  // second line, so the tax report has five rates.
  await sql.unsafe(`
    insert into invoice_lines (invoice_id, position, description, quantity, unit_price, tax_rate, subtotal, tax, total)
    select ${uuidOf('i')}, l.position, 'Line ' || l.position, 1, l.subtotal, l.rate, l.subtotal, l.tax, l.subtotal + l.tax
    from generate_series(1::bigint, ${n}) i
    cross join lateral (select 1000 + (i * 7919 % 99000)::bigint as subtotal, (1000 + (i * 7919 % 99000)) * (i % 4 * 5) / 100 as tax) m
    cross join lateral (
      select 1 as position, (i % 4 * 5)::numeric as rate, case when i % 2 = 0 then m.subtotal - 500 else m.subtotal end as subtotal, m.tax
      union all select 2, 0, 500, 0 where i % 2 = 0
    ) l`);
  await sql.unsafe(`
    insert into payments (invoice_id, customer_id, amount, currency, method, paid_at, created_at)
    select inv.id, inv.customer_id, greatest(inv.total / 2, 1), inv.currency, 'card', t.at, t.at
    from invoices inv
    cross join generate_series(1, 2) p
    cross join lateral (select inv.issue_date::timestamp at time zone 'UTC' + make_interval(days => p * ((hashtext(inv.id::text) >> 16) & 15), secs => hashtext(inv.id::text) & 65535) as at) t`);
  await sql.unsafe(`
    insert into refunds (invoice_id, payment_id, amount, currency, method, refunded_at)
    select p.invoice_id, p.id, p.amount, p.currency, 'card', p.paid_at + interval '5 days'
    from payments p where hashtext(p.id::text) % 100 = 0`);
  // Services: cycles monthly … triennial, a tenth ended (cancelled or terminated), each on its
  // own order activated when placed; 2 % changed plan once and 1 % changed seats once.
  await sql`insert into products (id, name, type) values (${'00000000-0000-4000-8000-000000000000'}, 'Hosting', 'recurring')`;
  await sql.unsafe(`
    insert into orders (id, number, customer_id, name, status, currency, total, billing_day, due_days, start_date, created_at, updated_at)
    select ${uuidOf('s')}, 'O-' || s, ${uuidOf('s % ' + CUSTOMERS + ' + 1')}, 'Order ' || s, case when s % 10 = 0 then 'cancelled' else 'active' end::order_status,
           case when s % 20 < 17 then 'USD' else 'EUR' end, 0, 1, 14, t.at::date, t.at, t.at
    from generate_series(1, ${SERVICES}) s
    cross join lateral (select timestamptz '2024-01-01 09:00Z' + ((s - 1)::bigint * ${DAYS} / ${SERVICES}) * interval '1 day' as at) t;
    insert into services (id, order_id, customer_id, product_id, name, cycle, currency, price, status, billing_day, next_due_date,
                          recurring_discount, created_at, updated_at)
    select ${uuidOf('s')}, ${uuidOf('s')}, o.customer_id, '00000000-0000-4000-8000-000000000000', 'Service ' || s,
           (array['monthly', 'monthly', 'monthly', 'quarterly', 'semiannual', 'annual', 'biennial', 'triennial'])[s % 8 + 1]::price_cycle,
           o.currency, 1000 + s % 50 * 100, case when s % 10 = 0 then 'cancelled' when s % 10 = 5 then 'terminated' else 'active' end::service_status,
           1, o.start_date, case when s % 7 = 0 then 200 else 0 end, o.created_at,
           case when s % 10 in (0, 5) then o.created_at + interval '200 days' else o.created_at end
    from generate_series(1, ${SERVICES}) s join orders o on o.id = ${uuidOf('s')};
    insert into billing_schedule (service_id, billed_until, discount_cycles_left)
    select id, next_due_date, case when recurring_discount > 0 then 3 end from services;
    insert into audit_log (at, actor_type, actor_label, action, entity_type, entity_id)
    select created_at, 'system', 'bench', 'order.activated', 'order', id::text from orders;
    insert into audit_log (at, actor_type, actor_label, action, entity_type, entity_id, before)
    select created_at + interval '100 days', 'system', 'bench', 'service.plan_changed', 'service', id::text,
           jsonb_build_object('price', price - 300, 'cycle', 'monthly')
    from services where hashtext(id::text) % 50 = 0;
    insert into audit_log (at, actor_type, actor_label, action, entity_type, entity_id, before)
    select created_at + interval '60 days', 'system', 'bench', 'service.seats_changed', 'order', order_id::text,
           jsonb_build_object('serviceId', id, 'price', price + 500)
    from services where hashtext(id::text) % 100 = 1`);
  // The rollups as the daily compaction leaves them (one row per key), then as autovacuum leaves a
  // settled table: statistics, and a visibility map for index-only scans.
  await sql`select compact_report_rollups()`;
  await sql`vacuum analyze`;
}

/** Each report's statements, as the service sends them, captured from a logging Drizzle. */
type Captured = { query: string; params: unknown[] };

export async function reportsBench() {
  await withBenchDatabase(async ({ db }, sql) => {
    const seedStart = performance.now();
    await seed(sql);
    const [counts] = await sql<{ invoices: number; lines: number; payments: number; refunds: number; services: number; audit: number }[]>`
      select (select count(*) from invoices)::int as invoices, (select count(*) from invoice_lines)::int as lines,
             (select count(*) from payments)::int as payments, (select count(*) from refunds)::int as refunds,
             (select count(*) from services)::int as services, (select count(*) from audit_log)::int as audit`;
    console.info(
      `seeded ${counts!.invoices} invoices (${counts!.lines} lines), ${counts!.payments} payments, ${counts!.refunds} refunds, ` +
        `${counts!.services} services, ${counts!.audit} audit rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const ctx = systemContext(db, new Date('2027-01-01T00:00:00Z'));
    const captured: Captured[] = [];
    const logging = drizzle({
      client: sql,
      schema,
      logger: { logQuery: (query, params) => void captured.push({ query, params }) },
    }) as unknown as Database;
    const logged = systemContext(logging, ctx.now);

    const year = { from: '2026-01-01', to: '2026-12-31' };
    const all = { from: '2024-01-01', to: '2026-12-31' };
    const currency = 'USD';
    type Case = { name: string; range: string; run: (c: typeof ctx) => Promise<unknown>; bounded: boolean };
    const cases: Case[] = [
      { name: 'revenue by month', range: 'year', bounded: true, run: (c) => revenueReport(c, { ...year, interval: 'month', currency }) },
      { name: 'revenue by month', range: 'all', bounded: false, run: (c) => revenueReport(c, { ...all, interval: 'month', currency }) },
      { name: 'revenue by day', range: 'year', bounded: true, run: (c) => revenueReport(c, { ...year, interval: 'day', currency }) },
      { name: 'aging', range: 'as of 2025-12-31', bounded: false, run: (c) => agingReport(c, { asOf: '2025-12-31', currency }) },
      { name: 'aging', range: 'as of 2026-12-31', bounded: false, run: (c) => agingReport(c, { asOf: '2026-12-31', currency }) },
      { name: 'MRR', range: 'year', bounded: false, run: (c) => mrrReport(c, { ...year, currency }) },
      { name: 'MRR', range: 'all', bounded: false, run: (c) => mrrReport(c, { ...all, currency }) },
      { name: 'tax', range: 'year', bounded: true, run: (c) => taxReport(c, { ...year, currency }) },
      { name: 'tax', range: 'all', bounded: false, run: (c) => taxReport(c, { ...all, currency }) },
    ];

    const plans: string[] = [];
    let worst = 0;
    let seqScans = 0;
    console.info(
      `\n${'report'.padEnd(18)} ${'range'.padEnd(18)} ${'p50'.padStart(11)} ${'p95'.padStart(11)}   (${runs} runs after a warm-up; 3 when slower than ${slowMs} ms)`,
    );
    for (const c of cases) {
      const times = await timed(() => c.run(ctx));
      const [p50, p95] = [percentile(times, 0.5), percentile(times, 0.95)];
      worst = Math.max(worst, p95);
      console.info(`${c.name.padEnd(18)} ${c.range.padEnd(18)} ${fmt(p50).padStart(11)} ${fmt(p95).padStart(11)}   ${times.length} runs`);

      captured.length = 0;
      await c.run(logged);
      const main = captured.at(-1)!;
      const plan = (await sql.unsafe(`explain ${main.query}`, main.params as postgres.ParameterOrJSON<never>[])).map((r) => r['QUERY PLAN'] as string);
      const scans = plan.filter((line) => /Seq Scan on (invoices|payments|refunds|invoice_lines)\b/.test(line));
      const indexes = [
        ...new Set(
          plan.flatMap(
            (line) =>
              line
                .match(/Index (?:Only )?Scan(?: Backward)? using (\w+)|Bitmap Index Scan on (\w+)/)
                ?.slice(1)
                .filter(Boolean) ?? [],
          ),
        ),
      ];
      if (c.bounded) seqScans += scans.length;
      plans.push(
        `-- ${c.name}, ${c.range}: indexes ${indexes.join(', ') || 'none'}; sequential scans: ${
          scans
            .map(
              (s) =>
                s
                  .trim()
                  .replace(/^->\s*/, '')
                  .split('  ')[0],
            )
            .join(', ') || 'none'
        }`,
        ...(process.argv.includes('--plans') ? plan : []),
      );
    }
    console.info(`slowest p95 ${fmt(worst)} → ${worst < 300 ? 'within' : 'OVER'} the 300 ms bar`);
    console.info(`\nplans (EXPLAIN of each report's main statement; --plans prints them whole):`);
    for (const line of plans) console.info(line);
    console.info(`one-year ranges: ${seqScans === 0 ? 'no' : seqScans} sequential scan(s) on invoices, lines, payments or refunds`);
  });
}
