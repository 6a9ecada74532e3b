import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { webhookData } from '@/server/rest/routes/webhooks';
import { cancelInvoice } from '@/server/services/invoices/cancel';
import { recordPayment } from '@/server/services/payments/record';
import { deliverDueWebhooks, type Send } from '@/server/services/webhooks/deliver';
import { createWebhookEndpoint, retryWebhookDelivery, rotateWebhookSecret, sendTestWebhook, updateWebhookEndpoint } from '@/server/services/webhooks/endpoints';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';
import { withTestDatabase } from '../support/database';
import { startFakeServer, type FakeReply, type FakeRequest } from '../support/fake-server';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenInvoice } from '../support/fixtures';

const { db } = withTestDatabase();
const origin = 'https://billing.example.test';
// The fixed clock moves on from testNow as the file runs: each test's deliveries happen at
// offsets from a base a minute past its start, so what the test wrote before is already due.
let base = testNow;
const at = (ms: number) => new Date(base.getTime() + ms);
const admin = (now = new Date()) => ctxOf(db(), systemActor(), now);

/** One delivery pass as the webhook loop runs it, at `now`. */
const deliver = (now: Date, options: { send?: Send; limit?: number } = {}) => {
  const ctx = admin(now);
  return deliverDueWebhooks(ctx, { describe: webhookData(ctx, origin), ...options });
};

/**
 * The Standard Webhooks reference verification, written from the specification rather than
 * taken from the library that signs: HMAC-SHA256 over "id.timestamp.body", keyed with the
 * base64-decoded part of the secret after `whsec_`, compared with each `v1,` signature.
 */
