import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox, invoiceNotifications, invoices, jobs, orders, workflowEvents } from '@/db/schema';
import type { WorkflowEvent } from '@/inngest/events';
import { billingRun, dunningRun } from '@/inngest/functions/billing';
import { notifyCustomer } from '@/inngest/functions/notify';
import { systemActor } from '@/server/auth/actor';
import { addDays } from '@/server/billing/periods';
import { runWorkflow } from '@/server/jobs/executor';
import { dispatchPending, emitEvents, failInterrupted, resumeStalled, schedulerTick, type Runtime } from '@/server/jobs/runtime';
import { defineWorkflow } from '@/server/jobs/workflow';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { runDunning } from '@/server/services/billing-runs/run-dunning';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { refundPayment } from '@/server/services/payments/refund';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct, runOrderActivation } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (day: string) => ctxOf(db(), systemActor(), new Date(`${day}T12:00:00Z`));
const runtime = (workflows: Runtime['workflows']): Runtime => ({ mode: 'embedded', workflows, backoff: () => 0 });

/** Any event will do for the executor's tests: each test's runtime knows only its own workflow. */
const ping = (id: string): WorkflowEvent<'system/ping'> => ({ name: 'system/ping', id, data: { at: '2026-11-30T00:00:00.000Z' } });

/** A workflow of three steps counting how often each really ran; `failOnce` throws in step two once. */
function counted(id: string, options: { failOnce?: boolean; retries?: number } = {}) {
  const ran = { one: 0, two: 0, three: 0 };
  let failed = false;
  const workflow = defineWorkflow({
    id,
    triggers: [{ event: 'system/ping' }],
    retries: options.retries ?? 2,
    subject: (event) => ({ type: 'test', id: event.id }),
    handler: async ({ step }) => {
      const a = await step.run('one', async () => (ran.one++, 20));
      const b = await step.run('two', async () => {
        ran.two++;
        if (options.failOnce && !failed) {
          failed = true;
          throw new Error('provider timed out');
        }
        return 22;
      });
      return step.run('three', async () => (ran.three++, a + b));
    },
  });
  return { workflow, ran };
}

