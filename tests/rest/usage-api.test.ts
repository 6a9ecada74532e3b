import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as reportBatch } from '@/app/api/v1/usage/batch/route';
import { GET as listUsage, POST as report } from '@/app/api/v1/usage/route';
import { auditLog, services, usageRecords } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { parseMicro } from '@/server/billing/decimal';
import type { ServiceStatus } from '@/server/billing/order-status';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenApiKey, givenCustomer, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
type Handler = (r: Request, p: ReturnType<typeof params>) => Promise<Response>;
type Answer = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

let adminKey: string;
let productId: string;
const post = async (handler: Handler, path: string, body: unknown, key = adminKey): Promise<Answer> => {
  const response = await handler(apiRequest(path, { method: 'POST', key, body }), params());
  return { status: response.status, body: await response.json() };
};
const get = async (query: string, key = adminKey): Promise<Answer> => {
  const response = await listUsage(apiRequest(`/api/v1/usage${query}`, { key }), params());
  return { status: response.status, body: await response.json() };
};

/** An active contract service of the customer, made a usage service billed at `unitPrice` per unit. */
async function givenUsageService(customerId: string, options: { status?: ServiceStatus; unitPrice?: string | null } = {}) {
  const order = await placeOrder(
    ctxOf(db(), systemActor(), testNow),
    camelized(placeOrderInput).parse({ customer_id: customerId, billing_day: 1, items: [{ product_id: productId, cycle: 'monthly' }] }),
  );
  const serviceId = order.services[0]!.id;
  await db()
    .update(services)
    .set({ usageUnitPrice: options.unitPrice === undefined ? '0.015' : options.unitPrice, status: options.status ?? 'active' })
    .where(eq(services.id, serviceId));
  return serviceId;
}

const storedFor = async (serviceId: string) => {
  const [row] = await db()
    .select({ records: count(), sum: sql<string | null>`sum(${usageRecords.quantity})::text` })
    .from(usageRecords)
    .where(eq(usageRecords.serviceId, serviceId));
  return { records: row!.records, sum: parseMicro(row!.sum ?? '0')! };
};

let customerId: string;
let serviceId: string;

beforeAll(async () => {
  adminKey = await givenApiKey(db(), 'admin');
  productId = (await givenProduct(db(), { monthly: 0 })).id;
  customerId = (await givenCustomer(db(), { name: 'Metered Co' })).id;
  serviceId = await givenUsageService(customerId);
});

describe('POST /api/v1/usage', () => {
  it('records usage with the reporter’s id; the same id again answers the first record and counts nothing', async () => {
    const first = await post(report, '/api/v1/usage', { service_id: serviceId, quantity: '2.5', occurred_at: '2027-01-15T08:00:00Z', id: 'evt-1' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: 'evt-1',
      service_id: serviceId,
      customer_id: customerId,
      quantity: '2.5',
      occurred_at: '2027-01-15T08:00:00.000Z',
      created_at: expect.any(String),
      invoice_id: null,
    });
    const again = await post(report, '/api/v1/usage', { service_id: serviceId, quantity: 99, id: 'evt-1' });
    expect(again).toEqual({ status: 201, body: first.body });
    expect(await storedFor(serviceId)).toEqual({ records: 1, sum: 2_500_000n });
  });

  it('reads JSON numbers by their decimal spelling and defaults the id and the time', async () => {
    const answer = await post(report, '/api/v1/usage', { service_id: serviceId, quantity: 0.1 });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ quantity: '0.1', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(answer.body.occurred_at).toBe(answer.body.created_at);
    const [row] = await db().select().from(usageRecords).where(eq(usageRecords.key, answer.body.id));
    expect(row!.quantity).toBe('0.100000');
    expect(row!.id).toBe(answer.body.id);
  });

  it.each([
    [0, 'must be greater than 0'],
    ['-1', 'must be greater than 0'],
    ['1.1234567', 'must be a decimal number with at most 6 decimals'],
    [1e-7, 'must be a decimal number with at most 6 decimals'],
    ['1e3', 'must be a decimal number with at most 6 decimals'],
    [1234567890.123456, 'has more than 15 significant digits; send it as a decimal string'],
    [true, 'must be a decimal number (a string or a number)'],
  ])('refuses the quantity %j: %s', async (quantity, message) => {
    const before = await storedFor(serviceId);
    const answer = await post(report, '/api/v1/usage', { service_id: serviceId, quantity });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'validation_error', fields: { quantity: message } });
    expect(await storedFor(serviceId)).toEqual(before);
  });

  it('takes a long quantity exactly as a decimal string', async () => {
    const answer = await post(report, '/api/v1/usage', { service_id: serviceId, quantity: '123456789012345.123456' });
    expect(answer.body.quantity).toBe('123456789012345.123456');
  });

  it('refuses a service that does not bill usage (400), is unknown (400) or is not running (409)', async () => {
    const flat = await givenUsageService(customerId, { unitPrice: null });
    const notUsage = await post(report, '/api/v1/usage', { service_id: flat, quantity: 1 });
    expect(notUsage.status).toBe(400);
    expect(notUsage.body.error.fields).toEqual({ service_id: 'is not a usage service' });
    const unknown = await post(report, '/api/v1/usage', { service_id: '00000000-0000-4000-8000-000000000000', quantity: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ service_id: 'is not a service' });
    const cancelled = await givenUsageService(customerId, { status: 'cancelled' });
    const late = await post(report, '/api/v1/usage', { service_id: cancelled, quantity: 1 });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'invalid_state', fields: { service_id: 'is cancelled; it takes no usage' } });
    const suspended = await givenUsageService(customerId, { status: 'suspended' });
    expect((await post(report, '/api/v1/usage', { service_id: suspended, quantity: 1 })).status).toBe(201);
  });
});

