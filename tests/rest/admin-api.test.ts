import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE as revokeKey } from '@/app/api/v1/api-keys/[id]/route';
import { POST as createKey, GET as listKeys } from '@/app/api/v1/api-keys/route';
import { GET as auditLogList } from '@/app/api/v1/audit-log/route';
import { POST as createCoupon, GET as listCoupons } from '@/app/api/v1/coupons/route';
import { GET as listCustomers } from '@/app/api/v1/customers/route';
import { GET as getProduct, PUT as putProduct } from '@/app/api/v1/products/[id]/route';
import { DELETE as revokeResellerKey } from '@/app/api/v1/resellers/[id]/api-keys/[key_id]/route';
import { POST as issueResellerKey, GET as listResellerKeys } from '@/app/api/v1/resellers/[id]/api-keys/route';
import { PATCH as patchStaff } from '@/app/api/v1/staff/[id]/route';
import { POST as createStaff, GET as listStaff } from '@/app/api/v1/staff/route';
import { POST as setDisabled } from '@/app/api/v1/users/[id]/disabled/route';
import { users } from '@/db/schema';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
type Handler = (request: Request, route: ReturnType<typeof params>) => Promise<Response>;

let admin: string;
let staffKey: string;
let resellerKey: string;
let resellerId: string;

async function call(handler: Handler, path: string, init: { method?: string; key?: string; body?: unknown; values?: Record<string, string> } = {}) {
  const response = await handler(
    apiRequest(path, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), key: init.key ?? admin, body: init.body }),
    params(init.values ?? {}),
  );
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

beforeAll(async () => {
  admin = await givenApiKey(db(), 'admin');
  staffKey = await givenApiKey(db(), 'staff');
  const reseller = await givenUser(db(), 'reseller');
  resellerId = reseller.id;
  resellerKey = await givenApiKey(db(), 'reseller', reseller.id);
});

