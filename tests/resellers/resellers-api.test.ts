import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listCustomers } from '@/app/api/v1/customers/route';
import { POST as cancelInvoice } from '@/app/api/v1/invoices/[id]/cancel/route';
import { POST as createInvoice, GET as listInvoices } from '@/app/api/v1/invoices/route';
import { POST as issueKey } from '@/app/api/v1/resellers/[id]/api-keys/route';
import { GET as getOne, PATCH as patch } from '@/app/api/v1/resellers/[id]/route';
import { POST as create, GET as list } from '@/app/api/v1/resellers/route';
import { auditLog, emailOutbox, users } from '@/db/schema';
import { actorForUser } from '@/server/auth/request-actor';
import { revokeResellerApiKey } from '@/server/services/resellers/revoke-api-key';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
let adminKey: string;
const call = (path: string, init: Parameters<typeof apiRequest>[1] = {}) => apiRequest(path, { defaultKey: adminKey, ...init });
const post = (body: unknown, key?: string) => create(call('/api/v1/resellers', { method: 'POST', body, key }), params());
let n = 0;
const email = () => `reseller-${++n}@example.test`;

beforeAll(async () => {
  adminKey = await givenApiKey(db(), 'admin');
});

describe('REST /api/v1/resellers', () => {
  it('creates a reseller with the default flags and lists, gets and finds it', async () => {
    const response = await post({ name: 'Rita Reseller', email: 'Rita@Example.test', password: 'a-long-password', commission_percent: '12.5' });
    expect(response.status).toBe(201);
    const reseller = await response.json();
    expect(reseller).toEqual({
      id: expect.any(String),
      name: 'Rita Reseller',
      email: 'rita@example.test',
      commission_percent: '12.5',
      parent_id: null,
      permissions: ['invoices.view', 'invoices.create', 'invoices.edit'],
      see_parent_customers: false,
      active: true,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect((await getOne(call(`/api/v1/resellers/${reseller.id}`), params({ id: reseller.id }))).status).toBe(200);
    const found = await list(call('/api/v1/resellers?q=rita%40example'), params());
    expect(await found.json()).toEqual({ data: [reseller], next_cursor: null });
    const [row] = await db().select({ role: users.role }).from(users).where(eq(users.id, reseller.id));
    expect(row!.role).toBe('reseller');
    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, reseller.id));
    expect(actions.map((a) => a.action)).toEqual(['reseller.created']);
  });

  it('reads the commission exactly: numbers, three decimals, 0 and 100', async () => {
    for (const [given, stored] of [
      [12.5, '12.5'],
      ['0.125', '0.125'],
      ['100', '100'],
      [0, '0'],
      ['33.330', '33.33'],
    ] as const) {
      const response = await post({ name: 'Exact', email: email(), password: 'a-long-password', commission_percent: given });
      expect(response.status).toBe(201);
      expect((await response.json()).commission_percent).toBe(stored);
    }
  });

  it('refuses a bad commission with its field message, a duplicate e-mail with 409, and a parent that is no reseller', async () => {
    for (const bad of ['100.001', '-1', '1.2345', 'ten', 1e-7]) {
      const response = await post({ name: 'Bad', email: email(), password: 'a-long-password', commission_percent: bad });
      expect(response.status).toBe(400);
      expect((await response.json()).error.fields).toEqual({ commission_percent: 'must be a percent from 0 to 100 with at most 3 decimals, like "12.5"' });
    }
    await post({ name: 'First', email: 'taken@example.test', password: 'a-long-password', commission_percent: '1' });
    const duplicate = await post({ name: 'Second', email: 'TAKEN@example.test', password: 'a-long-password', commission_percent: '1' });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error).toMatchObject({ code: 'conflict', fields: { email: 'is already used by another account' } });

    const staff = await givenUser(db(), 'staff');
    const notReseller = await post({ name: 'Orphan', email: email(), password: 'a-long-password', commission_percent: '1', parent_id: staff.id });
    expect(notReseller.status).toBe(400);
    expect((await notReseller.json()).error.fields).toEqual({ parent_id: 'must be an existing reseller' });
  });

  it('puts a sub-reseller under its parent, and never a reseller below itself', async () => {
    const parent = await (await post({ name: 'Parent', email: email(), password: 'a-long-password', commission_percent: '20' })).json();
    const child = await (
      await post({ name: 'Child', email: email(), password: 'a-long-password', commission_percent: '10', parent_id: parent.id, see_parent_customers: true })
    ).json();
    expect(child).toMatchObject({ parent_id: parent.id, see_parent_customers: true });
    const loop = await patch(call(`/api/v1/resellers/${parent.id}`, { method: 'PATCH', body: { parent_id: child.id } }), params({ id: parent.id }));
    expect(loop.status).toBe(400);
    expect((await loop.json()).error.fields).toEqual({ parent_id: 'would put the reseller below itself' });
  });

  it('invites a reseller created without a password by e-mailing it a reset link', async () => {
    const response = await post({ name: 'Invited', email: 'invited@example.test', commission_percent: '5' });
    expect(response.status).toBe(201);
    const mail = await db().select().from(emailOutbox).where(eq(emailOutbox.to, 'invited@example.test'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toMatch(/reset-password\?token=[\w-]+/);
  });

  it('changes fields with PATCH; disabling stops its session actor and its API key at once (401), enabling restores them', async () => {
    const reseller = await (await post({ name: 'Patchy', email: email(), password: 'a-long-password', commission_percent: '5' })).json();
    const issued = await issueKey(call(`/api/v1/resellers/${reseller.id}/api-keys`, { method: 'POST', body: { name: 'shop' } }), params({ id: reseller.id }));
    expect(issued.status).toBe(201);
    const key = await issued.json();
    expect(key).toEqual({ id: expect.any(String), name: 'shop', key: expect.stringMatching(/^cd_/) });
    const asReseller = () => listCustomers(apiRequest('/api/v1/customers', { key: key.key }), params());
    expect((await asReseller()).status).toBe(200);

    const changed = await patch(
      call(`/api/v1/resellers/${reseller.id}`, { method: 'PATCH', body: { commission_percent: 7.25, permissions: ['invoices.view'], name: 'Patched' } }),
      params({ id: reseller.id }),
    );
    expect(await changed.json()).toMatchObject({ name: 'Patched', commission_percent: '7.25', permissions: ['invoices.view'], active: true });

    const disabled = await patch(call(`/api/v1/resellers/${reseller.id}`, { method: 'PATCH', body: { active: false } }), params({ id: reseller.id }));
    expect(await disabled.json()).toMatchObject({ active: false });
    expect(await actorForUser(db(), reseller.id)).toBeNull();
    expect((await asReseller()).status).toBe(401);

    await patch(call(`/api/v1/resellers/${reseller.id}`, { method: 'PATCH', body: { active: true } }), params({ id: reseller.id }));
    expect(await actorForUser(db(), reseller.id)).not.toBeNull();
    expect((await asReseller()).status).toBe(200);
  });

  it('revokes one of its keys at once, and finds no key of anyone else under it', async () => {
    const admin = await givenUser(db(), 'admin');
    const reseller = await (await post({ name: 'Keyed', email: email(), password: 'a-long-password', commission_percent: '5' })).json();
    const issued = await (
      await issueKey(call(`/api/v1/resellers/${reseller.id}/api-keys`, { method: 'POST', body: { name: 'shop' } }), params({ id: reseller.id }))
    ).json();
    const otherKey = await (
      await issueKey(call(`/api/v1/resellers/${reseller.id}/api-keys`, { method: 'POST', body: { name: 'other' } }), params({ id: reseller.id }))
    ).json();
    const someoneElses = await givenUser(db(), 'reseller');
    const ctx = ctxOf(db(), admin.actor);
    await expect(revokeResellerApiKey(ctx, { id: someoneElses.id, keyId: issued.id })).rejects.toMatchObject({ code: 'not_found' });

    await revokeResellerApiKey(ctx, { id: reseller.id, keyId: issued.id });
    expect((await listCustomers(apiRequest('/api/v1/customers', { key: issued.key }), params())).status).toBe(401);
    expect((await listCustomers(apiRequest('/api/v1/customers', { key: otherKey.key }), params())).status).toBe(200);
  });

  it('answers 404 for an id that is no reseller, and 403 to anyone without settings.manage', async () => {
    const staff = await givenUser(db(), 'staff');
    const missing = await getOne(call(`/api/v1/resellers/${staff.id}`), params({ id: staff.id }));
    expect(missing.status).toBe(404);
    const reseller = await givenUser(db(), 'reseller');
    for (const key of [await givenApiKey(db(), 'reseller', reseller.id), await givenApiKey(db(), 'staff')]) {
      expect((await list(call('/api/v1/resellers', { key }), params())).status).toBe(403);
    }
  });
});

describe('reseller invoice flags', () => {
  const flagged = async (permissions: string[]) => {
    const reseller = await (await post({ name: 'Flags', email: email(), password: 'a-long-password', commission_percent: '5', permissions })).json();
    const key = (
      await (await issueKey(call(`/api/v1/resellers/${reseller.id}/api-keys`, { method: 'POST', body: { name: 'k' } }), params({ id: reseller.id }))).json()
    ).key;
    const customer = await givenCustomer(db(), { reseller_id: reseller.id });
    return { id: reseller.id as string, key: key as string, customerId: customer.id };
  };
  const actions = {
    'invoices.view': async (r: { key: string }) => listInvoices(apiRequest('/api/v1/invoices', { key: r.key }), params()),
    'invoices.create': async (r: { key: string; customerId: string }) =>
      createInvoice(
        apiRequest('/api/v1/invoices', {
          method: 'POST',
          key: r.key,
          body: { customer_id: r.customerId, items: [{ description: 'Flag', quantity: 1, unit_price: 100, tax_rate: 0 }] },
        }),
        params(),
      ),
    'invoices.edit': async (r: { key: string; customerId: string }) => {
      const invoice = await givenInvoice(db(), { customerId: r.customerId });
      return cancelInvoice(apiRequest(`/api/v1/invoices/${invoice.id}/cancel`, { method: 'POST', key: r.key, body: {} }), params({ id: invoice.id }));
    },
  };

  for (const [flag, act] of Object.entries(actions)) {
    it(`${flag}: a reseller key without it gets 403, with it succeeds, and a PATCH applies at once`, async () => {
      const reseller = await flagged(['invoices.view', 'invoices.create', 'invoices.edit'].filter((f) => f !== flag));
      const refused = await act(reseller);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe('forbidden');

      await patch(call(`/api/v1/resellers/${reseller.id}`, { method: 'PATCH', body: { permissions: [flag] } }), params({ id: reseller.id }));
      expect((await act(reseller)).status).toBeLessThan(300);
    });
  }
});
