import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { services } from '@/db/schema';
import type { Scope } from '@/server/auth/actor';
import { cycleMonths } from '@/server/billing/periods';
import type { MrrReportInput } from '@/server/schemas/reports';
import type { ServiceContext } from '@/server/services/context';
import { dayStart, inScope, minorColumn, reportCurrency, requireReports, withoutJit } from './shared';

export type MrrRow = { period: string; mrr: bigint; new: bigint; expansion: bigint; contraction: bigint; churned: bigint };
export type MrrReport = { currency: string; rows: MrrRow[] };

// Months per cycle, from the same table as monthlyAmount(), so SQL and the pure rule agree.
const monthsOf = (cycle: SQL) =>
  sql`case ${cycle} ${sql.join(
    Object.entries(cycleMonths).map(([name, months]) => sql`when ${name} then ${sql.raw(String(months))}`),
    sql` `,
  )} end`;

/**
 * The recurring services that ever ran, with when they started and ended (docs/reports.md, "MRR").
 * There is no status history, so:
 * - a service runs from the latest of its creation, its order's start date and, for a store
 *   order, the order's first activation (the `order.activated` audit row: paid or approved) — it
 *   bills nothing before; a contract's services are created running (placed active, or
 *   activated from draft);
 * - one now active or suspended still runs (suspension is a collection step, not an ending);
 * - one now cancelled or terminated ended at its `updated_at` — those statuses are final, so
 *   its last write is the one that ended it — and counts only if it ever ran: a contract's, or
 *   a store order's that was activated (one cancelled while still pending never ran);
 * - pending and failed services have not run; usage services have no fixed recurring price;
 *   services of an order paused now count nowhere (a pause leaves no dated trace), and a
 *   contract's services run through its end date;
 * - so it runs at the instants after `live_from` up to `stops_at` included (the earlier of its
 *   ending and the end of its contract; null: still running).
 * The coupon discount is today's: the per-renewal discount while the schedule says renewals
 * are left to discount (or for ever), applied to every date.
 */
export const candidates = (currency: SQL) => sql`
  select s.id, s.customer_id, s.order_id, s.order_line_id, s.price, s.cycle::text as cycle, o.end_date,
         case when b.discount_cycles_left is null or b.discount_cycles_left > 0 then s.recurring_discount else 0 end as discount,
         greatest(s.created_at, ${dayStart(sql`o.start_date`)}, case when o.contract then s.created_at else coalesce(min(act.at), s.created_at) end) as live_from,
         case when s.status in ('cancelled', 'terminated') then s.updated_at end as ended_at,
         least(case when s.status in ('cancelled', 'terminated') then s.updated_at end, ${dayStart(sql`o.end_date + 1`)}) as stops_at,
         s.currency
  from services s
  join orders o on o.id = s.order_id
  left join billing_schedule b on b.service_id = s.id
  -- A join, not a look-up per service, so the planner may hash an order's activations when it
  -- reads most services (a report) and look them up when it reads a few.
  left join audit_log act on act.entity_type = 'order' and act.entity_id = s.order_id::text and act.action = 'order.activated'
  where ${currency} and s.usage_unit_price is null and s.cycle <> 'one_time' and o.status <> 'paused'
  group by s.id, o.id, b.service_id
  having s.status in ('active', 'suspended') or (s.status in ('cancelled', 'terminated') and (o.contract or min(act.at) is not null))`;

/**
 * The changes of candidate `c`'s price and cycle: the audit log keeps every change (plan changes,
 * price edits, seat changes) with the value before it (`plan`: a plan change, the one kind that
 * also keeps the cycle). So its value at an instant is the "before" of the first change made at
 * or after it, or the service's own when none was made since.
 */
