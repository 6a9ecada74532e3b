import postgres from 'postgres';
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDueServices } from '@/scripts/seed/due-services';
import { systemActor } from '@/server/auth/actor';
import { createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { createProduct } from '@/server/services/catalog/create-product';
import { placeOrder } from '@/server/services/orders/place';
import { updateBillingSettings } from '@/server/services/settings/billing';
import { withTestDatabase } from '../support/database';
import { fakeHttp } from '../support/fake-http';
import { stripeId } from '../support/fake-server';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe';
import { ctxOf, givenCustomer, givenInvoice } from '../support/fixtures';
import { freePort, startServer, until, type ProductionServer } from './server';

/**
 * Crash safety: the production server is killed with SIGKILL in the middle of a billing run,
 * of a burst of Stripe webhooks and of a workflow step, then started again on the same
 * database. Nothing acknowledged may be lost, nothing may happen twice, and what was cut off
 * finishes after the restart. The phases share one database and run in order.
 */
const { db, url } = withTestDatabase();
const customers = 4_000;
const servicesPerCustomer = 5;
// A fixed past date: a run may be asked for any day up to today plus the renewal window.
const billingDate = '2026-03-01';
const burst = 40;
const apiKey = 'cd_crash_bootstrap_key_0123456789abcdef';
const webhookSecret = 'whsec_cashdesk_crash_secret';

let sql: postgres.Sql;
let stripe: FakeStripe;
let port: number;
let server: ProductionServer | undefined;
let kills = 0;

const start = async () => {
  server = await startServer(port, {
    DATABASE_URL: url(),
    CASHDESK_DEMO_SEED: 'never',
    CASHDESK_SECRET: 'crash-secret-that-is-long-enough-for-cashdesk',
    CASHDESK_BOOTSTRAP_API_KEY: apiKey,
    CASHDESK_SCHEDULER: 'off',
    CASHDESK_ALLOW_PRIVATE_URLS: '1',
    STRIPE_SECRET_KEY: 'sk_test_cashdesk_crash',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_URL: stripe.url,
  });
  return server;
};
const kill = async () => {
  await server!.kill();
  server = undefined;
  kills += 1;
};

beforeAll(async () => {
  sql = postgres(url(), { max: 4, onnotice: () => {} });
  port = await freePort();
  stripe = await startFakeStripe({ webhookSecret, webhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe` });
});
// Each phase starts from a server it started itself.
afterEach(async () => {
  await server?.kill();
  server = undefined;
});
afterAll(async () => {
  await stripe?.close();
  await sql?.end();
  console.info(`crash safety: ${kills} kills`);
});

const count = async (query: postgres.PendingQuery<postgres.Row[]>) => Number((await query)[0]!.n);

const billingRun = (base: string) =>
  fetch(`${base}/api/v1/billing-runs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ date: billingDate }),
  });

/** Per number stem ("INV-2026-"), the sequence numbers are exactly 1…n. */
async function expectGaplessNumbers() {
  const rows = await sql<{ number: string }[]>`select number from invoices where number is not null`;
  const byStem = new Map<string, number[]>();
  for (const { number } of rows) {
    const [, stem, seq] = /^(.*?)(\d+)$/.exec(number)!;
    byStem.set(stem!, [...(byStem.get(stem!) ?? []), Number(seq)]);
  }
  for (const [stem, seqs] of byStem) {
    expect(
      seqs.sort((a, b) => a - b),
      `invoice numbers ${stem}…`,
    ).toEqual(seqs.map((_, i) => i + 1));
  }
}

/** The workflow outbox is drained: every event handed on and every run it started finished. */
const drained = () =>
  until(
    'the workflow outbox to drain',
    async () =>
      (await count(sql`select count(*) as n from workflow_events where dispatched_at is null`)) === 0 &&
      (await count(sql`select count(*) as n from jobs where event_id is not null and status in ('queued', 'running')`)) === 0,
    60_000,
  );

describe('crash safety of the production server', () => {
  it('a billing run killed before it commits leaves nothing, and the rerun bills every service once', async () => {
    await seedDueServices(sql, { customers, servicesPerCustomer, date: billingDate, autoEmail: 'off' });
    // A run's dunning would remind each new invoice one e-mail at a time, minutes for thousands;
    // what is asserted here is the billing, so the desk sends no reminders.
    await updateBillingSettings(ctxOf(db(), systemActor(), new Date(`${billingDate}T00:05:00Z`)), { dunning: { reminder_days: [] } });
    const services = customers * servicesPerCustomer;
    const first = await start();

    // The run's last write is its audit row. Holding a lock on the audit log stops the run
    // right there, its invoices written but not committed, so the kill lands mid-transaction
    // every time rather than whenever the scheduler happens to let it.
    const blocker = await sql.reserve();
    await blocker`begin`;
    await blocker`lock table audit_log in share mode`;
    const request = billingRun(first.url).then(
      (r) => r.status,
      () => 0,
    );
    await until(
      'the billing run to reach its audit row',
      async () =>
        (await count(
          sql`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%audit_log%'`,
        )) > 0,
      60_000,
    );
    await kill();
    await blocker`rollback`;
    blocker.release();
    expect(await request, 'the killed request never answered').toBe(0);
    // The killed server's backend gives up its transaction (and the run lock) once it finds the client gone.
    await until('the killed run to roll back', async () => (await count(sql`select count(*) as n from pg_locks where locktype = 'advisory'`)) === 0);

    expect(await count(sql`select count(*) as n from invoices`)).toBe(0);
    expect(await count(sql`select count(*) as n from invoice_lines`)).toBe(0);
    expect(await count(sql`select coalesce(sum(last), 0) as n from number_counters where series = 'invoice'`)).toBe(0);
    expect(await count(sql`select count(*) as n from billing_schedule where billed_until <> ${billingDate}::date`)).toBe(0);
    expect(await count(sql`select count(*) as n from audit_log where action = 'billing.run'`)).toBe(0);
    expect(await count(sql`select count(*) as n from jobs where function = 'billing-run' and status = 'running'`)).toBe(1);

    const second = await start();
    // The restarted server tells the desk the killed run failed rather than leave it running.
    await until(
      'the killed run to be marked failed',
      async () => (await count(sql`select count(*) as n from jobs where function = 'billing-run' and status = 'failed'`)) === 1,
    );
    const rerunStarted = performance.now();
    const rerun = await billingRun(second.url);
    expect(rerun.status).toBe(200);
    const run = (await rerun.json()) as { invoices_created: number; services_billed: number };
    expect(run).toMatchObject({ invoices_created: customers, services_billed: services });
    const again = (await (await billingRun(second.url)).json()) as { invoices_created: number; services_billed: number };
    expect(again).toMatchObject({ invoices_created: 0, services_billed: 0 });

    expect(await count(sql`select count(*) as n from services s where (select count(*) from invoice_lines l where l.service_id = s.id) <> 1`)).toBe(0);
    expect(await count(sql`select count(*) as n from invoice_lines where service_id is not null and period_start = ${billingDate}::date`)).toBe(services);
    expect(await count(sql`select count(*) as n from billing_schedule where billed_until <> ${billingDate}::date + interval '1 month'`)).toBe(0);
    expect(await count(sql`select count(*) as n from invoices`)).toBe(customers);
    await expectGaplessNumbers();
    console.info(
      `billing: killed with ${services} services billed but uncommitted → 0 invoices left; rerun billed ${run.services_billed} services into ${run.invoices_created} invoices in ${((performance.now() - rerunStarted) / 1000).toFixed(1)} s; a second rerun billed ${again.services_billed}`,
    );
  });

  it('a burst of Stripe webhooks cut off by a kill records each payment exactly once after redelivery', async () => {
    const invoices = [];
    for (let i = 0; i < burst; i++) invoices.push(await givenInvoice(db(), { total: BigInt(1000 + i) }));
    const events = invoices.map((invoice) =>
      stripe.event('payment_intent.succeeded', {
        id: stripeId('pi'),
        object: 'payment_intent',
        amount: Number(invoice.total),
        amount_received: Number(invoice.total),
        currency: invoice.currency.toLowerCase(),
        status: 'succeeded',
        created: Math.floor(Date.now() / 1000),
        metadata: { invoice_id: invoice.id },
      }),
    );
    const paymentsFor = (event: Stripe.Event) =>
      count(sql`select count(*) as n from payments where provider = 'stripe' and provider_id = ${(event.data.object as { id: string }).id}`);

    // Eight deliveries at a time, as Stripe's retries overlap; the kill comes once a third are answered.
    const deliverAll = async (onAnswer: (event: Stripe.Event, status: number) => void) => {
      const queue = [...events];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let event = queue.shift(); event; event = queue.shift()) onAnswer(event, await stripe.deliver(event));
        }),
      );
    };
    await start();
    const acknowledged: Stripe.Event[] = [];
    let killing: Promise<void> | undefined;
    await deliverAll((event, status) => {
      if (status === 200) acknowledged.push(event);
      if (!killing && acknowledged.length >= burst / 3) killing = kill();
    });
    await killing;
    expect(acknowledged.length).toBeLessThan(burst);
    for (const event of acknowledged) expect(await paymentsFor(event), `acknowledged ${event.id}`).toBe(1);
    expect(await count(sql`select count(*) as n from (select invoice_id from payments group by invoice_id having count(*) > 1) doubled`)).toBe(0);
    const recordedBeforeRestart = await count(sql`select count(*) as n from payments`);

    await start();
    await deliverAll((_, status) => expect(status).toBe(200));
    for (const event of events) expect(await paymentsFor(event), event.id).toBe(1);
    expect(await count(sql`select count(*) as n from payments`)).toBe(burst);
    expect(await count(sql`select count(*) as n from gateway_events where provider = 'stripe' and processed_at is not null`)).toBe(burst);
    expect(await count(sql`select count(*) as n from invoices where id = any(${invoices.map((i) => i.id)}::uuid[]) and status = 'paid'`)).toBe(burst);

    // Each payment queued one "payment received" e-mail in the outbox, committed with it: what
    // the killed server left undispatched the restarted one sends, and nothing goes out twice.
    await drained();
    expect(await count(sql`select count(*) as n from workflow_events where name = 'payment/received'`)).toBe(burst);
    expect(await count(sql`select count(*) as n from email_outbox where template = 'payment_received'`)).toBe(burst);
    expect(await count(sql`select count(distinct invoice_id) as n from email_outbox where template = 'payment_received'`)).toBe(burst);
    await expectGaplessNumbers();
    console.info(
      `webhooks: ${burst} events, ${acknowledged.length} acknowledged before the kill (${recordedBeforeRestart} payments recorded), all ${burst} redelivered → ${burst} payments, ${burst} e-mails`,
    );
  });

  it('a provisioning step cut off by a kill resumes after the restart, and the queued order is set up too', async () => {
    let hold = true;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const held = new Promise<void>((resolve) => (reached = resolve));
    // A slow panel: the first call hangs until the server is dead; the rest answer at once.
    const panel = await fakeHttp(async () => {
      if (hold) {
        hold = false;
        reached();
        await released;
      }
      return { status: 201, body: { provisioned: true } };
    });
    try {
      const now = new Date();
      const ctx = ctxOf(db(), systemActor(), now);
      const product = await createProduct(
        ctx,
        camelized(createProductInput).parse({
          name: 'Game server',
          type: 'recurring',
          prices: [{ cycle: 'monthly', currency: 'USD', amount: 1500 }],
          provisioning_module: 'webhook',
          provisioning_url: `${panel.url}/provision`,
        }),
      );
      const orders = [];
      for (let i = 0; i < 2; i++) {
        const customer = await givenCustomer(db());
        orders.push(
          await placeOrder(ctx, camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] })),
        );
      }
      const [a, b] = orders as [(typeof orders)[0], (typeof orders)[0]];
      const pay = async (order: typeof a) => {
        const [invoice] = await sql<{ total: string }[]>`select total from invoices where id = ${order.invoiceId!}`;
        const status = await stripe.deliver(
          stripe.event('payment_intent.succeeded', {
            id: stripeId('pi'),
            object: 'payment_intent',
            amount: Number(invoice!.total),
            amount_received: Number(invoice!.total),
            currency: 'usd',
            status: 'succeeded',
            created: Math.floor(Date.now() / 1000),
            metadata: { invoice_id: order.invoiceId },
          }),
        );
        expect(status).toBe(200);
      };

      await start();
      await pay(a);
      await until('the provisioning call of the first order', () => held.then(() => true), 30_000);
      // The workflow loop is busy with that call, so the second order's event waits in the outbox.
      await pay(b);
      expect(await count(sql`select count(*) as n from workflow_events where event_id = ${`order-paid:${b.id}`} and dispatched_at is null`)).toBe(1);
      const [running] = await sql<
        { status: string; steps: { name: string }[] }[]
      >`select status, steps from jobs where function = 'activate-order' and subject_id = ${a.id}`;
      expect(running).toMatchObject({ status: 'running', steps: [{ name: 'find services to provision' }] });
      await kill();
      release();

      await start();
      await until(
        'both orders to go live',
        async () => (await count(sql`select count(*) as n from orders where id in (${a.id}, ${b.id}) and status = 'active'`)) === 2,
      );
      await drained();

      const keys = panel.requests.map((r) => String(r.headers['idempotency-key']));
      const keyOf = (order: typeof a) => `provision:${order.services[0]!.id}`;
      // The cut-off call is made again with the same key, so the panel sets the service up once.
      expect(keys.sort()).toEqual([keyOf(a), keyOf(a), keyOf(b)].sort());
      for (const order of orders) {
        expect(
          await count(sql`select count(*) as n from audit_log where action = 'service.provisioned' and after->>'serviceId' = ${order.services[0]!.id}`),
        ).toBe(1);
        expect(
          await count(sql`select count(*) as n from services where id = ${order.services[0]!.id} and provisioned_at is not null and status = 'active'`),
        ).toBe(1);
      }
      const jobs = await sql<{ subject_id: string; status: string; steps: { name: string; status: string }[] }[]>`
        select subject_id, status, steps from jobs where function = 'activate-order' order by subject_id`;
      expect(jobs).toHaveLength(2);
      for (const job of jobs) {
        expect(job.status).toBe('completed');
        // The finished lookup was replayed from the record, not run again.
        expect(job.steps.map((s) => s.name).filter((name) => name === 'find services to provision')).toHaveLength(1);
      }
      console.info(
        `workflow: killed during a provisioning call; after the restart ${panel.requests.length} calls for ${orders.length} services, both orders live, one job each`,
      );
    } finally {
      release();
      await panel.close();
    }
  });
});
