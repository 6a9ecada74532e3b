import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as listJobs } from '@/app/api/v1/jobs/route';
import { GET as getOrder } from '@/app/api/v1/orders/[id]/route';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { openDatabase } from '@/db';
import { auditLog, jobs, payments, workflowEvents } from '@/db/schema';
import { activateOrder } from '@/inngest/functions/activate';
import { systemActor } from '@/server/auth/actor';
import { startWorkflowLoop } from '@/server/jobs/loop';
import { dispatchPending, emitEvents, workflowEventsChannel, type Runtime } from '@/server/jobs/runtime';
import { defineWorkflow } from '@/server/jobs/workflow';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { loadOrder } from '@/server/services/orders/store';
import { confirmStripeReturn } from '@/server/services/payments/confirm';
import { startStripeCheckout } from '@/server/services/payments/start-checkout';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';
import { withFakeStripe } from '../support/stripe-env';

// API.md, "Contract corrections": activating a paid order is always a recorded job, with or
// without a provisioning module — the activate-order workflow, dispatched as the payment commits.
const { db, url } = withTestDatabase();
const stripe = withFakeStripe('whsec_test_activation');
const runtime: Runtime = { mode: 'embedded', workflows: [activateOrder], backoff: () => 0 };
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** An order for a product with no provisioning module, its first invoice unpaid. */
async function givenOrder() {
  const product = await givenProduct(db());
  const customer = await givenCustomer(db());
  const order = await placeOrder(
    ctxOf(db(), systemActor()),
    camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
  );
  return { order, customer };
}

const statusOf = async (orderId: string) => {
  const order = await loadOrder(db(), { kind: 'all' }, orderId);
  return { order: order.status, services: order.services.map((s) => s.status) };
};
const activationJobs = (orderId: string) =>
  db()
    .select()
    .from(jobs)
    .where(and(eq(jobs.function, 'activate-order'), eq(jobs.subjectId, orderId)));
const activatedAudits = (orderId: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'order.activated'), eq(auditLog.entityId, orderId)));

function deliver(payload: string) {
  return stripeWebhook(
    new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      body: payload,
      headers: { 'stripe-signature': stripe().sign(payload), 'content-type': 'application/json' },
    }),
  );
}

describe('activating a paid order without a provisioning module', () => {
  it('is a recorded activate-order job, listed by GET /api/v1/jobs, that puts the order live', async () => {
    const { order } = await givenOrder();
    await markInvoicePaid(ctxOf(db(), systemActor()), { id: order.invoiceId! });
    // The payment committed the event, not the activation.
    expect(await statusOf(order.id)).toEqual({ order: 'pending', services: ['pending'] });
    const [event] = await db()
      .select()
      .from(workflowEvents)
      .where(eq(workflowEvents.eventId, `order-paid:${order.id}`));
    expect(event).toMatchObject({ name: 'order/paid', data: { orderId: order.id }, dispatchedAt: null });

    await dispatchPending(db(), runtime);
    expect(await statusOf(order.id)).toEqual({ order: 'active', services: ['active'] });

    const key = await givenApiKey(db(), 'admin');
    const listed = await listJobs(apiRequest(`/api/v1/jobs?subject_type=order&subject_id=${order.id}`, { key }), params());
    expect(listed.status).toBe(200);
    const body = await listed.json();
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      function: 'activate-order',
      subject_type: 'order',
      subject_id: order.id,
      status: 'completed',
      attempts: 1,
      steps: [
        { name: 'find services to provision', status: 'completed' },
        { name: 'activate', status: 'completed' },
      ],
    });
    const shown = await (await getOrder(apiRequest(`/api/v1/orders/${order.id}`, { key }), params({ id: order.id }))).json();
    expect(shown).toMatchObject({ status: 'active', services: [{ status: 'active' }] });
    expect(await activatedAudits(order.id)).toHaveLength(1);
  });

  it('activates once when Stripe’s webhooks arrive many times at once, the return page races them, and the events are replayed', async () => {
    const { order, customer } = await givenOrder();
    const client = await givenUser(db(), 'client', { customerId: customer.id });
    const checkout = await startStripeCheckout(ctxOf(db(), client.actor), {
      invoiceId: order.invoiceId!,
      access: { kind: 'session' },
      origin: 'http://shop.test',
    });
    const sessionId = checkout.split('/').pop()!;
    const { events } = await stripe().completeSession(sessionId, { deliver: false });
    const bodies = events.map((event) => JSON.stringify(event));
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, () => bodies.map(deliver)).flat(),
      confirmStripeReturn(ctxOf(db(), systemActor()), { sessionId }).then(() => ({ status: 200 })),
    ]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await db().select().from(payments).where(eq(payments.invoiceId, order.invoiceId!))).toHaveLength(1);
    expect(
      await db()
        .select()
        .from(workflowEvents)
        .where(eq(workflowEvents.eventId, `order-paid:${order.id}`)),
    ).toHaveLength(1);

    // Three dispatchers at once, then the outbox replayed as a crash before marking it would.
    await Promise.all([1, 2, 3].map(() => dispatchPending(db(), runtime)));
    await db()
      .update(workflowEvents)
      .set({ dispatchedAt: null })
      .where(eq(workflowEvents.eventId, `order-paid:${order.id}`));
    await Promise.all([1, 2].map(() => dispatchPending(db(), runtime)));
    // Stripe redelivers a day later: already recorded, nothing new to activate.
    for (const body of bodies) expect((await deliver(body)).status).toBe(200);
    await dispatchPending(db(), runtime);

    const runs = await activationJobs(order.id);
    expect(runs.map((r) => r.status)).toEqual(['completed']);
    expect(await statusOf(order.id)).toEqual({ order: 'active', services: ['active'] });
    expect(await activatedAudits(order.id)).toHaveLength(1);
  });
});

