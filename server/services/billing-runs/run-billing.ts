import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { rowsOf } from '@/db/sql';
import { requirePermission } from '@/server/auth/actor';
import { exponentExceptions } from '@/server/billing/currency';
import { formatMilli, parseMilli } from '@/server/billing/decimal';
import { counterYear, formatNumber } from '@/server/billing/numbering';
import { addDays } from '@/server/billing/periods';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { snapshotOfRow } from '@/server/services/invoices/snapshot';
import { cycleLabel } from '@/server/services/orders/place';
import { readBillingSettings } from '@/server/services/settings/read';
import { drawCredits } from '@/server/services/wallet/draw';
import { grantIncludedCredits } from '@/server/services/wallet/grant';
import { lapseCredits } from '@/server/services/wallet/lapse';
import { publishIssuedDocuments, publishWebhookEvents } from '@/server/services/webhooks/publish';
import { checkBillingDate } from './dates';

export type BillingRunResult = {
  date: string;
  invoicesCreated: number;
  servicesBilled: number;
  invoicesMarkedOverdue: number;
};

// Number of rows a statement touched, whichever driver ran it.

/**
 * The billing run for a date (DESIGN.md §4): every active service whose next unbilled period
 * starts within the renewal window gets it invoiced — one pending invoice per order and period,
 * a line per service — in a handful of set-based statements, whatever the number of services.
 * Idempotent: the unique (service, period start) of invoice lines and the run lock make a rerun,
 * a concurrent run or a retry after a crash bill nothing twice. Then past-due invoices are
 * marked overdue.
 */