describe('the embedded executor', () => {
  it('retries a failing step without running the finished ones again', async () => {
    const { workflow, ran } = counted('retrying', { failOnce: true });
    const job = await runWorkflow(db(), workflow, ping('evt-retry'), { backoff: () => 0 });
    expect(job).toMatchObject({ status: 'completed', attempts: 2, output: 42 });
    expect(ran).toEqual({ one: 1, two: 2, three: 1 });
    expect(job.steps.map((s) => [s.name, s.status])).toEqual([
      ['one', 'completed'],
      ['two', 'completed'],
      ['three', 'completed'],
    ]);
  });

  it('fails the job with its error once the retries are spent', async () => {
    const failing = defineWorkflow({
      id: 'always-failing',
      triggers: [{ event: 'system/ping' }],
      retries: 1,
      subject: () => ({ type: 'test', id: 'x' }),
      handler: ({ step }) =>
        step.run('call', async () => {
          throw new Error('HTTP 502 from the provisioner');
        }),
    });
    const job = await runWorkflow(db(), failing, ping('evt-fail'), { backoff: () => 0 });
    expect(job).toMatchObject({ status: 'failed', attempts: 2, error: 'HTTP 502 from the provisioner' });
  });

  it('marks a console billing run its process died in as failed, leaving resumable and newer runs alone', async () => {
    const start = new Date('2027-02-01T09:00:00Z');
    const job = (subjectId: string, startedAt: Date, eventId: string | null = null) =>
      ({ function: 'console-run', subjectType: 'billing_run', subjectId, eventId, status: 'running', attempts: 1, startedAt }) as const;
    await db()
      .insert(jobs)
      .values([
        job('killed', new Date('2027-02-01T08:59:00Z')),
        job('resumable', new Date('2027-02-01T08:59:00Z'), 'evt-resumable'),
        job('another process, still going', new Date('2027-02-01T09:00:01Z')),
      ]);
    expect(await failInterrupted(db(), start, start)).toBe(1);
    const rows = await db().select({ subjectId: jobs.subjectId, status: jobs.status, error: jobs.error }).from(jobs).where(eq(jobs.function, 'console-run'));
    expect(rows.find((r) => r.subjectId === 'killed')).toMatchObject({ status: 'failed', error: expect.stringContaining('run it again') });
    expect(rows.filter((r) => r.subjectId !== 'killed').map((r) => r.status)).toEqual(['running', 'running']);
  });

  it('resumes a run its process died in: finished steps come from the record, the rest runs once', async () => {
    const { workflow, ran } = counted('resumed');
    // What a crash after step one leaves behind: the event taken, the job running, one step done.
    const { name, data } = ping('evt-crash');
    await db().insert(workflowEvents).values({ name, data, eventId: 'evt-crash', dispatchedAt: new Date() });
    await db()
      .insert(jobs)
      .values({
        function: 'resumed',
        subjectType: 'test',
        subjectId: 'evt-crash',
        eventId: 'evt-crash',
        status: 'running',
        attempts: 1,
        steps: [{ name: 'one', status: 'completed', startedAt: '2026-11-30T00:00:00Z', finishedAt: '2026-11-30T00:00:01Z', output: 20 }],
      });
    expect(await resumeStalled(db(), runtime([workflow]))).toBe(1);
    const [job] = await db().select().from(jobs).where(eq(jobs.eventId, 'evt-crash'));
    expect(job).toMatchObject({ status: 'completed', output: 42 });
    expect(ran).toEqual({ one: 0, two: 1, three: 1 });
  });

  it('runs an event once, however often it is emitted and dispatched', async () => {
    const { workflow, ran } = counted('once');
    const event = ping('evt-once');
    await emitEvents(db(), [event]);
    await emitEvents(db(), [event]);
    const handled = await Promise.all([dispatchPending(db(), runtime([workflow])), dispatchPending(db(), runtime([workflow]))]);
    expect(handled.reduce((a, b) => a + b, 0)).toBe(1);
    await runWorkflow(db(), workflow, event);
    expect(ran.one).toBe(1);
    expect(await db().select().from(jobs).where(eq(jobs.function, 'once'))).toHaveLength(1);
  });

  it('never claims an event without queuing its run: a dispatcher that dies in between leaves it pending', async () => {
    const { workflow, ran } = counted('claimed');
    // The first dispatch dies where a killed process would: after claiming, before the run exists.
    let dies = true;
    const dying = {
      ...workflow,
      subject: (event: Parameters<typeof workflow.subject>[0]) => {
        if (dies) throw new Error('process killed');
        return workflow.subject(event);
      },
    };
    await emitEvents(db(), [ping('evt-claimed')]);
    await expect(dispatchPending(db(), runtime([dying]))).rejects.toThrow('process killed');
    const [event] = await db().select().from(workflowEvents).where(eq(workflowEvents.eventId, 'evt-claimed'));
    expect(event!.dispatchedAt).toBeNull();

    dies = false;
    expect(await dispatchPending(db(), runtime([dying]))).toBe(1);
    expect(ran).toEqual({ one: 1, two: 1, three: 1 });
    expect(await db().select().from(jobs).where(eq(jobs.function, 'claimed'))).toMatchObject([{ status: 'completed' }]);
  });
});

describe('the scheduler', () => {
  it('fires each cron once when several schedulers tick at the same time', async () => {
    const now = new Date('2026-12-01T00:06:00Z');
    const ticks = await Promise.all([1, 2, 3, 4].map(() => schedulerTick(db(), runtime([billingRun, dunningRun]), now)));
    expect(ticks.flat().sort()).toEqual(['billing-run', 'dunning']);
    await dispatchPending(db(), runtime([billingRun, dunningRun]));
    const runs = await db().select().from(jobs).where(eq(jobs.function, 'billing-run'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: 'completed',
      subjectType: 'billing_run',
      subjectId: '2026-12-01',
      eventId: 'cron:billing-run:2026-12-01T00:05:00.000Z',
    });
    // Later that day only dunning's 00:15 firing is new; after that, nothing until tomorrow.
    expect(await schedulerTick(db(), runtime([billingRun, dunningRun]), new Date('2026-12-01T09:00:00Z'))).toEqual(['dunning']);
    expect(await schedulerTick(db(), runtime([billingRun, dunningRun]), new Date('2026-12-01T23:59:00Z'))).toEqual([]);
  });
});

