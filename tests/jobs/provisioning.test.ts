import { createHmac } from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditLog, invoices, jobs, workflowEvents } from '@/db/schema';
import { activateOrder as activateWorkflow } from '@/inngest/functions/activate';
import { serviceLifecycle } from '@/inngest/functions/lifecycle';
import { systemActor } from '@/server/auth/actor';
import { addDays } from '@/server/billing/periods';
import { dispatchPending, type Runtime } from '@/server/jobs/runtime';
import { provisioningSecret } from '@/server/provisioning/provisioner';
import { createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { retryJob } from '@/server/services/automation/workflows';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { runDunning } from '@/server/services/billing-runs/run-dunning';
import { createProduct } from '@/server/services/catalog/create-product';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { changePlan } from '@/server/services/orders/change-plan';
import { approveOrder, changeOrderStatus } from '@/server/services/orders/change-status';
import { getOrderHistory } from '@/server/services/orders/history';
import { placeOrder } from '@/server/services/orders/place';
import { markServiceProvisioned } from '@/server/services/orders/provision';
import { loadOrder } from '@/server/services/orders/store';
import { withTestDatabase } from '../support/database';
import { fakeHttp, type Recorded, type Reply } from '../support/fake-http';
import { ctxOf, givenCustomer, givenProduct } from '../support/fixtures';

const { db } = withTestDatabase();
const ctx = () => ctxOf(db(), systemActor());
const runtime: Runtime = { mode: 'embedded', workflows: [activateWorkflow, serviceLifecycle], backoff: () => 0 };
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function givenPaidOrder(provisioning: { module: 'manual' | 'webhook'; url?: string }, autoActivate = true) {
  const product = await createProduct(
    ctx(),
    camelized(createProductInput).parse({
      name: 'Game server',
      type: 'recurring',
      auto_activate: autoActivate,
      prices: [{ cycle: 'monthly', currency: 'USD', amount: 1500 }],
      provisioning_module: provisioning.module,
      provisioning_url: provisioning.url ?? null,
    }),
  );
  const customer = await givenCustomer(db());
  const order = await placeOrder(ctx(), camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }));
  await markInvoicePaid(ctx(), { id: order.invoiceId! });
  return order;
}

const status = async (orderId: string) => {
  const order = await loadOrder(db(), { kind: 'all' }, orderId);
  return { order: order.status, services: order.services.map((s) => s.status) };
};