export async function runBilling(ctx: ServiceContext, input: { date?: string | undefined }): Promise<BillingRunResult> {
  requirePermission(ctx.actor, 'billing.run');
  const date = await checkBillingDate(ctx.db, ctx.now, input.date);
  // Raw SQL parameters go to the driver as-is; both drivers take timestamps as ISO text.
  const now = sql`${ctx.now.toISOString()}::timestamptz`;
  return ctx.db.transaction(async (tx) => {
    // One run at a time; a second waits and then finds everything already billed.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cashdesk:billing-run'))`);
    const settings = await readBillingSettings(tx);
    const horizon = addDays(date, settings.renewal_window_days);
    const format = {
      prefix: settings.invoice_number.prefix,
      includeYear: settings.invoice_number.include_year,
      padding: settings.invoice_number.padding,
      reset: settings.invoice_number.reset,
    };
    const issueYear = Number(date.slice(0, 4));
    // The number without its sequence ("INV-2026-"); the statement appends the padded sequence.
    const stem = formatNumber(format, issueYear, 0n).slice(0, -format.padding);
    // A plan this large would otherwise be JIT-compiled on every run, which costs more than a
    // run with nothing to bill.
    await tx.execute(sql`set local jit = off`);
    // Its materialized steps and sorts hold a row per due service (100,000 in the bench): at the
    // default 4 MB each spills to temporary files, read back several times.
    await tx.execute(sql`set local work_mem = '64MB'`);
    const settingsRate = parseMilli(settings.tax_rate)!;
    // Per-line tax at the line's rate (a percent), rounded half away from zero (PostgreSQL's
    // round(numeric)), as billing/totals.ts.
    const taxOf = (amount: SQL, rate: SQL) =>
      settings.tax_mode === 'exclusive'
        ? sql`round(${amount}::numeric * ${rate} / 100)::bigint`
        : sql`round(${amount}::numeric * ${rate} / (100 + ${rate}))::bigint`;
    const net = (amount: SQL, rate: SQL) => (settings.tax_mode === 'exclusive' ? amount : sql`(${amount} - ${taxOf(amount, rate)})`);
    const gross = (amount: SQL, rate: SQL) => (settings.tax_mode === 'exclusive' ? sql`(${amount} + ${taxOf(amount, rate)})` : amount);

    const created = rowsOf(
      await tx.execute(sql`
      -- services_due and periods are read once, by candidates, so they are inlined into it instead
      -- of being copied twice more into tuplestores of every due service.
      with services_due as (
        select s.id, s.order_id, s.customer_id, s.currency, s.name, s.cycle, s.price, s.quantity, s.billing_day, s.options, s.cancel_at,
               s.recurring_discount, s.usage_unit_price, b.billed_until, b.discount_cycles_left,
               o.contract, o.end_date, o.due_days, o.name as order_name,
               -- Contract orders bill on their billing day, not ahead by the renewal window.
               case when o.contract then ${date}::date else ${horizon}::date end as bill_by,
               case s.cycle when 'monthly' then 1 when 'quarterly' then 3 when 'semiannual' then 6
                            when 'annual' then 12 when 'biennial' then 24 when 'triennial' then 36 end as months
        from billing_schedule b
        join services s on s.id = b.service_id
        join orders o on o.id = s.order_id
        where b.billed_until <= ${horizon}::date
          and s.status = 'active' and s.cycle <> 'one_time'
          -- A contract bills only while active (not draft, paused or completed), up to the run's
          -- date, and a period starting on its end date is still in it; a store order's end
          -- date ends it before that day.
          and (not o.contract or (o.status = 'active' and b.billed_until <= ${date}::date))
          and (o.end_date is null or b.billed_until < o.end_date or (o.contract and b.billed_until <= o.end_date))
      ),
      -- Every period from billed_until up to the horizon (normally one; more when a service
      -- fell behind), so a rerun for the same date finds nothing left to bill. Period k spans
      -- [billed_until + k cycles, billed_until + (k+1) cycles), months clamped to the billing day.
      periods as (
        select d.*, k,
               (f0 + (least(d.billing_day, extract(day from f0 + interval '1 month' - interval '1 day')::int) - 1)) as bill_start,
               (f1 + (least(d.billing_day, extract(day from f1 + interval '1 month' - interval '1 day')::int) - 1)) as bill_end
        from services_due d
        -- A cycle of m months lasts at least 28·m days, so no period beyond this k can start in time.
        cross join lateral generate_series(0, ((${horizon}::date - d.billed_until) / 28) / d.months) as k
        cross join lateral (
          select (date_trunc('month', d.billed_until) + make_interval(months => d.months * k))::date as f0,
                 (date_trunc('month', d.billed_until) + make_interval(months => d.months * (k + 1)))::date as f1
        ) target
      ),
      candidates as materialized (
        select p.id as service_id, p.order_id, p.customer_id, p.currency, p.name, p.cycle, p.price, p.quantity, p.k, p.options,
               p.recurring_discount, p.discount_cycles_left, p.bill_start as period_start, p.bill_end as period_end,
               p.contract, p.due_days, p.order_name, p.usage_unit_price, bill.invoice_date
        from periods p
        -- A period is invoiced on its start (in advance), a usage period on its end (in arrears):
        -- usage is billed once the period is over, with the order's lines for the period then starting.
        cross join lateral (select case when p.usage_unit_price is null then p.bill_start else p.bill_end end as invoice_date) bill
        -- billed_until moves with every billed period in the same transaction, so these periods are
        -- unbilled; were one not, the unique (service, period) of invoice lines would abort the run.
        where bill.invoice_date <= p.bill_by
          and (p.end_date is null or p.bill_start < p.end_date or (p.contract and p.bill_start <= p.end_date))
          -- A cancellation at the end of the paid period: nothing from that day on is billed.
          and (p.cancel_at is null or p.bill_start < p.cancel_at)
      ),
      -- A usage period's unbilled records: those before its end — the first period billed also
      -- takes records reported late for periods already billed, the next ones only their own.
      usage_used as materialized (
        select c.service_id, c.period_start, r.id as record_id, r.quantity
        from candidates c
        join usage_records r on r.service_id = c.service_id and r.invoice_id is null
          and r.occurred_at < (c.period_end::timestamp at time zone 'UTC')
          and (c.k = 0 or r.occurred_at >= (c.period_start::timestamp at time zone 'UTC'))
        where c.usage_unit_price is not null
      ),
      usage_totals as materialized (
        select service_id, period_start, sum(quantity) as used from usage_used group by service_id, period_start
      ),
      -- One invoice per order and invoice date. A period without usage makes no invoice of its own
      -- (its billed_until still advances); on an invoice made anyway it is a line of 0.
      groups as materialized (
        select g.*, gen_random_uuid() as invoice_id,
               -- Every line of an invoice takes its customer's rate (billing/tax-defaults.ts): exempt
               -- bills none, an override replaces the settings' rate.
               case when cu.tax_exempt then 0 else coalesce(cu.tax_rate_override, ${formatMilli(settingsRate)}::numeric) end as tax_rate
        from (
          select order_id, invoice_date, min(customer_id::text)::uuid as customer_id, min(currency) as currency,
                 bool_or(contract) as contract, min(due_days) as due_days, min(order_name) as order_name
          from candidates c
          where c.usage_unit_price is null
             or exists (select 1 from usage_totals u where u.service_id = c.service_id and u.period_start = c.period_start)
          group by order_id, invoice_date
        ) g
        join customers cu on cu.id = g.customer_id
      ),
      items as materialized (
        select c.service_id, g.invoice_id, g.tax_rate, c.period_start, c.period_end, 0 as kind,
               -- As the first invoice names it (orders/place.ts: planLineLabel, chosenOptionsLine).
               c.name || ' (' || (${JSON.stringify(cycleLabel)}::jsonb ->> c.cycle::text) || ') ' || c.period_start || ' – ' || (c.period_end - 1)
                 || case when c.options = '[]'::jsonb then '' else E'\n' || (
                      select string_agg(case when (o ->> 'quantity')::int > 1
                                             then case when position(': ' in o ->> 'name') > 0
                                                       then left(o ->> 'name', position(': ' in o ->> 'name') + 1) || (o ->> 'quantity') || ' × '
                                                            || substr(o ->> 'name', position(': ' in o ->> 'name') + 2)
                                                       else (o ->> 'quantity') || ' × ' || (o ->> 'name') end
                                             else o ->> 'name' end, ' · ' order by n)
                      from jsonb_array_elements(c.options) with ordinality as chosen(o, n)) end as description,
               c.price as amount, seats.quantity, c.price / seats.quantity as unit_price
        from candidates c join groups g on g.order_id = c.order_id and g.invoice_date = c.invoice_date
        -- Seats: quantity × unit price (price is seats × unit price, so it divides; a price
        -- changed since, which might not, stays one line of quantity 1).
        cross join lateral (select case when c.price % c.quantity = 0 then c.quantity else 1 end as quantity) seats
        where c.usage_unit_price is null
        union all
        select c.service_id, g.invoice_id, g.tax_rate, c.period_start, c.period_end, 1,
               'Discount: ' || c.name, -c.recurring_discount, 1, -c.recurring_discount
        from candidates c join groups g on g.order_id = c.order_id and g.invoice_date = c.invoice_date
        where c.recurring_discount > 0 and (c.discount_cycles_left is null or c.k < c.discount_cycles_left)
        union all
        -- Usage: Σ quantity × unit price in exact numeric, rounded half away from zero once.
        -- An invoice line holds a quantity of 3 decimals (below 10^12) and a whole unit price, so
        -- units × price are itemized only when both fit; otherwise the line is 1 × the amount and
        -- its description says the exact units × price (in major units), so the line's own
        -- arithmetic, which edits and credit notes reprice by, still gives its amount.
        select c.service_id, g.invoice_id, g.tax_rate, c.period_start, c.period_end, 0,
               c.name || ' usage ' || c.period_start || ' – ' || (c.period_end - 1)
                 || case when metered.itemized then ''
                         else ': ' || trim_scale(metered.used) || ' × '
                              || trim_scale(c.usage_unit_price / power(10::numeric, coalesce((${JSON.stringify(exponentExceptions)}::jsonb ->> c.currency)::int, 2)))
                              || ' ' || c.currency end,
               metered.amount,
               case when metered.itemized then metered.used else 1 end,
               case when metered.itemized then c.usage_unit_price else metered.amount end
        from candidates c join groups g on g.order_id = c.order_id and g.invoice_date = c.invoice_date
        left join usage_totals u on u.service_id = c.service_id and u.period_start = c.period_start
        cross join lateral (
          select coalesce(u.used, 0) as used, round(coalesce(u.used, 0) * c.usage_unit_price)::bigint as amount,
                 coalesce(u.used, 0) = trunc(coalesce(u.used, 0)) and coalesce(u.used, 0) < 1e12
                   and c.usage_unit_price = trunc(c.usage_unit_price) as itemized
        ) metered
        where c.usage_unit_price is not null
      ),
      lines as materialized (
        select invoice_id, service_id, period_start, period_end, description, amount, kind, quantity, unit_price, tax_rate,
               ${net(sql`amount`, sql`tax_rate`)} as subtotal, ${taxOf(sql`amount`, sql`tax_rate`)} as tax,
               ${gross(sql`amount`, sql`tax_rate`)} as total,
               -- The fees of the period starting first, then the usage of the period that ended.
               (row_number() over (partition by invoice_id order by period_start desc, service_id, kind) - 1)::int as position
        from items
      ),
      -- Reserve a block of invoice numbers as large as the run, in the same statement: gapless,
      -- since the reservation commits or rolls back with the invoices.
      counter as (
        insert into number_counters (series, year, last)
        values ('invoice', ${counterYear(format, issueYear)}, (select count(*) from groups))
        on conflict (series, year) do update set last = number_counters.last + excluded.last
        returning last
      ),
      numbered as materialized (
        select g.*, ((select last from counter) - (select count(*) from groups) + row_number() over (order by g.customer_id, g.invoice_id))::text as seq
        from groups g
      ),
      new_invoices as (
        insert into invoices (id, kind, status, number, customer_id, order_id, currency, tax_mode, issue_date, due_date,
                              subtotal, tax_total, total, order_name, customer_snapshot, purpose, created_at, updated_at)
        select g.invoice_id, 'invoice', 'pending',
               ${stem} || case when length(g.seq) >= ${format.padding} then g.seq else lpad(g.seq, ${format.padding}, '0') end,
               g.customer_id, g.order_id, g.currency, ${settings.tax_mode},
               -- A contract's invoice is issued on its billing day (the period start) and due its
               -- due days later, and shows the order's name; a renewal is issued on the run's date.
               case when g.contract then g.invoice_date else ${date}::date end,
               case when g.contract then g.invoice_date + g.due_days else greatest(g.invoice_date, ${date}::date) end,
               t.subtotal, t.tax, t.total, case when g.contract then g.order_name end,
               -- Numbered now, so addressed now: a later change to the customer leaves it as issued.
               ${snapshotOfRow('addressee')}, 'renewal', ${now}, ${now}
        from numbered g
        join (select invoice_id, sum(subtotal)::bigint as subtotal, sum(tax)::bigint as tax, sum(total)::bigint as total
              from lines group by invoice_id) t on t.invoice_id = g.invoice_id
        join customers addressee on addressee.id = g.customer_id
        returning id
      ),
      new_lines as (
        insert into invoice_lines (invoice_id, position, description, quantity, unit_price, tax_rate, subtotal, tax, total,
                                   service_id, period_start, period_end, code)
        -- Only the plan line claims the (service, period); a discount line just sits beside it.
        -- Both carry the product's tax code (HSN/SAC): a discount reduces that supply.
        select invoice_id, position, description, quantity, unit_price, lines.tax_rate, subtotal, tax, total,
               case when kind = 0 then service_id end, period_start, period_end, codes.tax_code
        from lines
        left join (select cs.id, cp.tax_code from services cs join products cp on cp.id = cs.product_id where cp.tax_code is not null) codes
          on codes.id = lines.service_id
        returning 1
      ),
      -- Each new invoice is announced in the same statement that creates it (the workflow
      -- outbox), so its e-mail goes out exactly when it exists, unless the order opted out.
      announced as (
        insert into workflow_events (name, data, event_id)
        select 'invoice/created', jsonb_build_object('invoiceId', g.invoice_id), 'invoice-created:' || g.invoice_id
        from numbered g join orders o on o.id = g.order_id
        where o.auto_email <> 'off'
        returning 1
      ),
      -- The records a usage line billed are its invoice's; a later run sums only unbilled ones.
      billed_usage as (
        update usage_records r set invoice_id = g.invoice_id
        from usage_used u
        join candidates c on c.service_id = u.service_id and c.period_start = u.period_start
        join groups g on g.order_id = c.order_id and g.invoice_date = c.invoice_date
        where r.id = u.record_id
        returning 1
      ),
      advanced as (
        update billing_schedule b
        set billed_until = c.until,
            discount_cycles_left = case when b.discount_cycles_left is null then null
                                        else greatest(b.discount_cycles_left - c.periods, 0) end
        from (select service_id, max(period_end) as until, count(*)::int as periods from candidates group by service_id) c
        where b.service_id = c.service_id
        returning 1
      )
      select (select count(*) from new_invoices)::int as invoices,
             (select count(distinct service_id) from candidates)::int as services,
             (select count(*) from new_lines)::int as lines,
             (select count(*) from advanced)::int as advanced,
             (select string_agg(id::text, ',') from new_invoices) as invoice_ids`),
    );
    // A contract past its end date with nothing left to bill (every service's next period starts
    // after the end date) is completed; its services are left as they are.
    await tx.execute(sql`
      update orders o set status = 'completed', updated_at = ${now}
      where o.contract and o.status = 'active' and o.end_date < ${date}::date
        and not exists (select 1 from services s join billing_schedule b on b.service_id = s.id
                        where s.order_id = o.id and s.status = 'active' and b.billed_until <= o.end_date)`);
    const invoicesCreated = Number(created[0]?.invoices ?? 0);
    const servicesBilled = Number(created[0]?.services ?? 0);
    // Prepaid wallets (docs/contract-orders.md), in this order: usage the new invoices bill in
    // arrears draws first, so the period that just ended spends its own credits before they
    // lapse; then grants whose period ended lapse; last the new invoices grant their period's
    // credits, pending until paid, so nothing of them is drawn or lapsed by this run.
    const newInvoices = created[0]?.invoice_ids ? String(created[0].invoice_ids).split(',') : [];
    await drawCredits(tx, newInvoices, ctx.now);
    await lapseCredits(tx, date, ctx.now);
    await grantIncludedCredits(tx, newInvoices, ctx.now);
    await publishIssuedDocuments(tx, newInvoices, ctx.now);

    const overdue = await markOverdueInvoices(tx, date, ctx.now);

    const result: BillingRunResult = {
      date,
      invoicesCreated,
      servicesBilled,
      invoicesMarkedOverdue: overdue,
    };
    await audit(tx, ctx.actor, 'billing.run', { type: 'billing_run', id: date }, { after: result });
    return result;
  });
}

/** Open invoices and debit notes past their due date become overdue; returns how many did. */
export async function markOverdueInvoices(db: Database, date: string, at: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const marked = rowsOf(
      await tx.execute(sql`
        update invoices set status = 'overdue', updated_at = ${at.toISOString()}::timestamptz
        where status in ('pending', 'partial') and kind in ('invoice', 'debit_note') and due_date < ${date}::date
        returning id`),
    );
    await publishWebhookEvents(
      tx,
      'invoice.overdue',
      'invoice',
      marked.map((row) => String(row.id)),
      at,
    );
    return marked.length;
  });
}
