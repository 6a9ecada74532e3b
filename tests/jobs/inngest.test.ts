import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invoiceNotifications, services } from '@/db/schema';
import { billingRun } from '@/inngest/functions/billing';
import { serviceLifecycle } from '@/inngest/functions/lifecycle';
import { notifyCustomer } from '@/inngest/functions/notify';
import { reconcileRun } from '@/inngest/functions/reconcile';
import { systemActor } from '@/server/auth/actor';
import { toInngestFunction } from '@/server/jobs/workflow';
import { createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { createProduct } from '@/server/services/catalog/create-product';
import type { LifecycleEventData } from '@/server/services/orders/lifecycle';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { fakeHttp, type Reply } from '../support/fake-http';
import { ctxOf, givenCustomer, givenInvoice } from '../support/fixtures';

const { db } = withTestDatabase();
const asInngest = (workflow: Parameters<typeof toInngestFunction>[0]) => toInngestFunction(workflow, async () => db());

// The same handlers, run by the Inngest SDK's own executor: what /api/inngest would run.
describe('workflows under Inngest', () => {
  it('runs the billing run for the requested date as one step', async () => {
    const engine = new InngestTestEngine({ function: asInngest(billingRun), events: [{ name: 'billing/run.requested', data: { date: '2026-02-05' } }] });
    const { result } = await engine.execute();
    expect(result).toMatchObject({ date: '2026-02-05', invoicesCreated: 0 });
  });

  it('replays a finished step from Inngest’s state instead of running it again', async () => {
    const engine = new InngestTestEngine({
      function: asInngest(billingRun),
      events: [{ name: 'billing/run.requested', data: { date: '2026-02-05' } }],
      steps: [{ id: 'bill renewals', handler: () => ({ date: '2026-02-05', invoicesCreated: 7 }) }],
    });
    const { result } = await engine.execute();
    expect(result).toEqual({ date: '2026-02-05', invoicesCreated: 7 });
  });

  it('reconciles on its hourly cron in one step, asking no gateway when none is configured', async () => {
    const engine = new InngestTestEngine({ function: asInngest(reconcileRun), events: [{ name: 'inngest/scheduled.timer', data: { cron: '25 * * * *' } }] });
    const { result, ctx } = await engine.execute();
    expect(result).toEqual({ checked: 0, recorded: 0, failed: 0 });
    expect(ctx.step.run).toHaveBeenCalledWith('ask the gateways', expect.any(Function));
  });

  it('sends the invoice e-mail for invoice/created, keyed by the event id', async () => {
    const invoice = await givenInvoice(db());
    const engine = new InngestTestEngine({
      function: asInngest(notifyCustomer),
      events: [{ name: 'invoice/created', id: 'invoice-created:test', data: { invoiceId: invoice.id } }],
    });
    const { result } = await engine.execute();
    // One entry per channel of the event's communication rule: by default e-mail only.
    expect(result).toMatchObject([{ channel: 'email', status: 'sent' }]);
    const [entry] = await db().select({ key: invoiceNotifications.dedupeKey }).from(invoiceNotifications).where(eq(invoiceNotifications.invoiceId, invoice.id));
    expect(entry!.key).toBe('invoice_created:invoice-created:test');
  });
});

describe('the service-lifecycle workflow under Inngest', () => {
  /** A service of a webhook product, set up at the provider and now `status` in Cashdesk. */
  async function givenService(url: string, status: 'active' | 'suspended') {
    const ctx = ctxOf(db(), systemActor());
    const product = await createProduct(
      ctx,
      camelized(createProductInput).parse({
        name: 'VPS',
        type: 'recurring',
        prices: [{ cycle: 'monthly', currency: 'USD', amount: 900 }],
        provisioning_module: 'webhook',
        provisioning_url: url,
      }),
    );
    const customer = await givenCustomer(db());
    const order = await placeOrder(ctx, camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }));
    const service = order.services[0]!;
    await db().update(services).set({ status, provisionedAt: new Date() }).where(eq(services.id, service.id));
    const data: LifecycleEventData = { action: 'suspend', serviceId: service.id, orderId: order.id, productId: product.id };
    return { service, data };
  }

  it('suspends at the provider in one step, keyed by the event id', async () => {
    const panel = await fakeHttp(() => ({ status: 200, body: { ok: true } }));
    try {
      const { service, data } = await givenService(panel.url, 'suspended');
      const engine = new InngestTestEngine({ function: asInngest(serviceLifecycle), events: [{ name: 'service/lifecycle', id: 'svc-suspend:test', data }] });
      const { result } = await engine.execute();
      expect(result).toMatchObject({ action: 'suspend', serviceId: service.id, called: true });
      expect(panel.requests).toHaveLength(1);
      expect(panel.requests[0]!.headers['idempotency-key']).toBe('svc-suspend:test');
      expect(JSON.parse(panel.requests[0]!.body)).toMatchObject({ action: 'suspend', service: { id: service.id } });
    } finally {
      await panel.close();
    }
  });

  it('fails the run with the provider’s answer so Inngest retries it', async () => {
    const reply: Reply = { status: 503, body: { error: 'maintenance' } };
    const panel = await fakeHttp(() => reply);
    try {
      const { data } = await givenService(panel.url, 'suspended');
      const engine = new InngestTestEngine({ function: asInngest(serviceLifecycle), events: [{ name: 'service/lifecycle', id: 'svc-suspend:down', data }] });
      const { error } = await engine.execute();
      expect(String((error as { message?: string } | undefined)?.message ?? error)).toContain('answered 503');
    } finally {
      await panel.close();
    }
  });

  it('calls nothing when a later change superseded the call', async () => {
    const panel = await fakeHttp(() => ({ status: 200, body: {} }));
    try {
      const { data } = await givenService(panel.url, 'active');
      const engine = new InngestTestEngine({ function: asInngest(serviceLifecycle), events: [{ name: 'service/lifecycle', id: 'svc-suspend:stale', data }] });
      const { result } = await engine.execute();
      expect(result).toMatchObject({ called: false, detail: expect.stringContaining('superseded') });
      expect(panel.requests).toHaveLength(0);
    } finally {
      await panel.close();
    }
  });
});