const changesOf = sql`
  select a.at, a.id, (a.before->>'price')::bigint as price, a.before->>'cycle' as cycle, true as plan from audit_log a
  where a.entity_type = 'service' and a.entity_id = c.id::text and a.action = 'service.plan_changed'
  union all
  select a.at, a.id, round((a.before->>'unitPrice')::numeric * ol.quantity)::bigint, null, false from audit_log a
  join order_lines ol on ol.id = c.order_line_id
  where a.entity_type = 'order' and a.entity_id = c.order_id::text and a.action = 'order.price_edited'
    and a.before->>'line' = c.order_line_id::text
  union all
  select a.at, a.id, (a.before->>'price')::bigint, null, false from audit_log a
  where a.entity_type = 'order' and a.entity_id = c.order_id::text and a.action = 'service.seats_changed'
    and a.before->>'serviceId' = c.id::text`;

/**
 * MRR at the end of each month of [from, to] (the last at `to` when it ends sooner; API.md
 * "Reports"): every running recurring service's price after its recurring discount (never below
 * zero), normalised to a month (÷ 1, 3, 6, 12, 24, 36 by cycle) and rounded half away from zero
 * once per service; and the movements since the previous month's end (for the first month, the
 * end of the month before): new = MRR of services not running then; expansion / contraction =
 * rise / fall of services running at both dates; churned = MRR they had of services no longer
 * running. So mrr = previous mrr + new + expansion − contraction − churned. One SQL statement.
 */
export async function mrrReport(ctx: ServiceContext, input: MrrReportInput): Promise<MrrReport> {
  requireReports(ctx.actor);
  const { from, to } = input;
  const firstDay = sql`date_trunc('month', ${from}::date::timestamp)::date`;
  const currency = await reportCurrency(
    ctx.db,
    input.currency,
    sql`select c.currency from (${candidates(sql`true`)}) c
        where c.live_from < ${dayStart(sql`${to}::date + 1`)} and (c.ended_at is null or c.ended_at >= ${dayStart(firstDay)})`,
  );
  return { currency, rows: await mrrRows(ctx.db, { from, to, currency }, { kind: 'all' }) };
}

/** Whether candidate `c` runs at instant `at`. */
const runsAt = (at: SQL) => sql`(c.live_from < ${at} and (c.stops_at is null or c.stops_at >= ${at}))`;

/**
 * Whether candidate `c` runs at the end of UTC day `day` (the instant the next day begins): started
 * before it, not ended by it, and within its contract's end date.
 */
export const runsAfter = (day: SQL) => runsAt(dayStart(sql`${day} + 1`));

/** Candidate `c`'s MRR at a price and cycle: after its discount, never below zero, per month, rounded once. */
const monthly = (price: SQL, cycle: SQL) => sql`round(greatest(${price} - c.discount, 0)::numeric / ${monthsOf(cycle)})::bigint`;

/**
 * The MRR rows of [from, to] in `currency` over the recurring services of the book of `scope` (the
 * desk's reports: all; the dashboard: the caller's book).
 *
 * Most services never change price or cycle: their MRR is one figure from start to end, so the
 * months need only their starts and ends — new where one starts in a month and still runs at its
 * end, churned where one that ran before the month stops in it, the MRR a running sum of those
 * from the MRR before the first month (O(services + months), not services × months). Only the
 * services that changed (`changed`) are valued at each month end and the month before it, and
 * give the expansion and contraction. Per service the figures are the same either way.
 */
