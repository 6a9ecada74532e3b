import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';
import { withTestDatabase } from '../support/database';
import { freePort, startServer, until, type ProductionServer } from './server';

/**
 * Webhooks out survive a crash: the production server is SIGKILLed while its deliveries hang
 * on a receiver that holds every request open, then started again on the same database. Each
 * event must still reach the receiver, the ones cut off with the same webhook-id as before,
 * once their claims lapse (shortened here from 60 s by CASHDESK_WEBHOOK_CLAIM_MS).
 */
const { db, url } = withTestDatabase();
const events = 40;
const apiKey = 'cd_webhooks_crash_bootstrap_key_0123456789';
const claimMs = 3_000;

type Received = { id: string; subject: string; answered: boolean };
const received: Received[] = [];
// While set, the receiver records each request and never answers it: the attempts are in flight.
let holding = true;
const held: ServerResponse[] = [];

const receiver = createServer((request: IncomingMessage, response: ServerResponse) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    const { data } = JSON.parse(body) as { data: { id: string } };
    const entry = { id: String(request.headers['webhook-id']), subject: data.id, answered: !holding };
    received.push(entry);
    if (holding) held.push(response);
    else response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});

let sql: postgres.Sql;
let server: ProductionServer | undefined;
let port: number;

const start = async () => {
  server = await startServer(port, {
    DATABASE_URL: url(),
    CASHDESK_DEMO_SEED: 'never',
    CASHDESK_SECRET: 'webhooks-crash-secret-that-is-long-enough',
    CASHDESK_BOOTSTRAP_API_KEY: apiKey,
    CASHDESK_SCHEDULER: 'off',
    CASHDESK_WEBHOOKS_ALLOW_PRIVATE: '1',
    CASHDESK_WEBHOOK_CLAIM_MS: String(claimMs),
  });
  return server;
};

beforeAll(async () => {
  sql = postgres(url(), { max: 2, onnotice: () => {} });
  port = await freePort();
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await server?.kill();
  for (const response of held) response.destroy();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await sql?.end();
});

describe('webhooks out across a crash', () => {
  it('delivers every event after the server is killed mid-delivery, a cut-off one again with its webhook-id', async () => {
    const base = (await start()).url;
    const created = await fetch(`${base}/api/v1/webhook-endpoints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, events: ['order.created'] }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const subjects = Array.from({ length: events }, () => randomUUID());
    await db().transaction((tx) => publishWebhookEvents(tx, 'order.created', 'order', subjects, new Date()));

    // The server sends 8 at once; with all of them hanging, the rest of its batch waits claimed.
    await until('deliveries in flight', async () => held.length >= 8);
    const cutOff = new Set(received.map((r) => r.id));
    await server!.kill();
    server = undefined;
    holding = false;
    for (const response of held) response.destroy();

    await start();
    await until(
      'every delivery to succeed',
      async () => Number((await sql`select count(*) as n from webhook_deliveries where status <> 'succeeded'`)[0]!.n) === 0,
      120_000,
    );

    const deliveries = await sql<{ id: string; subject_key: string }[]>`select id, subject_key from webhook_deliveries`;
    expect(deliveries).toHaveLength(events);
    const answered = received.filter((r) => r.answered);
    // Every event arrived and was acknowledged, under the delivery's one webhook-id.
    expect(new Set(answered.map((r) => r.id))).toEqual(new Set(deliveries.map((d) => d.id)));
    expect(new Set(answered.map((r) => `order:${r.subject}`))).toEqual(new Set(subjects.map((s) => `order:${s}`)));
    for (const delivery of deliveries) {
      const ids = new Set(received.filter((r) => `order:${r.subject}` === delivery.subject_key).map((r) => r.id));
      expect(ids).toEqual(new Set([delivery.id]));
    }
    // What was in flight when the server died went again after the restart, same webhook-id.
    expect(cutOff.size).toBeGreaterThanOrEqual(8);
    for (const id of cutOff) expect(answered.some((r) => r.id === id)).toBe(true);
  });
});
