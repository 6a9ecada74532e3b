import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listCustomers } from '@/app/api/v1/customers/route';
import { GET as listInvoices } from '@/app/api/v1/invoices/route';
import { GET as listJobs } from '@/app/api/v1/jobs/route';
import { GET as listOrders } from '@/app/api/v1/orders/route';
import { GET as listPayments } from '@/app/api/v1/payments/route';
import { GET as listProducts } from '@/app/api/v1/products/route';
import { GET as listServices } from '@/app/api/v1/services/route';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
let key: string;

beforeAll(async () => {
  key = await givenApiKey(db(), 'admin');
  await givenCustomer(db());
});

const lists = [
  ['/customers', listCustomers],
  ['/invoices', listInvoices],
  ['/orders', listOrders],
  ['/products', listProducts],
  ['/jobs', listJobs],
  ['/payments', listPayments],
  ['/services', listServices],
] as const;

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const uuid = '0b5c9e51-2d1d-4c3f-8f59-7c3d9f1a2b3c';
const cursors = [
  ['garbage', 'garbage'],
  // Each of these used to reach PostgreSQL's casts and come back as a 500.
  ['a position whose id is not a uuid', cursorOf(['2026-03-01T10:20:30.123Z', 'nope'])],
  ['a position whose time PostgreSQL cannot read', cursorOf(['+275760-09-13T00:00:00.000Z', uuid])],
  ['a position in year 0', cursorOf(['0000-01-01T00:00:00.000Z', uuid])],
  ['a wrongly typed position', cursorOf([1_700_000_000_000, uuid])],
  ['a truncated cursor', cursorOf(['2026-03-01T10:20:30.123Z', uuid]).slice(0, -5)],
  ['a huge cursor', 'A'.repeat(5000)],
] as const;

describe('REST list cursors', () => {
  describe.each(lists)('GET /api/v1%s', (path, list) => {
    it.each(cursors)('answers %s with 400 validation_error on the cursor field', async (_, cursor) => {
      const response = await list(apiRequest(`/api/v1${path}?cursor=${encodeURIComponent(cursor)}`, { defaultKey: key }), params());
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error).toMatchObject({ code: 'validation_error', fields: { cursor: expect.any(String) } });
      expect(error.message).not.toMatch(/select|query/i);
    });
  });

  it('still pages with the cursors it hands out', async () => {
    await givenCustomer(db());
    const first = await (await listCustomers(apiRequest('/api/v1/customers?limit=1', { defaultKey: key }), params())).json();
    expect(first.next_cursor).toEqual(expect.any(String));
    const next = await listCustomers(apiRequest(`/api/v1/customers?limit=1&cursor=${first.next_cursor}`, { defaultKey: key }), params());
    expect(next.status).toBe(200);
    expect((await next.json()).data[0].id).not.toBe(first.data[0].id);
  });
});
