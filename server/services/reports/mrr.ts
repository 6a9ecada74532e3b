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
 *   contract's services run through its end date.
 * The coupon discount is today's: the per-renewal discount while the schedule says renewals
 * are left to discount (or for ever), applied to every date.
 */
export const candidates = (currency: SQL) => sql`
  select s.id, s.customer_id, s.order_id, s.order_line_id, s.price, s.cycle::text as cycle, o.end_date,
         case when b.discount_cycles_left is null or b.discount_cycles_left > 0 then s.recurring_discount else 0 end as discount,
         greatest(s.created_at, ${dayStart(sql`o.start_date`)}, case when o.contract then s.created_at else coalesce(act.at, s.created_at) end) as live_from,
         case when s.status in ('cancelled', 'terminated') then s.updated_at end as ended_at,
         s.currency
  from services s
  join orders o on o.id = s.order_id
  left join billing_schedule b on b.service_id = s.id
  left join lateral (
    select min(a.at) as at from audit_log a
    where a.entity_type = 'order' and a.entity_id = s.order_id::text and a.action = 'order.activated'
  ) act on true
  where ${currency} and s.usage_unit_price is null and s.cycle <> 'one_time' and o.status <> 'paused'
    and (s.status in ('active', 'suspended') or (s.status in ('cancelled', 'terminated') and (o.contract or act.at is not null)))`;

/**
 * A service's price and cycle at an instant: the audit log keeps every change (plan changes,
 * price edits, seat changes) with the value before it, so the value at `at` is the "before" of
 * the first change made at or after `at`, or the service's own when none was made since.
 * Most services never changed (`changed`); for them the lookups are skipped, not run per date.
 */
const priceAt = (at: SQL) => sql`
  select ch.price from (
    select a.at, a.id, (a.before->>'price')::bigint as price from audit_log a
    where a.entity_type = 'service' and a.entity_id = c.id::text and a.action = 'service.plan_changed' and a.at >= ${at}
    union all
    select a.at, a.id, round((a.before->>'unitPrice')::numeric * ol.quantity)::bigint from audit_log a
    join order_lines ol on ol.id = c.order_line_id
    where a.entity_type = 'order' and a.entity_id = c.order_id::text and a.action = 'order.price_edited'
      and a.before->>'line' = c.order_line_id::text and a.at >= ${at}
    union all
    select a.at, a.id, (a.before->>'price')::bigint from audit_log a
    where a.entity_type = 'order' and a.entity_id = c.order_id::text and a.action = 'service.seats_changed'
      and a.before->>'serviceId' = c.id::text and a.at >= ${at}
  ) ch where c.changed order by ch.at, ch.id limit 1`;
const cycleAt = (at: SQL) => sql`
  select a.before->>'cycle' as cycle from audit_log a
  where c.changed and a.entity_type = 'service' and a.entity_id = c.id::text and a.action = 'service.plan_changed' and a.at >= ${at}
  order by a.at, a.id limit 1`;

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

/**
 * Whether candidate `c` runs at the end of UTC day `day` (the instant the next day begins): started
 * before it, not ended by it, and within its contract's end date.
 */
export const runsAfter = (day: SQL) => {
  const at = dayStart(sql`${day} + 1`);
  return sql`(c.live_from < ${at} and (c.ended_at is null or c.ended_at >= ${at}) and (c.end_date is null or ${day} <= c.end_date))`;
};

/**
 * The MRR rows of [from, to] in `currency` over the recurring services of the book of `scope` (the
 * desk's reports: all; the dashboard: the caller's book).
 */
export async function mrrRows(db: Database, { from, to, currency }: { from: string; to: string; currency: string }, scope: Scope): Promise<MrrRow[]> {
  const periods = sql`
    select gs::date as start, least((gs + interval '1 month' - interval '1 day')::date, ${to}::date) as at_date
    from generate_series(date_trunc('month', ${from}::date::timestamp), ${to}::date::timestamp, interval '1 month') gs`;
  const at = dayStart(sql`dt.d + 1`);
  const report = sql`
    with periods as (${periods}),
    dates as (select at_date as d from periods union select start - 1 from periods),
    -- Materialized: whether each service ever changed is looked up once, not once per date.
    candidates as materialized (
      select c.*,
             exists (select from audit_log a where a.entity_type = 'service' and a.entity_id = c.id::text and a.action = 'service.plan_changed')
               or exists (select from audit_log a where a.entity_type = 'order' and a.entity_id = c.order_id::text
                            and a.action in ('order.price_edited', 'service.seats_changed')) as changed
      from (${candidates(sql`s.currency = ${currency} and ${inScope(services, 's', scope)}`)}) c
    ),
    vals as (
      select dt.d, c.id as service_id,
             round(greatest(coalesce(pc.price, c.price) - c.discount, 0)::numeric / ${monthsOf(sql`coalesce(cc.cycle, c.cycle)`)})::bigint as mrr
      from dates dt
      join candidates c on ${runsAfter(sql`dt.d`)}
      left join lateral (${priceAt(at)}) pc on true
      left join lateral (${cycleAt(at)}) cc on true
    ),
    -- Each month's two dates, its end (cur) and the day before it began (prev), and each
    -- service's MRR at both, in one pass over vals rather than two scans of it per month.
    ends as (select start, at_date as d, true as cur from periods union all select start, start - 1, false from periods),
    pairs as (
      select e.start, max(v.mrr) filter (where e.cur) as cur, max(v.mrr) filter (where not e.cur) as prev
      from ends e join vals v on v.d = e.d
      group by e.start, v.service_id
    )
    select to_char(p.start, 'YYYY-MM') as period, p.start,
           coalesce(sum(x.cur), 0)::bigint as mrr,
           coalesce(sum(x.cur) filter (where x.prev is null), 0)::bigint as new,
           coalesce(sum(x.cur - x.prev) filter (where x.cur > x.prev), 0)::bigint as expansion,
           coalesce(sum(x.prev - x.cur) filter (where x.cur < x.prev), 0)::bigint as contraction,
           coalesce(sum(x.prev) filter (where x.cur is null), 0)::bigint as churned
    from periods p
    left join pairs x on x.start = p.start
    group by p.start`;
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