describe('provisioning paid orders', () => {
  it('posts a signed webhook for each service, then the order goes live', async () => {
    const panel = await fakeHttp(() => ({ status: 200, body: { ok: true } }));
    closers.push(panel.close);
    const order = await givenPaidOrder({ module: 'webhook', url: `${panel.url}/provision` });
    expect(await status(order.id)).toEqual({ order: 'pending', services: ['pending'] });

    await dispatchPending(db(), runtime);
    expect(await status(order.id)).toEqual({ order: 'active', services: ['active'] });
    const [request] = panel.requests;
    const { t, v1 } = Object.fromEntries(
      String(request!.headers['cashdesk-signature'])
        .split(',')
        .map((part) => part.split('=')),
    ) as { t: string; v1: string };
    expect(v1).toBe(createHmac('sha256', provisioningSecret()).update(`${t}.${request!.body}`).digest('hex'));
    expect(JSON.parse(request!.body)).toMatchObject({ action: 'create', service: { id: order.services[0]!.id, name: 'Game server' } });
  });

  it('marks the services failed when the webhook keeps failing, and a retry from Jobs finishes the job', async () => {
    let reply: Reply = { status: 503, body: { error: 'panel down for maintenance' } };
    const panel = await fakeHttp(() => reply);
    closers.push(panel.close);
    const order = await givenPaidOrder({ module: 'webhook', url: `${panel.url}/provision` });

    await dispatchPending(db(), runtime);
    expect(panel.requests).toHaveLength(5);
    expect(await status(order.id)).toEqual({ order: 'pending', services: ['failed'] });
    const [job] = await db().select().from(jobs).where(eq(jobs.subjectId, order.id));
    expect(job).toMatchObject({ function: 'activate-order', status: 'failed', attempts: 5 });
    expect(job!.error).toContain('answered 503');

    reply = { status: 201, body: { provisioned: true } };
    await retryJob(ctx(), { id: job!.id });
    await dispatchPending(db(), runtime);
    expect(await status(order.id)).toEqual({ order: 'active', services: ['active'] });
    const [again] = await db().select().from(jobs).where(eq(jobs.id, job!.id));
    expect(again!.status).toBe('completed');
    // The lookup step ran once; only the provisioning step ran again.
    expect(again!.steps.filter((s) => s.name === 'find services to provision')).toHaveLength(1);
  });

  it('waits for an admin where provisioning is manual', async () => {
    const order = await givenPaidOrder({ module: 'manual' });
    await dispatchPending(db(), runtime);
    expect(await status(order.id)).toEqual({ order: 'pending', services: ['pending'] });
    expect(await markServiceProvisioned(ctx(), { id: order.services[0]!.id })).toEqual({ orderActive: true });
    expect(await status(order.id)).toEqual({ order: 'active', services: ['active'] });
    await expect(markServiceProvisioned(ctx(), { id: order.services[0]!.id })).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('provisions an order that needed approval once it is approved', async () => {
    const panel = await fakeHttp(() => ({ status: 200, body: {} }));
    closers.push(panel.close);
    const order = await givenPaidOrder({ module: 'webhook', url: panel.url }, false);
    await dispatchPending(db(), runtime);
    expect(panel.requests).toHaveLength(0);
    await approveOrder(ctx(), { id: order.id });
    await dispatchPending(db(), runtime);
    expect(panel.requests).toHaveLength(1);
    expect(await status(order.id)).toEqual({ order: 'active', services: ['active'] });
  });
});

describe('what a provisioning webhook may reach, and what is kept of its answer', () => {
  it.each([
    ['a loopback address', (port: number) => `http://127.0.0.1:${port}/provision`],
    ['a name resolving to loopback', (port: number) => `http://localhost:${port}/provision`],
  ])('refuses %s unless CASHDESK_ALLOW_PRIVATE_URLS is set; nothing is sent', async (_, urlOf) => {
    const panel = await fakeHttp(() => ({ status: 200, body: { ok: true } }));
    closers.push(panel.close);
    const port = Number(new URL(panel.url).port);
    const order = await givenPaidOrder({ module: 'webhook', url: urlOf(port) });

    vi.stubEnv('CASHDESK_ALLOW_PRIVATE_URLS', '');
    await dispatchPending(db(), runtime);
    expect(panel.requests).toHaveLength(0);
    expect(await status(order.id)).toEqual({ order: 'pending', services: ['failed'] });
    const [job] = await db().select().from(jobs).where(eq(jobs.subjectId, order.id));
    expect(job).toMatchObject({ status: 'failed', error: expect.stringContaining('points to a private address') });
  });

  it('keeps only the status and a short, clean excerpt of a refusal, never the URL', async () => {
    const answer = `<html>\r\n<title>Internal</title>\u001b[2J${'secret-admin-panel '.repeat(40)}</html>`;
    const panel = await fakeHttp(() => ({ status: 503, body: answer }));
    closers.push(panel.close);
    const url = `${panel.url}/provision?key=hook-key-123`;
    const order = await givenPaidOrder({ module: 'webhook', url });
    await dispatchPending(db(), runtime);

    const [job] = await db().select().from(jobs).where(eq(jobs.subjectId, order.id));
    const prefix = 'The provisioning webhook answered 503: ';
    expect(job!.error!.startsWith(`${prefix}<html> <title>Internal</title> [2Jsecret-admin-panel`)).toBe(true);
    expect(job!.error!.length).toBeLessThanOrEqual(prefix.length + 200);
    expect(job!.error).not.toMatch(/[\u0000-\u001f\u007f]/);
    const audits = await db().select({ after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, order.id));
    expect(JSON.stringify([job!.error, job!.steps, audits])).not.toContain('hook-key-123');
  });
});

describe('marking a service provisioned', () => {
  async function givenManualOrder(autoActivate: boolean) {
    const product = await createProduct(
      ctx(),
      camelized(createProductInput).parse({
        name: 'Hand-built server',
        type: 'recurring',
        auto_activate: autoActivate,
        prices: [{ cycle: 'monthly', currency: 'USD', amount: 1500 }],
        provisioning_module: 'manual',
      }),
    );
    const customer = await givenCustomer(db());
    return placeOrder(ctx(), camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }));
  }

  it('refuses while the order’s first invoice is unpaid, and goes through once it is paid', async () => {
    const order = await givenManualOrder(true);
    const service = order.services[0]!;
    await expect(markServiceProvisioned(ctx(), { id: service.id })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('first invoice is not paid'),
    });
    expect((await loadOrder(db(), { kind: 'all' }, order.id)).services[0]!.provisionedAt).toBeNull();

    await markInvoicePaid(ctx(), { id: order.invoiceId! });
    await dispatchPending(db(), runtime);
    expect(await markServiceProvisioned(ctx(), { id: service.id })).toEqual({ orderActive: true });
  });

  it('refuses for an order approved before it was paid', async () => {
    const order = await givenManualOrder(false);
    await approveOrder(ctx(), { id: order.id });
    await dispatchPending(db(), runtime);
    await expect(markServiceProvisioned(ctx(), { id: order.services[0]!.id })).rejects.toMatchObject({ code: 'invalid_state' });
    expect(await status(order.id)).toEqual({ order: 'pending', services: ['pending'] });
  });

  it('does not ask for approval again when an order approved before payment is paid', async () => {
    const order = await givenManualOrder(false);
    await approveOrder(ctx(), { id: order.id });
    await dispatchPending(db(), runtime);
    await markInvoicePaid(ctx(), { id: order.invoiceId! });
    await dispatchPending(db(), runtime);
    expect((await loadOrder(db(), { kind: 'all' }, order.id)).awaitingApproval).toBe(false);
    expect(await markServiceProvisioned(ctx(), { id: order.services[0]!.id })).toEqual({ orderActive: true });
    expect(await status(order.id)).toEqual({ order: 'active', services: ['active'] });
  });
});