/** A reproducible quantity with up to six decimals, as a string or (half the time) a JSON number. */
function quantityOf(i: number): { wire: string | number; micro: bigint } {
  const micro = BigInt(((i * 7_919_993) % 999_999_937) + 1);
  const whole = micro / 1_000_000n;
  const text = `${whole}.${(micro % 1_000_000n).toString().padStart(6, '0')}`;
  return { wire: i % 2 === 0 ? text : Number(text), micro };
}

describe('POST /api/v1/usage/batch', () => {
  it('stores 10,000 records posted in batches of 1,000 with ids repeated across and inside batches; the sum is exact', async () => {
    const metered = await givenUsageService(customerId);
    const firstOf = new Map<string, bigint>();
    for (let batch = 0; batch < 10; batch++) {
      const records = Array.from({ length: 1000 }, (_, j) => {
        const i = batch * 1000 + j;
        // Every tenth record repeats the one before it in the batch; batches 7–9 repeat ids of batches 0–2.
        const id = `rec-${(j % 10 === 9 ? i - 1 : i) % 7000}`;
        const quantity = quantityOf(i);
        if (!firstOf.has(id)) firstOf.set(id, quantity.micro);
        return { service_id: metered, quantity: quantity.wire, id, occurred_at: '2027-01-20T12:00:00Z' };
      });
      const answer = await post(reportBatch, '/api/v1/usage/batch', { records });
      expect(answer.status).toBe(201);
      expect(answer.body.data).toHaveLength(1000);
      // Each record answers the first one stored under its id, whichever batch sent it.
      answer.body.data.forEach((record: { id: string; quantity: string }, j: number) => {
        expect(record.id).toBe(records[j]!.id);
        expect(parseMicro(record.quantity)).toBe(firstOf.get(record.id));
      });
    }
    const expected = [...firstOf.values()].reduce((a, b) => a + b, 0n);
    expect(firstOf.size).toBe(6300);
    expect(await storedFor(metered)).toEqual({ records: 6300, sum: expected });
  });

  it('writes nothing when any record is bad, and names it', async () => {
    const metered = await givenUsageService(customerId);
    const flat = await givenUsageService(customerId, { unitPrice: null });
    const good = (id: string) => ({ service_id: metered, quantity: '1', id });
    const badQuantity = await post(reportBatch, '/api/v1/usage/batch', { records: [good('a'), { ...good('b'), quantity: '0' }, good('c')] });
    expect(badQuantity.status).toBe(400);
    expect(badQuantity.body.error.fields).toEqual({ 'records.1.quantity': 'must be greater than 0' });
    const badService = await post(reportBatch, '/api/v1/usage/batch', { records: [good('a'), good('b'), { ...good('c'), service_id: flat }] });
    expect(badService.status).toBe(400);
    expect(badService.body.error.fields).toEqual({ 'records.2.service_id': 'is not a usage service' });
    expect(await storedFor(metered)).toEqual({ records: 0, sum: 0n });
  });

  it('takes at most 1,000 records and at least one', async () => {
    const records = Array.from({ length: 1001 }, (_, i) => ({ service_id: serviceId, quantity: 1, id: `over-${i}` }));
    const over = await post(reportBatch, '/api/v1/usage/batch', { records });
    expect(over.status).toBe(400);
    expect(over.body.error.fields).toEqual({ records: 'must hold at most 1,000 records' });
    expect((await post(reportBatch, '/api/v1/usage/batch', { records: [] })).body.error.fields).toEqual({ records: 'must hold at least one record' });
    const [stored] = await db()
      .select({ n: count() })
      .from(usageRecords)
      .where(sql`${usageRecords.key} like 'over-%'`);
    expect(stored!.n).toBe(0);
  });

  it('stores each id once when four batches with overlapping ids arrive at once', async () => {
    const metered = await givenUsageService(customerId);
    // Four batches of 1,000 drawn from 1,500 ids, each in its own order: most ids are in several.
    const batches = Array.from({ length: 4 }, (_, b) =>
      Array.from({ length: 1000 }, (_, j) => {
        const n = (j * (2 * b + 1) * 7 + b * 311) % 1500;
        return { service_id: metered, quantity: `${b + 1}.${n}`, id: `race-${n}` };
      }),
    );
    const answers = await Promise.all(batches.map((records) => post(reportBatch, '/api/v1/usage/batch', { records })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    const rows = await db().select().from(usageRecords).where(eq(usageRecords.serviceId, metered));
    const sent = new Set(batches.flat().map((r) => r.id));
    expect(rows).toHaveLength(sent.size);
    expect(new Set(rows.map((r) => r.key)).size).toBe(sent.size);
    // Every batch answers, for each of its ids, the one record stored.
    const storedQuantity = new Map(rows.map((r) => [r.key, parseMicro(r.quantity)]));
    expect(answers.reduce((n, a) => n + a.body.inserted, 0)).toBe(sent.size);
    for (const answer of answers) {
      for (const record of answer.body.data) expect(parseMicro(record.quantity)).toBe(storedQuantity.get(record.id));
    }
  });

  it('audits one row per service with the new records', async () => {
    const one = await givenUsageService(customerId);
    const two = await givenUsageService(customerId);
    const records = [
      { service_id: one, quantity: '1.5', id: 'audit-1' },
      { service_id: two, quantity: 2, id: 'audit-2' },
      { service_id: one, quantity: '0.25', id: 'audit-3' },
      { service_id: one, quantity: '7', id: 'audit-1' },
    ];
    expect((await post(reportBatch, '/api/v1/usage/batch', { records })).body.inserted).toBe(3);
    const rows = await db()
      .select({ entityId: auditLog.entityId, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'usage.report'), sql`${auditLog.entityId} in (${one}, ${two})`));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.entityId === one)!.after).toEqual({ records: 2, quantity: '1.75' });
    expect(rows.find((r) => r.entityId === two)!.after).toEqual({ records: 1, quantity: '2' });
  });
});

