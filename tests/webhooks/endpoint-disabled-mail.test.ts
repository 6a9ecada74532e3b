import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emailOutbox, webhookEndpoints, workflowEvents } from '@/db/schema';
import { notifyWebhookDisabled } from '@/inngest/functions/webhook-disabled';
import { systemActor } from '@/server/auth/actor';
import { dispatchPending, type Runtime } from '@/server/jobs/runtime';
import { webhookData } from '@/server/rest/routes/webhooks';
import { deliverDueWebhooks } from '@/server/services/webhooks/deliver';
import { createWebhookEndpoint, sendTestWebhook } from '@/server/services/webhooks/endpoints';
import { withTestDatabase } from '../support/database';
import { startFakeServer } from '../support/fake-server';
import { ctxOf, givenDeskAdmins } from '../support/fixtures';

const { db } = withTestDatabase();
const runtime: Runtime = { mode: 'embedded', workflows: [notifyWebhookDisabled], backoff: () => 0 };
const start = new Date('2026-12-01T09:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const days = (n: number) => n * 24 * 3600e3;
const admins: string[] = [];
let receiver: Awaited<ReturnType<typeof startFakeServer>>;

/** One delivery pass as the webhook loop runs it, at `now`. */
const deliver = (now: Date) => {
  const ctx = ctxOf(db(), systemActor(), now);
  return deliverDueWebhooks(ctx, { describe: webhookData(ctx, 'https://billing.example.test') });
};
const disabledMails = () => db().select().from(emailOutbox).where(eq(emailOutbox.template, 'webhook_endpoint_disabled'));

beforeAll(async () => {
  vi.stubEnv('CASHDESK_WEBHOOKS_ALLOW_PRIVATE', '1');
  receiver = await startFakeServer(0, () => ({ status: 500, body: { error: 'down' } }));
  // Neither a disabled admin nor staff hear of it.
  admins.push(...(await givenDeskAdmins(db())));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await receiver.close();
});

describe('admins hear when a failing webhook endpoint is disabled', () => {
  it('mails each active admin once when the pass disables an endpoint that failed for 3 days, and never again on later passes', async () => {
    const endpoint = await createWebhookEndpoint(ctxOf(db(), systemActor(), start), { url: `${receiver.url}/down`, events: ['invoice.created'] });
    const queue = (now: Date) => sendTestWebhook(ctxOf(db(), systemActor(), now), endpoint.id);
    await queue(at(0));
    await deliver(at(0));
    await queue(at(days(3) + 3600e3));
    // The first failure was 3 days and an hour ago: this pass's failures disable the endpoint.
    await deliver(at(days(3) + 3600e3));
    const [disabled] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(disabled).toMatchObject({ active: false, disabledAt: at(days(3) + 3600e3) });

    await dispatchPending(db(), runtime);
    const mails = await disabledMails();
    expect(mails.map((m) => m.to).sort()).toEqual([...admins].sort());
    const mail = mails[0]!;
    expect(mail).toMatchObject({ invoiceId: null, subject: `Webhook endpoint disabled: ${receiver.url}/down` });
    expect(mail.text).toContain('Hello,');
    expect(mail.text).toContain(`Endpoint: ${receiver.url}/down`);
    expect(mail.text).toContain('Failing since: 1 Dec 2026, 09:00 UTC');
    expect(mail.text).toContain('Last answer: HTTP 500');
    expect(mail.html).toContain(`http://localhost:3000/admin/webhooks/${endpoint.id}`);

    // Later passes find nothing to send to a disabled endpoint and queue no second e-mail.
    await queue(at(days(4)));
    expect(await deliver(at(days(4)))).toBe(0);
    await dispatchPending(db(), runtime);
    expect(await disabledMails()).toHaveLength(admins.length);
    expect(await db().select().from(workflowEvents).where(eq(workflowEvents.name, 'webhook-endpoint/disabled'))).toHaveLength(1);
  });
});