// ---- suspend, unsuspend, terminate and plan changes at the provider -------------------------

const at = (day: string) => ctxOf(db(), systemActor(), new Date(`${day}T12:00:00Z`));
const origin = 'https://billing.example.test';

/** The request's `Cashdesk-Signature` checks out against the provisioning secret; its body, parsed. */
function signedBody(request: Recorded): { action: string; service: Record<string, string>; idempotency_key: string; previous?: Record<string, string> } {
  const { t, v1 } = Object.fromEntries(
    String(request.headers['cashdesk-signature'])
      .split(',')
      .map((part) => part.split('=')),
  ) as { t: string; v1: string };
  expect(v1).toBe(createHmac('sha256', provisioningSecret()).update(`${t}.${request.body}`).digest('hex'));
  expect(request.headers['idempotency-key']).toBe(JSON.parse(request.body).idempotency_key);
  return JSON.parse(request.body);
}

/** A provider panel on a local port; `calls(action)` are its signed requests for that action. */
async function givenPanel() {
  let reply: Reply = { status: 200, body: { ok: true } };
  const panel = await fakeHttp(() => reply);
  closers.push(panel.close);
  return {
    url: `${panel.url}/hooks`,
    answer: (next: Reply) => void (reply = next),
    calls: (action: string) => panel.requests.map(signedBody).filter((body) => body.action === action),
    count: () => panel.requests.length,
  };
}

async function givenWebhookProduct(url: string | null, name = 'VPS') {
  return createProduct(
    ctx(),
    camelized(createProductInput).parse({
      name,
      type: 'recurring',
      auto_activate: true,
      prices: [{ cycle: 'monthly', currency: 'USD', amount: 2000 }],
      provisioning_module: url ? 'webhook' : 'manual',
      provisioning_url: url,
    }),
  );
}

/**
 * A live order of `count` services placed on 2026-03-01 and provisioned, plus its unpaid
 * renewal (due 2026-04-01) for dunning to work on.
 */
async function givenLiveOrder(productId: string, count = 2, options: { byHand?: boolean } = {}) {
  const customer = await givenCustomer(db());
  const items = Array.from({ length: count }, () => ({ product_id: productId, cycle: 'monthly' }));
  const order = await placeOrder(at('2026-03-01'), camelized(placeOrderInput).parse({ customer_id: customer.id, items }));
  await markInvoicePaid(at('2026-03-01'), { id: order.invoiceId! });
  await dispatchPending(db(), runtime);
  if (options.byHand) for (const service of order.services) await markServiceProvisioned(at('2026-03-02'), { id: service.id });
  await runBilling(at('2026-03-28'), { date: '2026-03-28' });
  const [renewal] = await db()
    .select()
    .from(invoices)
    .where(and(eq(invoices.orderId, order.id), eq(invoices.purpose, 'renewal')));
  return { order, renewal: renewal! };
}

const dun = async (day: string) => {
  const result = await runDunning(at(day), { date: day, origin });
  await dispatchPending(db(), runtime);
  return result;
};