describe('catalog', () => {
  it('reads a product and replaces it as the editor does; a bad price is a 400 naming it', async () => {
    const product = await givenProduct(db(), { monthly: 1000, name: 'Starter' });
    const read = await call(getProduct, `/api/v1/products/${product.id}`, { values: { id: product.id } });
    expect(read).toMatchObject({ status: 200, body: { id: product.id, name: 'Starter', active: true } });

    const replacement = { name: 'Starter 2', type: 'recurring', prices: [{ cycle: 'monthly', currency: 'USD', amount: 1200 }], active: false };
    const put = await call(putProduct, `/api/v1/products/${product.id}`, { method: 'PUT', body: replacement, values: { id: product.id } });
    expect(put).toMatchObject({ status: 200, body: { name: 'Starter 2', active: false, prices: [{ cycle: 'monthly', currency: 'USD', amount: 1200 }] } });

    const bad = await call(putProduct, `/api/v1/products/${product.id}`, {
      method: 'PUT',
      body: { ...replacement, prices: [{ cycle: 'one_time', currency: 'USD', amount: 5 }] },
      values: { id: product.id },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { 'prices.0.cycle': 'must be a billing cycle for a recurring product' } } } });
    // A price whose own fields fail (here its currency) is its field's 400, not a crash of the cross-field checks.
    const badCurrency = await call(putProduct, `/api/v1/products/${product.id}`, {
      method: 'PUT',
      body: { ...replacement, prices: [{ cycle: 'monthly', currency: 'US', amount: 5 }] },
      values: { id: product.id },
    });
    expect(badCurrency).toMatchObject({ status: 400, body: { error: { fields: { 'prices.0.currency': 'must be an ISO 4217 currency code, like USD' } } } });
    expect((await call(getProduct, `/api/v1/products/${product.id}`, { values: { id: product.id } })).body.name).toBe('Starter 2');

    // The store's description and feature bullets travel as markdown; a bullet too long is named.
    const described = {
      ...replacement,
      description: 'Fast **NVMe** storage.',
      features: ['10 GB storage', 'Free SSL'],
    };
    const withFeatures = await call(putProduct, `/api/v1/products/${product.id}`, { method: 'PUT', body: described, values: { id: product.id } });
    expect(withFeatures).toMatchObject({ status: 200, body: { description: 'Fast **NVMe** storage.', features: ['10 GB storage', 'Free SSL'] } });
    const tooLong = await call(putProduct, `/api/v1/products/${product.id}`, {
      method: 'PUT',
      body: { ...described, features: ['ok', 'x'.repeat(201)] },
      values: { id: product.id },
    });
    expect(tooLong).toMatchObject({ status: 400, body: { error: { fields: { 'features.1': 'must be at most 200 characters' } } } });

    // A staff key lacks catalog.manage; a reseller key reads the catalog but never writes it.
    for (const key of [staffKey, resellerKey]) {
      expect((await call(putProduct, `/api/v1/products/${product.id}`, { method: 'PUT', key, body: replacement, values: { id: product.id } })).status).toBe(
        403,
      );
    }
  });

  it('lists coupons with their uses for the desk, and only the redeemable ones without uses for a reseller', async () => {
    const made = await call(createCoupon, '/api/v1/coupons', { body: { code: 'SPRING', type: 'percent', value: 10, duration: 'once' } });
    expect(made.status).toBe(201);
    await call(createCoupon, '/api/v1/coupons', { body: { code: 'GONE', type: 'percent', value: 10, duration: 'once', expires_at: '2000-01-01T00:00:00Z' } });
    const desk = await call(listCoupons, '/api/v1/coupons');
    expect(desk.body.data.map((c: { code: string; uses: number }) => [c.code, c.uses])).toEqual(
      expect.arrayContaining([
        ['SPRING', 0],
        ['GONE', 0],
      ]),
    );
    const reseller = await call(listCoupons, '/api/v1/coupons', { key: resellerKey });
    expect(reseller.body.data.map((c: { code: string; uses: null }) => [c.code, c.uses])).toEqual([['SPRING', null]]);
    expect((await call(listCoupons, '/api/v1/coupons', { key: staffKey })).status).toBe(403);
  });
});

describe('staff and users', () => {
  it('adds a staff member, changes its permissions and stops its sign-in, each audited and listed', async () => {
    const body = { name: 'Dana Desk', email: 'Dana@Example.test', password: 'a-long-password', permissions: ['customers.view'] };
    const created = await call(createStaff, '/api/v1/staff', { body });
    expect(created).toMatchObject({ status: 201, body: { email: 'dana@example.test', role: 'staff', permissions: ['customers.view'], disabled: false } });
    expect((await call(createStaff, '/api/v1/staff', { body })).status).toBe(409);

    const id = created.body.id;
    const patched = await call(patchStaff, `/api/v1/staff/${id}`, { method: 'PATCH', body: { permissions: ['invoices.view', 'orders.view'] }, values: { id } });
    expect(patched.body.permissions).toEqual(['invoices.view', 'orders.view']);
    expect(await call(setDisabled, `/api/v1/users/${id}/disabled`, { body: { disabled: true }, values: { id } })).toEqual({
      status: 200,
      body: { id, disabled: true },
    });
    const [row] = await db().select({ disabled: users.disabled }).from(users).where(eq(users.id, id));
    expect(row!.disabled).toBe(true);

    const listed = await call(listStaff, '/api/v1/staff');
    expect(listed.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ id, disabled: true })]));

    const audit = await call(auditLogList, `/api/v1/audit-log?entity_type=user&limit=2`);
    expect(audit.status).toBe(200);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['user.disabled', 'staff.permissions_changed']);
    expect(audit.body.next_cursor).toEqual(expect.any(String));
    const next = await call(auditLogList, `/api/v1/audit-log?entity_type=user&limit=2&cursor=${audit.body.next_cursor}`);
    expect(next.body.data.map((e: { action: string }) => e.action)).toContain('staff.created');
  });

  it('refuses bad input with field errors, and every key but an admin’s', async () => {
    const short = await call(createStaff, '/api/v1/staff', { body: { name: 'X', email: 'x@example.test', password: 'short', permissions: ['no.such'] } });
    expect(short.status).toBe(400);
    expect(Object.keys(short.body.error.fields)).toEqual(expect.arrayContaining(['password', 'permissions.0']));
    expect((await call(auditLogList, '/api/v1/audit-log?cursor=abc')).status).toBe(400);
    const someone = await givenUser(db(), 'staff');
    expect((await call(setDisabled, `/api/v1/users/${someone.id}/disabled`, { body: { disabled: 'yes' }, values: { id: someone.id } })).status).toBe(400);
    for (const key of [staffKey, resellerKey]) {
      expect((await call(listStaff, '/api/v1/staff', { key })).status).toBe(403);
      expect((await call(auditLogList, '/api/v1/audit-log', { key })).status).toBe(403);
      expect((await call(setDisabled, `/api/v1/users/${someone.id}/disabled`, { key, body: { disabled: true }, values: { id: someone.id } })).status).toBe(403);
    }
  });
});

