import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getOne } from '@/app/api/v1/customers/[id]/route';
import { POST as create, GET as list } from '@/app/api/v1/customers/route';
import { customers, idempotencyKeys } from '@/db/schema';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
let adminKey: string;

const noParams = { params: Promise.resolve({}) };

function request(path: string, init: { method?: string; key?: string | null; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set('authorization', `Bearer ${init.key ?? adminKey}`);
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  if (body) headers.set('content-type', 'application/json');
  return new Request(`http://localhost${path}`, { method: init.method ?? 'GET', headers, body });
}

beforeAll(async () => {
  adminKey = await givenApiKey(db(), 'admin');
});

describe('REST /api/v1/customers', () => {
  it('creates a customer with 201 and lists it newest first', async () => {
    const created = await create(request('/api/v1/customers', { method: 'POST', body: { name: 'Api Co', email: 'api@co.test', currency: 'eur' } }), noParams);
    expect(created.status).toBe(201);
    const customer = await created.json();
    expect(customer).toMatchObject({ name: 'Api Co', email: 'api@co.test', currency: 'EUR', credit_balance: 0, reseller_id: null });
    expect(customer.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);

    const listed = await list(request('/api/v1/customers?q=api%40co&limit=5'), noParams);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ data: [customer], next_cursor: null });

    const one = await getOne(request(`/api/v1/customers/${customer.id}`), { params: Promise.resolve({ id: customer.id }) });
    expect(await one.json()).toEqual(customer);
  });

  it('answers 401 without a key or with a wrong one', async () => {
    for (const key of [null, 'cd_not_a_real_key']) {
      const response = await list(request('/api/v1/customers', { key }), noParams);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('unauthorized');
    }
  });

  it('answers 403 to a key whose role lacks the permission', async () => {
    const owner = await givenCustomer(db());
    await givenUser(db(), 'client', { customerId: owner.id });
    const clientKey = await givenApiKey(db(), 'client');
    const response = await list(request('/api/v1/customers', { key: clientKey }), noParams);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });

  it('answers 400 with a message per bad field, and stores nothing', async () => {
    const response = await create(
      request('/api/v1/customers', { method: 'POST', body: { name: '', email: 'not-an-email', currency: 'XXQ', billing_address: { line1: 'x' } } }),
      noParams,
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('validation_error');
    expect(error.fields).toMatchObject({
      name: 'is required',
      email: 'must be a valid e-mail address',
      currency: expect.stringContaining('ISO 4217'),
      'billing_address.city': 'is required',
      'billing_address.country': 'is required',
    });
    expect(await db().select().from(customers).where(eq(customers.email, 'not-an-email'))).toHaveLength(0);
  });

  it('answers 400 to malformed JSON, a bad limit and a bad id, never 500', async () => {
    const badJson = await create(request('/api/v1/customers', { method: 'POST', body: '{"name": ' }), noParams);
    expect(badJson.status).toBe(400);
    const badLimit = await list(request('/api/v1/customers?limit=500'), noParams);
    expect((await badLimit.json()).error.fields).toEqual({ limit: 'must be between 1 and 200' });
    const badId = await getOne(request('/api/v1/customers/nope'), { params: Promise.resolve({ id: 'nope' }) });
    expect(badId.status).toBe(400);
  });

  it('answers 413 to a body over 1 MB', async () => {
    const response = await create(
      request('/api/v1/customers', { method: 'POST', body: { name: 'x'.repeat(1024 * 1024 + 10), email: 'big@co.test' } }),
      noParams,
    );
    expect(response.status).toBe(413);
  });

  it('answers 409 to a duplicate e-mail', async () => {
    await givenCustomer(db(), { email: 'taken@co.test' });
    const response = await create(request('/api/v1/customers', { method: 'POST', body: { name: 'T', email: 'taken@co.test' } }), noParams);
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({ code: 'conflict', fields: { email: expect.any(String) } });
  });

  it('hides another reseller’s customer from a reseller key as 404', async () => {
    const mine = await givenUser(db(), 'reseller');
    const other = await givenUser(db(), 'reseller');
    const foreign = await givenCustomer(db(), { reseller_id: other.id });
    const key = await givenApiKey(db(), 'reseller', mine.id);
    const response = await getOne(request(`/api/v1/customers/${foreign.id}`, { key }), { params: Promise.resolve({ id: foreign.id }) });
    expect(response.status).toBe(404);
    const listed = await (await list(request('/api/v1/customers', { key }), noParams)).json();
    expect(listed.data).toEqual([]);
  });
});

describe('Idempotency-Key', () => {
  const post = (key: string, body: unknown) => create(request('/api/v1/customers', { method: 'POST', body, headers: { 'idempotency-key': key } }), noParams);

  it('replays the first response for the same key and body, and refuses another body with 409', async () => {
    const first = await post('k-1', { name: 'Once', email: 'once@co.test' });
    const second = await post('k-1', { email: 'once@co.test', name: 'Once' });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    const mismatch = await post('k-1', { name: 'Twice', email: 'twice@co.test' });
    expect(mismatch.status).toBe(409);
    expect((await mismatch.json()).error.code).toBe('idempotency_mismatch');
    expect(await db().select().from(customers).where(eq(customers.email, 'once@co.test'))).toHaveLength(1);
  });

  it('acts once when twelve identical requests race', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => post('k-race', { name: 'Racer', email: 'racer@co.test' })));
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(await db().select().from(customers).where(eq(customers.email, 'racer@co.test'))).toHaveLength(1);
  });

  it('keeps no key for a failed request, so a corrected retry with it succeeds', async () => {
    const failed = await post('k-retry', { name: '', email: 'retry@co.test' });
    expect(failed.status).toBe(400);
    const conflict = await post('k-retry2', { name: 'Dup', email: 'taken2@co.test' });
    expect(conflict.status).toBe(201);
    const dupe = await post('k-retry3', { name: 'Dup', email: 'taken2@co.test' });
    expect(dupe.status).toBe(409);
    expect(await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'k-retry3'))).toHaveLength(0);
    expect((await post('k-retry3', { name: 'Fixed', email: 'fixed@co.test' })).status).toBe(201);
  });
});