describe('dispatch right after the commit', () => {
  it('notifies the workflow channel when an emitting transaction commits, and not when it rolls back', async () => {
    const listener = await openDatabase({ url: url(), poolSize: 1 });
    closers.push(() => listener.close());
    let heard = 0;
    let wake = () => {};
    const named: string[] = [];
    const stop = await listener.listen(workflowEventsChannel, (payload) => {
      heard += 1;
      named.push(payload);
      wake();
    });
    closers.push(stop);
    const next = () => new Promise<void>((resolve) => (wake = resolve));

    await db()
      .transaction(async (tx) => {
        await emitEvents(tx, [{ name: 'system/ping', id: 'rolled-back-ping', data: { at: '2026-01-01T00:00:00.000Z' } }]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    const committed = next();
    await db().transaction((tx) => emitEvents(tx, [{ name: 'system/ping', id: 'committed-ping', data: { at: '2026-01-01T00:00:00.000Z' } }]));
    await committed;
    expect(heard).toBe(1);
    // The notification names what the commit emitted, so the loop can run exactly that at once.
    expect(named).toEqual(['committed-ping']);
  });

  it('runs a paid order’s activation at once while a pass is still busy with a slow backlog', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let slowStarted = () => {};
    const slowRunning = new Promise<void>((resolve) => (slowStarted = resolve));
    // A backlog event whose run (an e-mail to a slow provider, say) holds the loop's pass.
    const slow = defineWorkflow({
      id: 'slow-backlog',
      triggers: [{ event: 'system/ping' }],
      retries: 0,
      subject: (event) => ({ type: 'test', id: event.id }),
      handler: async ({ step }) =>
        step.run('wait', async () => {
          slowStarted();
          await held;
          return 1;
        }),
    });
    const listener = await openDatabase({ url: url(), poolSize: 2 });
    closers.push(() => listener.close());
    const loop = startWorkflowLoop(db(), { ...runtime, workflows: [activateOrder, slow] }, { scheduler: false, listen: listener.listen });
    closers.push(() => loop.stop());
    closers.push(release);
    await db().transaction((tx) => emitEvents(tx, [{ name: 'system/ping', id: 'slow-ping', data: { at: '2026-01-01T00:00:00.000Z' } }]));
    await slowRunning;

    const { order } = await givenOrder();
    await markInvoicePaid(ctxOf(db(), systemActor()), { id: order.invoiceId! });
    await expect.poll(() => statusOf(order.id), { timeout: 10_000, interval: 50 }).toEqual({ order: 'active', services: ['active'] });
    const [backlog] = await db().select().from(jobs).where(eq(jobs.function, 'slow-backlog'));
    expect(backlog?.status).toBe('running');
    release();
  });

  it('has the server’s loop activate a paid order as the payment commits, without a dispatch call', async () => {
    const listener = await openDatabase({ url: url(), poolSize: 2 });
    closers.push(() => listener.close());
    const loop = startWorkflowLoop(db(), runtime, { scheduler: false, listen: listener.listen });
    closers.push(() => loop.stop());
    const { order } = await givenOrder();
    await markInvoicePaid(ctxOf(db(), systemActor()), { id: order.invoiceId! });
    await expect.poll(() => statusOf(order.id), { timeout: 10_000, interval: 50 }).toEqual({ order: 'active', services: ['active'] });
    // The job is marked completed just after the step that put the order live commits.
    await expect.poll(async () => (await activationJobs(order.id)).map((r) => r.status), { timeout: 10_000, interval: 50 }).toEqual(['completed']);
  });
});
