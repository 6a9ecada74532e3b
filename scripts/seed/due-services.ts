import type postgres from 'postgres';

export type DueServicesSeed = {
  customers: number;
  servicesPerCustomer: number;
  /** The date every service comes due (its next unbilled period starts then). */
  date: string;
  /** The orders' automatic invoice e-mail; 'off' keeps a run's invoices from queueing an e-mail each. */
  autoEmail?: 'off' | 'invoice';
  /** Every n-th order is a contract order (billed on its billing day, 2 seats a service); 0: none. */
  contractEvery?: number;
};

const productId = '00000000-0000-4000-8000-000000000001';

/**
 * Load for billing runs, in a handful of set-based statements (seconds for 100,000 services):
 * `customers` customers with one monthly order each of `servicesPerCustomer` active services,
 * all billed up to `date`, so a run for that date bills every one of them once.
 */
export async function seedDueServices(sql: postgres.Sql, seed: DueServicesSeed): Promise<void> {
  const { customers, servicesPerCustomer, date } = seed;
  const every = seed.contractEvery ?? 0;
  await sql`insert into products (id, name, type) values (${productId}, 'Bench plan', 'recurring')`;
  await sql`
    insert into customers (id, name, email, currency)
    select gen_random_uuid(), 'Customer ' || i, 'bench-' || i || '@bench.test', 'USD' from generate_series(1, ${customers}) i`;
  await sql`
    insert into orders (id, number, customer_id, name, status, currency, total, billing_day, due_days, start_date, auto_email, contract)
    select gen_random_uuid(), 'ORD-B-' || row_number() over (), id, 'Bench order', 'active', 'USD', 0,
           extract(day from ${date}::date)::int, 30, ${date}::date - interval '1 month', ${seed.autoEmail ?? 'invoice'},
           coalesce(row_number() over () % nullif(${every}::int, 0) = 0, false)
    from customers`;
  await sql`
    insert into services (order_id, customer_id, product_id, name, cycle, currency, price, quantity, status, billing_day,
                          period_start, period_end, next_due_date)
    select o.id, o.customer_id, ${productId}, 'Service ' || s, 'monthly', 'USD',
           (1000 + (s * 37) % 500) * q.seats, q.seats, 'active', o.billing_day,
           ${date}::date - interval '1 month', ${date}::date, ${date}::date
    from orders o cross join generate_series(1, ${servicesPerCustomer}) s
    cross join lateral (select case when o.contract then 2 else 1 end as seats) q`;
  await sql`insert into billing_schedule (service_id, billed_until) select id, ${date}::date from services`;
  await sql`analyze`;
}