describe('usage and reseller books', () => {
  it('lets a reseller key report and read usage only for its own book', async () => {
    const x = await givenUser(db(), 'reseller');
    const y = await givenUser(db(), 'reseller');
    const xKey = await givenApiKey(db(), 'reseller', x.id);
    const ours = await givenUsageService((await givenCustomer(db(), {}, { actor: x.actor })).id);
    const theirs = await givenUsageService((await givenCustomer(db(), {}, { actor: y.actor })).id);

    expect((await post(report, '/api/v1/usage', { service_id: ours, quantity: 3, id: 'x-1' }, xKey)).status).toBe(201);
    const foreign = await post(report, '/api/v1/usage', { service_id: theirs, quantity: 3 }, xKey);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual({ service_id: 'is not a service' });
    const mixed = await post(
      reportBatch,
      '/api/v1/usage/batch',
      {
        records: [
          { service_id: ours, quantity: 1, id: 'x-2' },
          { service_id: theirs, quantity: 1, id: 'x-3' },
        ],
      },
      xKey,
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.fields).toEqual({ 'records.1.service_id': 'is not a service' });
    expect(await storedFor(theirs)).toEqual({ records: 0, sum: 0n });
    expect(await storedFor(ours)).toEqual({ records: 1, sum: 3_000_000n });

    await post(report, '/api/v1/usage', { service_id: theirs, quantity: 1, id: 'y-1' });
    const listed = await get('?limit=200', xKey);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((r: { id: string }) => r.id)).toEqual(['x-1']);
    expect((await get(`?service_id=${theirs}`, xKey)).body.data).toEqual([]);
  });
});

describe('GET /api/v1/usage', () => {
  it('lists a service’s usage newest first, by the day it occurred, a page at a time', async () => {
    const metered = await givenUsageService(customerId);
    for (const [id, day] of [
      ['l-1', '2027-01-10'],
      ['l-2', '2027-01-11'],
      ['l-3', '2027-01-12'],
    ]) {
      await post(report, '/api/v1/usage', { service_id: metered, quantity: 1, id, occurred_at: `${day}T23:59:59Z` });
    }
    const first = await get(`?service_id=${metered}&limit=2`);
    expect(first.body.data.map((r: { id: string }) => r.id)).toEqual(['l-3', 'l-2']);
    const rest = await get(`?service_id=${metered}&limit=2&cursor=${first.body.next_cursor}`);
    expect(rest.body).toMatchObject({ data: [{ id: 'l-1' }], next_cursor: null });
    const days = await get(`?service_id=${metered}&from=2027-01-11&to=2027-01-11`);
    expect(days.body.data.map((r: { id: string }) => r.id)).toEqual(['l-2']);
  });
});