export async function mrrRows(db: Database, { from, to, currency }: { from: string; to: string; currency: string }, scope: Scope): Promise<MrrRow[]> {
  // Each month with its two instants: the end of the month before it (since) and its own end, or `to`'s (until).
  const periods = sql`
    select m.start, ${dayStart(sql`m.start`)} as since, ${dayStart(sql`m.at_date + 1`)} as until
    from (select gs::date as start, least((gs + interval '1 month' - interval '1 day')::date, ${to}::date) as at_date
          from generate_series(date_trunc('month', ${from}::date::timestamp), ${to}::date::timestamp, interval '1 month') gs) m`;
  const monthOf = (instant: SQL) => sql`date_trunc('month', ${instant} at time zone 'UTC')::date`;
  const report = sql`
    with periods as (${periods}),
    -- Materialized: whether each service ever changed is looked up once, not once per use.
    candidates as materialized (
      select c.*,
             exists (select from audit_log a where a.entity_type = 'service' and a.entity_id = c.id::text and a.action = 'service.plan_changed')
               or exists (select from audit_log a where a.entity_type = 'order' and a.entity_id = c.order_id::text
                            and a.action in ('order.price_edited', 'service.seats_changed')) as changed
      from (${candidates(sql`s.currency = ${currency} and ${inScope(services, 's', scope)}`)}) c
    ),
    steady as (
      select c.live_from, c.stops_at, ${monthly(sql`c.price`, sql`c.cycle`)} as mrr
      from candidates c where not c.changed
    ),
    opening as (select coalesce(sum(c.mrr), 0) as mrr from steady c where ${runsAt(sql`(select min(since) from periods)`)}),
    arrivals as (
      select p.start, sum(c.mrr) as new from periods p join steady c on ${monthOf(sql`c.live_from`)} = p.start
      where c.live_from < p.until and (c.stops_at is null or c.stops_at >= p.until)
      group by p.start
    ),
    departures as (
      select p.start, sum(c.mrr) as churned from periods p join steady c on ${monthOf(sql`c.stops_at`)} = p.start
      where c.stops_at < p.until and c.live_from < p.since
      group by p.start
    ),
    -- The services that changed: their changes, read once each, and their MRR at each instant a
    -- month starts or ends, from the first change at or after it.
    changes as (select c.id as service_id, ch.* from candidates c cross join lateral (${changesOf}) ch where c.changed),
    instants as (select until as at from periods union select since from periods),
    vals as (
      select i.at, c.id as service_id,
             ${monthly(
               sql`coalesce((array_agg(ch.price order by ch.at, ch.id))[1], c.price)`,
               sql`coalesce((array_agg(ch.cycle order by ch.at, ch.id) filter (where ch.plan))[1], c.cycle)`,
             )} as mrr
      from instants i
      join candidates c on c.changed and ${runsAt(sql`i.at`)}
      left join changes ch on ch.service_id = c.id and ch.at >= i.at
      group by i.at, c.id, c.price, c.cycle, c.discount
    ),
    -- Each month's two instants and each service's MRR at both, in one pass over vals.
    ends as (select start, until as at, true as cur from periods union all select start, since, false from periods),
    pairs as (
      select e.start, max(v.mrr) filter (where e.cur) as cur, max(v.mrr) filter (where not e.cur) as prev
      from ends e join vals v on v.at = e.at
      group by e.start, v.service_id
    ),
    shifts as (
      select x.start, sum(x.cur) as mrr,
             sum(x.cur) filter (where x.prev is null) as new,
             sum(x.cur - x.prev) filter (where x.cur > x.prev) as expansion,
             sum(x.prev - x.cur) filter (where x.cur < x.prev) as contraction,
             sum(x.prev) filter (where x.cur is null) as churned
      from pairs x group by x.start
    )
    select to_char(p.start, 'YYYY-MM') as period, p.start,
           (o.mrr + sum(coalesce(a.new, 0) - coalesce(d.churned, 0)) over (order by p.start) + coalesce(x.mrr, 0))::bigint as mrr,
           (coalesce(a.new, 0) + coalesce(x.new, 0))::bigint as new,
           coalesce(x.expansion, 0)::bigint as expansion,
           coalesce(x.contraction, 0)::bigint as contraction,
           (coalesce(d.churned, 0) + coalesce(x.churned, 0))::bigint as churned
    from periods p cross join opening o
    left join arrivals a on a.start = p.start
    left join departures d on d.start = p.start
    left join shifts x on x.start = p.start`;
  return withoutJit(db, (tx) =>
    tx
      .select({
        period: sql<string>`r.period`,
        mrr: minorColumn('mrr'),
        new: minorColumn('new'),
        expansion: minorColumn('expansion'),
        contraction: minorColumn('contraction'),
        churned: minorColumn('churned'),
      })
      .from(sql`(${report}) as r`)
      .orderBy(sql`r.start`),
  );
}
