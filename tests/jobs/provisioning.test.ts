import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { jobs } from '@/db/schema';
import { activateOrder as activateWorkflow } from '@/inngest/functions/activate';
import { systemActor } from '@/server/auth/actor';
import { dispatchPending, type Runtime } from '@/server/jobs/runtime';
import { provisioningSecret } from '@/server/provisioning/provisioner';
import { createProductInput } from '@/server/schemas/catalog';
import { placeOrderInput } from '@/server/schemas/orders';
import { retryJob } from '@/server/services/automation';
import { approveOrder } from '@/server/services/change-order-status';
import { createProduct } from '@/server/services/create-product';
import { loadOrder } from '@/server/services/order-view';
import { placeOrder } from '@/server/services/place-order';
import { markServiceProvisioned } from '@/server/services/provision-order';
import { markInvoicePaid } from '@/server/services/record-payment';
import { withTestDatabase } from '../support/database';
import { type Reply, fakeHttp } from '../support/fake-http';
import { ctxOf, givenCustomer } from '../support/fixtures';

const { db } = withTestDatabase();
const ctx = () => ctxOf(db(), systemActor());
const runtime: Runtime = { mode: 'embedded', workflows: [activateWorkflow], backoff: () => 0 };
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function givenPaidOrder(provisioning: { module: 'manual' | 'webhook'; url?: string }, autoActivate = true) {
  const product = await createProduct(
    ctx(),
    createProductInput.parse({
      name: 'Game server',
      type: 'recurring',
      auto_activate: autoActivate,
      prices: [{ cycle: 'monthly', currency: 'USD', amount: 1500 }],
      provisioning_module: provisioning.module,
      provisioning_url: provisioning.url ?? null,
    }),
  );
  const customer = await givenCustomer(db());
  const order = await placeOrder(ctx(), placeOrderInput.parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }));
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
    const { t, v1 } = Object.fromEntries(String(request!.headers['cashdesk-signature']).split(',').map((part) => part.split('='))) as { t: string; v1: string };
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

describe('marking a service provisioned', () => {
  async function givenManualOrder(autoActivate: boolean) {
    const product = await createProduct(
      ctx(),
      createProductInput.parse({
        name: 'Hand-built server',
        type: 'recurring',
        auto_activate: autoActivate,
        prices: [{ cycle: 'monthly', currency: 'USD', amount: 1500 }],
        provisioning_module: 'manual',
      }),
    );
    const customer = await givenCustomer(db());
    return placeOrder(ctx(), placeOrderInput.parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }));
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
});