describe('telling the provider of suspension, reactivation, termination and plan changes', () => {
  it('suspends each service once when dunning suspends, unsuspends when the invoice is paid', async () => {
    const panel = await givenPanel();
    const product = await givenWebhookProduct(panel.url);
    const { order, renewal } = await givenLiveOrder(product.id);
    expect(await status(order.id)).toEqual({ order: 'active', services: ['active', 'active'] });
    expect(panel.calls('create')).toHaveLength(2);

    const late = addDays(renewal.dueDate, 14);
    expect(await dun(addDays(late, -1))).toMatchObject({ ordersSuspended: 0 });
    expect(panel.calls('suspend')).toHaveLength(0);
    expect(await dun(late)).toMatchObject({ ordersSuspended: 1 });
    const suspends = panel.calls('suspend');
    expect(suspends.map((b) => b.service.id).sort()).toEqual(order.services.map((s) => s.id).sort());
    for (const body of suspends) {
      expect(body.service).toMatchObject({ orderId: order.id, customerId: order.customerId, productId: product.id });
    }
    // A rerun the same day and the days after send nothing again.
    await dun(late);
    await dun(addDays(late, 1));
    expect(panel.calls('suspend')).toHaveLength(2);
    expect(await status(order.id)).toEqual({ order: 'suspended', services: ['suspended', 'suspended'] });

    await markInvoicePaid(at(late), { id: renewal.id });
    await dispatchPending(db(), runtime);
    expect(
      panel
        .calls('unsuspend')
        .map((b) => b.service.id)
        .sort(),
    ).toEqual(order.services.map((s) => s.id).sort());
    await dispatchPending(db(), runtime);
    expect(panel.calls('unsuspend')).toHaveLength(2);
    const history = await getOrderHistory(ctx(), { id: order.id });
    expect(history.jobs.filter((j) => j.function === 'service-lifecycle').map((j) => j.status)).toEqual(Array(4).fill('completed'));
    expect(history.audit.filter((a) => a.action === 'service.provisioner_called')).toHaveLength(4);
  });

  it('terminates at the provider when dunning terminates, once', async () => {
    const panel = await givenPanel();
    const product = await givenWebhookProduct(panel.url);
    const { order, renewal } = await givenLiveOrder(product.id, 1);
    await dun(addDays(renewal.dueDate, 14));
    await dun(addDays(renewal.dueDate, 60));
    await dun(addDays(renewal.dueDate, 61));
    expect(await status(order.id)).toEqual({ order: 'terminated', services: ['terminated'] });
    expect(panel.calls('suspend')).toHaveLength(1);
    expect(panel.calls('terminate').map((b) => b.service.id)).toEqual([order.services[0]!.id]);
  });

  it('follows an admin’s status changes: suspend, reactivate, suspend again, terminate', async () => {
    const panel = await givenPanel();
    const product = await givenWebhookProduct(panel.url);
    const { order } = await givenLiveOrder(product.id, 1);
    const admin = at('2026-03-10');
    for (const next of ['suspended', 'active', 'suspended', 'terminated'] as const) {
      await changeOrderStatus(admin, { id: order.id, status: next });
      await dispatchPending(db(), runtime);
    }
    expect(['suspend', 'unsuspend', 'terminate'].map((action) => panel.calls(action).length)).toEqual([2, 1, 1]);
    expect(panel.calls('create')).toHaveLength(1);
  });

  it('tells the provider of a plan change with the new product and the plan it left', async () => {
    const panel = await givenPanel();
    const small = await givenWebhookProduct(panel.url, 'VPS S');
    const large = await givenWebhookProduct(panel.url, 'VPS L');
    const { order } = await givenLiveOrder(small.id, 1);
    const service = order.services[0]!;
    await changePlan(at('2026-03-16'), { serviceId: service.id, productId: large.id, cycle: 'monthly', preview: true });
    await dispatchPending(db(), runtime);
    expect(panel.calls('change_plan')).toHaveLength(0);

    await changePlan(at('2026-03-16'), { serviceId: service.id, productId: large.id, cycle: 'monthly', preview: false });
    await dispatchPending(db(), runtime);
    const [body] = panel.calls('change_plan');
    expect(panel.calls('change_plan')).toHaveLength(1);
    expect(body!.service).toMatchObject({ id: service.id, orderId: order.id, customerId: order.customerId, productId: large.id, name: 'VPS L' });
    expect(body!.previous).toMatchObject({ productId: small.id, cycle: 'monthly' });
  });

  it('leaves a failed job with the provider’s error when suspension keeps failing; a retry later sends it', async () => {
    const panel = await givenPanel();
    const product = await givenWebhookProduct(panel.url);
    const { order } = await givenLiveOrder(product.id, 1);
    panel.answer({ status: 502, body: { error: 'hypervisor unreachable' } });
    const before = panel.count();
    await changeOrderStatus(at('2026-03-10'), { id: order.id, status: 'suspended' });
    await dispatchPending(db(), runtime);
    expect(panel.count() - before).toBe(5);

    // Cashdesk's suspension stands; the order's Jobs show the failed call with its error.
    expect(await status(order.id)).toEqual({ order: 'suspended', services: ['suspended'] });
    const { jobs: runs, audit } = await getOrderHistory(ctx(), { id: order.id });
    const failed = runs.find((j) => j.function === 'service-lifecycle')!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed.error).toContain('answered 502');
    expect(failed.error).toContain('hypervisor unreachable');
    expect(audit.find((a) => a.action === 'service.provisioner_failed')).toBeDefined();

    panel.answer({ status: 200, body: { suspended: true } });
    await retryJob(ctx(), { id: failed.id });
    await dispatchPending(db(), runtime);
    const [again] = await db().select().from(jobs).where(eq(jobs.id, failed.id));
    expect(again).toMatchObject({ status: 'completed', error: null });
    expect(panel.calls('suspend')).toHaveLength(6);
    expect(new Set(panel.calls('suspend').map((b) => b.idempotency_key)).size).toBe(1);
  });

  it('skips a failed suspension retried after the service was reactivated', async () => {
    const panel = await givenPanel();
    const product = await givenWebhookProduct(panel.url);
    const { order } = await givenLiveOrder(product.id, 1);
    panel.answer({ status: 500, body: {} });
    await changeOrderStatus(at('2026-03-10'), { id: order.id, status: 'suspended' });
    await dispatchPending(db(), runtime);
    panel.answer({ status: 200, body: {} });
    await changeOrderStatus(at('2026-03-11'), { id: order.id, status: 'active' });
    await dispatchPending(db(), runtime);
    const [failed] = await db()
      .select()
      .from(jobs)
      .where(and(eq(jobs.function, 'service-lifecycle'), eq(jobs.status, 'failed')));
    const suspendsBefore = panel.calls('suspend').length;

    await retryJob(ctx(), { id: failed!.id });
    await dispatchPending(db(), runtime);
    const [again] = await db().select().from(jobs).where(eq(jobs.id, failed!.id));
    expect(again!.status).toBe('completed');
    expect(again!.output).toMatchObject({ called: false, detail: expect.stringContaining('superseded') });
    expect(panel.calls('suspend')).toHaveLength(suspendsBefore);
    expect(panel.calls('unsuspend')).toHaveLength(1);
  });

  it('calls nothing for manually provisioned products or products without a module', async () => {
    const manual = await givenWebhookProduct(null, 'Rack space');
    const plain = await givenProduct(db(), { monthly: 2000 });
    const { order: handmade, renewal } = await givenLiveOrder(manual.id, 1, { byHand: true });
    const { order: simple } = await givenLiveOrder(plain.id, 1);
    expect(await status(handmade.id)).toEqual({ order: 'active', services: ['active'] });
    expect(await status(simple.id)).toEqual({ order: 'active', services: ['active'] });

    await dun(addDays(renewal.dueDate, 14));
    await markInvoicePaid(at(addDays(renewal.dueDate, 14)), { id: renewal.id });
    await changeOrderStatus(at('2026-04-20'), { id: simple.id, status: 'terminated' });
    await changeOrderStatus(at('2026-04-20'), { id: handmade.id, status: 'terminated' });
    await dispatchPending(db(), runtime);

    const ids = [handmade.id, simple.id];
    expect(await status(handmade.id)).toEqual({ order: 'terminated', services: ['terminated'] });
    const events = await db().select({ data: workflowEvents.data }).from(workflowEvents).where(eq(workflowEvents.name, 'service/lifecycle'));
    expect(events.filter((e) => ids.includes(String(e.data.orderId)))).toEqual([]);
    const runs = await db()
      .select()
      .from(jobs)
      .where(and(eq(jobs.function, 'service-lifecycle'), inArray(jobs.subjectId, ids)));
    expect(runs).toEqual([]);
    const calls = await db()
      .select()
      .from(auditLog)
      .where(and(like(auditLog.action, 'service.provisioner_%'), inArray(auditLog.entityId, ids)));
    expect(calls).toEqual([]);
  });
});
