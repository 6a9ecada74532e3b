import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as cancelRoute } from '@/app/api/v1/invoices/[id]/cancel/route';
import { DELETE as deleteRoute, GET as getRoute } from '@/app/api/v1/invoices/[id]/route';
import { GET as listRoute } from '@/app/api/v1/invoices/route';
import { auditLog } from '@/db/schema';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
let adminKey: string;
const call = (method: string, path: string, key = adminKey) => apiRequest(path, { method, key });
const remove = (id: string, key?: string) => deleteRoute(call('DELETE', `/api/v1/invoices/${id}`, key), params({ id }));
const listIds = async (query: string, key = adminKey) =>
  ((await (await listRoute(call('GET', `/api/v1/invoices?${query}`, key), params())).json()).data as { id: string }[]).map((i) => i.id);

beforeAll(async () => {
  adminKey = await givenApiKey(db(), 'admin');
});

describe('DELETE /api/v1/invoices/:id', () => {
  it('softly deletes a draft: 204, gone from lists unless include_deleted=true, still readable with deleted_at, audited', async () => {
    const customer = await givenCustomer(db());
    const draft = await givenInvoice(db(), { customerId: customer.id, status: 'draft' });
    const kept = await givenInvoice(db(), { customerId: customer.id, status: 'draft' });

    const response = await remove(draft.id);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await listIds(`customer=${customer.id}`)).toEqual([kept.id]);
    expect(new Set(await listIds(`customer=${customer.id}&include_deleted=true`))).toEqual(new Set([draft.id, kept.id]));
    const read = await (await getRoute(call('GET', `/api/v1/invoices/${draft.id}`), params({ id: draft.id }))).json();
    expect(read.deleted_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await (await getRoute(call('GET', `/api/v1/invoices/${kept.id}`), params({ id: kept.id }))).json()).deleted_at).toBeNull();
    // Deleting again changes nothing and writes no second audit row.
    expect((await remove(draft.id)).status).toBe(204);
    const audits = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, draft.id));
    expect(audits.filter((a) => a.action === 'invoice.deleted')).toHaveLength(1);
  });

  it('deletes a cancelled invoice, and refuses an issued or paid one with 409 invalid_state, changing nothing', async () => {
    const pending = await givenInvoice(db());
    const refused = await remove(pending.id);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('invalid_state');
    expect((await (await getRoute(call('GET', `/api/v1/invoices/${pending.id}`), params({ id: pending.id }))).json()).deleted_at).toBeNull();

    expect((await cancelRoute(call('POST', `/api/v1/invoices/${pending.id}/cancel`), params({ id: pending.id }))).status).toBe(200);
    expect((await remove(pending.id)).status).toBe(204);
    expect(await listIds(`customer=${pending.customerId}`)).toEqual([]);
  });

  it('needs invoices.delete: a reseller key without the flag gets 403, with it deletes in its book only (404 elsewhere)', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const withDelete = await givenUser(db(), 'reseller', { permissions: ['invoices.view', 'invoices.delete'] });
    const own = await givenInvoice(db(), { customerId: (await givenCustomer(db(), { reseller_id: withDelete.id })).id, status: 'draft' });
    const elsewhere = await givenInvoice(db(), { customerId: (await givenCustomer(db(), { reseller_id: reseller.id })).id, status: 'draft' });

    expect((await remove(elsewhere.id, await givenApiKey(db(), 'reseller', reseller.id))).status).toBe(403);
    const key = await givenApiKey(db(), 'reseller', withDelete.id);
    expect((await remove(elsewhere.id, key)).status).toBe(404);
    expect((await remove(own.id, key)).status).toBe(204);
  });
});