describe('API keys', () => {
  it('creates a staff key with the default staff permissions, lists it by prefix and revokes it at once', async () => {
    const made = await call(createKey, '/api/v1/api-keys', { body: { name: 'Accounting export', role: 'staff' } });
    expect(made).toMatchObject({ status: 201, body: { id: expect.any(String), key: expect.stringMatching(/^cd_/) } });
    expect((await call(listCustomers, '/api/v1/customers', { key: made.body.key })).status).toBe(200);

    const listed = await call(listKeys, '/api/v1/api-keys');
    expect(listed.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: made.body.id, prefix: made.body.key.slice(0, 8), revoked_at: null })]),
    );
    expect(JSON.stringify(listed.body)).not.toContain(made.body.key);

    expect(await call(revokeKey, `/api/v1/api-keys/${made.body.id}`, { method: 'DELETE', values: { id: made.body.id } })).toEqual({ status: 204, body: null });
    expect((await call(listCustomers, '/api/v1/customers', { key: made.body.key })).status).toBe(401);
    expect((await call(revokeKey, `/api/v1/api-keys/${made.body.id}`, { method: 'DELETE', values: { id: made.body.id } })).status).toBe(404);
  });

  it('refuses an unknown role (400) and any key but an admin’s (403)', async () => {
    const bad = await call(createKey, '/api/v1/api-keys', { body: { name: 'x', role: 'reseller' } });
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { role: 'must be admin or staff' } } } });
    for (const key of [staffKey, resellerKey]) {
      expect((await call(createKey, '/api/v1/api-keys', { key, body: { name: 'x', role: 'admin' } })).status).toBe(403);
      expect((await call(listKeys, '/api/v1/api-keys', { key })).status).toBe(403);
    }
  });

  it('lists and revokes a reseller’s keys', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const values = { id: reseller.id };
    const issued = await call(issueResellerKey, `/api/v1/resellers/${reseller.id}/api-keys`, { body: { name: 'shop' }, values });
    expect(issued.status).toBe(201);
    expect((await call(listResellerKeys, `/api/v1/resellers/${reseller.id}/api-keys`, { values })).body.data).toHaveLength(1);
    const path = `/api/v1/resellers/${reseller.id}/api-keys/${issued.body.id}`;
    expect((await call(revokeResellerKey, path, { method: 'DELETE', key: resellerKey, values: { ...values, key_id: issued.body.id } })).status).toBe(403);
    expect((await call(revokeResellerKey, path, { method: 'DELETE', values: { ...values, key_id: issued.body.id } })).status).toBe(204);
    expect((await call(listCustomers, '/api/v1/customers', { key: issued.body.key })).status).toBe(401);
    expect((await call(listResellerKeys, `/api/v1/resellers/${resellerId}/api-keys`, { key: resellerKey, values: { id: resellerId } })).status).toBe(403);
  });
});