function verifies(secret: string, request: FakeRequest): boolean {
  const id = String(request.headers['webhook-id']);
  const timestamp = String(request.headers['webhook-timestamp']);
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest();
  return String(request.headers['webhook-signature'])
    .split(' ')
    .some((signature) => {
      const [version, value = ''] = signature.split(',');
      const given = Buffer.from(value, 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

let answers: Array<FakeReply['status']> = [];
let receiver: Awaited<ReturnType<typeof startFakeServer>>;

beforeAll(async () => {
  vi.stubEnv('CASHDESK_WEBHOOKS_ALLOW_PRIVATE', '1');
  receiver = await startFakeServer(0, () => ({ status: answers.shift() ?? 200, body: { received: true } }));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await receiver.close();
});
beforeEach(async () => {
  // Each test starts with no endpoint and nothing queued, so only its own events are delivered.
  await db().delete(webhookEndpoints);
  await db().delete(webhookEvents);
  receiver.requests.length = 0;
  answers = [];
  base = new Date(Date.now() + 60_000);
});

const bodyOf = (request: FakeRequest) => JSON.parse(request.body) as { type: string; timestamp: string; data: Record<string, unknown> };

describe('webhooks out', () => {
  it('delivers an invoice event as the API returns the invoice, signed so the reference algorithm verifies it', async () => {
    const endpoint = await createWebhookEndpoint(admin(), { url: `${receiver.url}/hooks`, events: ['invoice.created'] });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const invoice = await givenInvoice(db(), { total: 1250n });

    expect(await deliver(at(1000))).toBe(1);

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.path).toBe('/hooks');
    expect(verifies(endpoint.secret, request!)).toBe(true);
    expect(verifies(`whsec_${Buffer.from('another secret').toString('base64')}`, request!)).toBe(false);
    expect(request!.headers['webhook-timestamp']).toBe(String(Math.floor(at(1000).getTime() / 1000)));
    const body = bodyOf(request!);
    expect(body.type).toBe('invoice.created');
    expect(body.data).toMatchObject({ id: invoice.id, number: invoice.number, total: 1250, currency: 'USD', status: 'pending' });
    const [delivery] = await db().select().from(webhookDeliveries);
    expect(request!.headers['webhook-id']).toBe(delivery!.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
  });

  it('writes nothing when no active endpoint subscribed to the event', async () => {
    await createWebhookEndpoint(admin(), { url: `${receiver.url}/only-orders`, events: ['order.created'] });
    const paused = await createWebhookEndpoint(admin(), { url: `${receiver.url}/paused`, events: ['*'] });
    await updateWebhookEndpoint(admin(), paused.id, { active: false });
    await givenInvoice(db());

    expect(await db().select().from(webhookEvents)).toEqual([]);
    expect(await deliver(at(1000))).toBe(0);
  });

  it('publishes nothing for a change that was refused', async () => {
    const invoice = await givenInvoice(db());
    await createWebhookEndpoint(admin(), { url: `${receiver.url}/hooks`, events: ['*'] });
    await recordPayment(admin(), { invoiceId: invoice.id, amount: 1000n, method: 'bank_transfer', reference: 'full' });
    const before = (await db().select().from(webhookEvents)).map((e) => e.type).sort();

    await expect(cancelInvoice(admin(), { id: invoice.id })).rejects.toThrow();

    expect((await db().select().from(webhookEvents)).map((e) => e.type).sort()).toEqual(before);
    expect(before).toEqual(['invoice.paid', 'payment.received']);
  });

  it('retries a failing receiver with the same webhook-id until it answers 2xx', async () => {
    await createWebhookEndpoint(admin(), { url: `${receiver.url}/flaky`, events: ['invoice.created'] });
    await givenInvoice(db());
    answers = [500, 503, 200];

    await deliver(at(0));
    const [first] = await db().select().from(webhookDeliveries);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, nextAttemptAt: at(5_000) });
    expect(await deliver(at(4_999))).toBe(0);
    await deliver(at(5_000));
    const [second] = await db().select().from(webhookDeliveries);
    expect(second).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503, nextAttemptAt: at(5_000 + 5 * 60_000) });
    await deliver(at(5_000 + 5 * 60_000));

    const ids = receiver.requests.map((r) => r.headers['webhook-id']);
    expect(ids).toEqual([first!.id, first!.id, first!.id]);
    const [done] = await db().select().from(webhookDeliveries);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 200 });
    const [endpoint] = await db().select().from(webhookEndpoints);
    expect(endpoint!.failingSince).toBeNull();
  });

  it('gives up after the schedule (over 24 hours) and disables an endpoint that failed for 3 days', async () => {
    const endpoint = await createWebhookEndpoint(admin(), { url: `${receiver.url}/down`, events: ['invoice.created'] });
    await givenInvoice(db());
    answers = Array<number>(8).fill(500);
    let now = at(0);
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      await deliver(now);
      const [delivery] = await db().select().from(webhookDeliveries);
      if (attempt < 8) now = delivery!.nextAttemptAt!;
      else expect(delivery).toMatchObject({ status: 'failed', attempts: 8, nextAttemptAt: null });
    }
    expect(now.getTime() - base.getTime()).toBeGreaterThan(24 * 3600e3);
    const [stillOn] = await db().select().from(webhookEndpoints);
    expect(stillOn!.active).toBe(true);

    // Three days after the first failure, the next failure disables it.
    await givenInvoice(db());
    answers = [500];
    await deliver(at(3 * 24 * 3600e3));
    const [disabled] = await db().select().from(webhookEndpoints);
    expect(disabled).toMatchObject({ active: false, disabledAt: at(3 * 24 * 3600e3) });

    // Re-enabling clears the failure streak.
    const enabled = await updateWebhookEndpoint(admin(), endpoint.id, { active: true });
    expect(enabled).toMatchObject({ active: true, failingSince: null, disabledAt: null });
  });

  it('delivers the events of one subject in order, a retry holding back the next', async () => {
    await createWebhookEndpoint(admin(), { url: `${receiver.url}/ordered`, events: ['*'] });
    const invoice = await givenInvoice(db());
    answers = [500];
    await deliver(at(0));
    await recordPayment(admin(at(500)), { invoiceId: invoice.id, amount: 1000n, method: 'bank_transfer', reference: 'paid' });

    // The payment is another subject and goes at once; the invoice's paid event waits its turn.
    await deliver(at(1_000));
    expect(receiver.requests.map((r) => bodyOf(r).type)).toEqual(['invoice.created', 'payment.received']);
    for (let pass = 0; pass < 3; pass++) await deliver(at(5_000));

    // Issued numbered at once, the invoice was created and finalized in one go; both wait for the
    // retry of the first.
    const invoiceEvents = receiver.requests.map(bodyOf).filter((b) => b.data.id === invoice.id);
    expect(invoiceEvents.map((b) => b.type)).toEqual(['invoice.created', 'invoice.created', 'invoice.finalized', 'invoice.paid']);
    // Every attempt of an event carries the same body: the invoice as it was when that event was
    // first sent, so the retried created event still says pending; finalized went out after the payment.
    expect(invoiceEvents.map((b) => b.data.status)).toEqual(['pending', 'pending', 'paid', 'paid']);
  });

  it('delivers 1,000 events to 3 endpoints once each, in order per subject, with four passes racing', async () => {
    const endpoints = await Promise.all(['a', 'b', 'c'].map((name) => createWebhookEndpoint(admin(), { url: `${receiver.url}/${name}`, events: ['*'] })));
    const orderIds = Array.from({ length: 250 }, () => randomUUID());
    const serviceIds: string[] = Array.from({ length: 250 }, () => randomUUID());
    const types = ['order.created', 'order.activated', 'service.suspended', 'service.unsuspended'] as const;
    for (const type of types)
      await db().transaction((tx) =>
        publishWebhookEvents(tx, type, type.startsWith('order') ? 'order' : 'service', type.startsWith('order') ? orderIds : serviceIds, testNow),
      );

    const drain = async () => {
      while ((await deliver(at(1000), { limit: 40 })) > 0);
    };
    await Promise.all([drain(), drain(), drain(), drain()]);

    expect(receiver.requests).toHaveLength(3000);
    const ids = receiver.requests.map((r) => `${r.path} ${r.headers['webhook-id']}`);
    expect(new Set(ids).size).toBe(3000);
    for (const endpoint of endpoints) {
      const path = new URL(endpoint.url).pathname;
      const seen = new Map<string, string[]>();
      for (const request of receiver.requests.filter((r) => r.path === path)) {
        const { type, data } = bodyOf(request);
        const key = String(data.id);
        seen.set(key, [...(seen.get(key) ?? []), type]);
      }
      expect(seen.size).toBe(500);
      for (const [key, order] of seen) expect(order).toEqual(serviceIds.includes(key) ? types.slice(2) : types.slice(0, 2));
    }
    const pending = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.status, 'pending'));
    expect(pending).toEqual([]);
  }, 120_000);

  it('sends again, with the same webhook-id, what a process that died mid-attempt left unanswered', async () => {
    await createWebhookEndpoint(admin(), { url: `${receiver.url}/hooks`, events: ['invoice.created'] });
    await givenInvoice(db());
    let hung: (() => void) | undefined;
    // The first process claims the delivery and never hears back (it was killed).
    const dead = deliver(at(0), { send: () => new Promise((_, reject) => (hung = () => reject(new Error('killed')))) });
    await vi.waitFor(() => expect(hung).toBeDefined());
    expect(await deliver(at(30_000))).toBe(0);

    expect(await deliver(at(60_000))).toBe(1);

    const [delivery] = await db().select().from(webhookDeliveries);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([delivery!.id]);
    hung!();
    await dead;
  });

  it('signs with both secrets for a day after a rotation, then with the new one alone', async () => {
    const endpoint = await createWebhookEndpoint(admin(), { url: `${receiver.url}/rotating`, events: ['*'] });
    const rotated = await rotateWebhookSecret(admin(), endpoint.id);
    expect(rotated.secret).not.toBe(endpoint.secret);

    await sendTestWebhook(admin(at(1000)), endpoint.id);
    await deliver(at(1000));
    await sendTestWebhook(admin(at(24 * 3600e3 + 1000)), endpoint.id);
    await deliver(at(24 * 3600e3 + 1000));

    const [during, after] = receiver.requests;
    expect(bodyOf(during!).type).toBe('webhook.test');
    expect([verifies(endpoint.secret, during!), verifies(rotated.secret, during!)]).toEqual([true, true]);
    expect([verifies(endpoint.secret, after!), verifies(rotated.secret, after!)]).toEqual([false, true]);
  });

  it('retries a failed delivery on request with the same webhook-id', async () => {
    const endpoint = await createWebhookEndpoint(admin(), { url: `${receiver.url}/hooks`, events: ['*'] });
    const test = await sendTestWebhook(admin(), endpoint.id);
    await db().update(webhookDeliveries).set({ status: 'failed', attempts: 8, nextAttemptAt: null }).where(eq(webhookDeliveries.id, test.id));

    await retryWebhookDelivery(admin(at(1000)), endpoint.id, test.id);
    await deliver(at(1000));

    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([test.id]);
    await expect(retryWebhookDelivery(admin(at(2000)), endpoint.id, test.id)).rejects.toMatchObject({ code: 'invalid_state' });
  });
});