describe('billing and dunning as workflows', () => {
  it('bills renewals when a run is requested for a date, recorded as a job', async () => {
    const product = await givenProduct(db(), { monthly: 1500 });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-01-10'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-01-10'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, at('2026-01-10').now);

    await emitEvents(db(), [{ name: 'billing/run.requested', id: 'billrun:manual:1', data: { date: '2026-02-05' } }]);
    await dispatchPending(db(), runtime([billingRun]));
    const [job] = await db().select().from(jobs).where(eq(jobs.eventId, 'billrun:manual:1'));
    expect(job).toMatchObject({ function: 'billing-run', status: 'completed', subjectId: '2026-02-05' });
    expect(job!.output).toMatchObject({ invoicesCreated: 1, servicesBilled: 1 });
  });

  it('dunns one unpaid renewal over 60 days: each reminder once, suspension, termination', async () => {
    const product = await givenProduct(db(), { monthly: 2000 });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-03-01'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-03-01'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, at('2026-03-01').now);
    await runBilling(at('2026-03-28'), { date: '2026-03-28' });
    const [renewal] = await db()
      .select()
      .from(invoices)
      .where(and(eq(invoices.orderId, order.id), eq(invoices.purpose, 'renewal')));
    const due = renewal!.dueDate;

    const statusOn: Record<number, string> = {};
    for (let day = -5; day <= 62; day++) {
      const date = addDays(due, day);
      // Twice a day: a rerun must change nothing.
      for (let run = 0; run < 2; run++) await runDunning(at(date), { date, origin: 'https://billing.example.test' });
      const [row] = await db().select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
      statusOn[day] = row!.status;
    }
    const sent = await db()
      .select({ key: invoiceNotifications.dedupeKey, status: invoiceNotifications.status })
      .from(invoiceNotifications)
      .where(eq(invoiceNotifications.invoiceId, renewal!.id));
    expect(sent.map((n) => n.key).sort()).toEqual(['overdue_notice:dunning:1', 'overdue_notice:dunning:7', 'payment_reminder:dunning:-3']);
    expect(sent.every((n) => n.status === 'sent')).toBe(true);
    expect([statusOn[13], statusOn[14], statusOn[59], statusOn[60]]).toEqual(['active', 'suspended', 'suspended', 'terminated']);
  });

  it('reactivates an order dunning suspended as soon as its invoice is paid', async () => {
    const product = await givenProduct(db(), { monthly: 2000 });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-05-01'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-05-01'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, at('2026-05-01').now);
    await runBilling(at('2026-05-28'), { date: '2026-05-28' });
    const [renewal] = await db()
      .select()
      .from(invoices)
      .where(and(eq(invoices.orderId, order.id), eq(invoices.purpose, 'renewal')));
    const late = addDays(renewal!.dueDate, 20);
    expect(await runDunning(at(late), { date: late, origin: 'https://billing.example.test' })).toMatchObject({ ordersSuspended: 1 });

    await markInvoicePaid(at(late), { id: renewal!.id });
    const [after] = await db().select({ status: orders.status, reason: orders.suspendedForInvoiceId }).from(orders).where(eq(orders.id, order.id));
    expect(after).toEqual({ status: 'active', reason: null });
    const next = addDays(late, 1);
    expect(await runDunning(at(next), { date: next, origin: 'https://billing.example.test' })).toMatchObject({ remindersSent: 0, ordersSuspended: 0 });
  });
});

describe('customer e-mails as workflows', () => {
  it('tells the customer of a new order invoice, its payment and a refund, each once', async () => {
    const product = await givenProduct(db(), { monthly: 3000 });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-06-01'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await dispatchPending(db(), runtime([notifyCustomer]));
    const { payment } = await markInvoicePaid(at('2026-06-02'), { id: order.invoiceId! });
    await refundPayment(at('2026-06-03'), { invoiceId: order.invoiceId!, paymentId: payment.id, amount: 1000n, toCredit: false });
    // Redelivered events change nothing.
    await db().update(workflowEvents).set({ dispatchedAt: null });
    await dispatchPending(db(), runtime([notifyCustomer]));
    await dispatchPending(db(), runtime([notifyCustomer]));

    const mails = await db()
      .select({ template: emailOutbox.template, to: emailOutbox.to })
      .from(emailOutbox)
      .where(eq(emailOutbox.invoiceId, order.invoiceId!));
    expect(mails.map((m) => m.template).sort()).toEqual(['invoice_created', 'payment_received', 'refund_issued']);
    expect(mails.every((m) => m.to === customer.email)).toBe(true);
    const runs = await db()
      .select({ status: jobs.status })
      .from(jobs)
      .where(and(eq(jobs.function, 'notify-customer'), eq(jobs.subjectId, order.invoiceId!)));
    expect(runs.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
  });

  it('announces renewal invoices from the billing run in the same statement', async () => {
    const product = await givenProduct(db(), { monthly: 1200 });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-07-01'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-07-01'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, at('2026-07-01').now);
    await runBilling(at('2026-07-28'), { date: '2026-07-28' });
    const [renewal] = await db()
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.orderId, order.id), eq(invoices.purpose, 'renewal')));
    const [event] = await db()
      .select()
      .from(workflowEvents)
      .where(eq(workflowEvents.eventId, `invoice-created:${renewal!.id}`));
    expect(event).toMatchObject({ name: 'invoice/created', data: { invoiceId: renewal!.id } });
  });
});
