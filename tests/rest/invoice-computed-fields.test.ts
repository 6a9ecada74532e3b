import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as create } from '@/app/api/v1/invoices/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { invoices } from '@/db/schema';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

// API.md, "Contract corrections": fields the server computes are ignored on create, not refused.
const { db } = withTestDatabase();
let key: string;
let customerId: string;

const post = async (body: Record<string, unknown>) => {
  const response = await create(apiRequest('/api/v1/invoices', { method: 'POST', defaultKey: key, body: { customer_id: customerId, ...body } }), params());
  return { status: response.status, body: await response.json() };
};
const invoiceCount = async () => (await db().select({ n: count() }).from(invoices))[0]!.n;

beforeAll(async () => {
  key = await givenApiKey(db(), 'admin');
  customerId = (await givenCustomer(db(), { name: 'Computed Fields', currency: 'EUR' })).id;
});

describe('POST /api/v1/invoices with server-computed fields', () => {
  it('ignores every computed field of the invoice and its lines, and computes its own', async () => {
    const { status, body } = await post({
      id: '00000000-0000-0000-0000-000000000001',
      number: 'INV-9999',
      status: 'paid',
      subtotal: 1,
      tax_total: 1,
      total: 1,
      amount_paid: 99,
      amount_refunded: 5,
      balance: 0,
      paid_at: '2026-01-01T00:00:00Z',
      deleted_at: null,
      public_url: 'https://evil.example/',
      notifications: [],
      created_at: '2000-01-01T00:00:00Z',
      items: [{ id: 'x', description: 'Hosting', quantity: 2, unit_price: 1000, tax_rate: 10, subtotal: 1, tax: 1, total: 1 }],
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: 'pending',
      subtotal: 2000,
      tax_total: 200,
      total: 2200,
      amount_paid: 0,
      amount_refunded: 0,
      balance: 2200,
      paid_at: null,
    });
    expect(body.id).not.toBe('00000000-0000-0000-0000-000000000001');
    expect(body.number).not.toBe('INV-9999');
    expect(body.created_at).not.toBe('2000-01-01T00:00:00.000Z');
    expect(body.items[0]).toMatchObject({ subtotal: 2000, tax: 200, total: 2200 });
    expect(body.items[0].id).not.toBe('x');
  });

  it.each(['partial', 'overdue', 'cancelled', 'refunded'])('starts pending when sent the status %s', async (sent) => {
    const { status, body } = await post({ status: sent, items: [{ description: 'VPS', quantity: 1, unit_price: 500 }] });
    expect(status).toBe(201);
    expect(body.status).toBe('pending');
  });

  it('still honours draft', async () => {
    const { body } = await post({ status: 'draft', total: 1, items: [{ description: 'VPS', quantity: 1, unit_price: 500 }] });
    expect(body).toMatchObject({ status: 'draft', number: null, total: 500 });
  });

  it.each([
    ['an unknown key', { discount: 5 }, '_'],
    ['an unknown key on a line', { items: [{ description: 'VPS', quantity: 1, unit_price: 500, discount: 1 }] }, 'items.0'],
    ['a status that is none', { status: 'settled' }, 'status'],
  ])('still refuses %s and stores nothing', async (_what, override, field) => {
    const before = await invoiceCount();
    const { status, body } = await post({ items: [{ description: 'VPS', quantity: 1, unit_price: 500 }], ...override });
    expect(status).toBe(400);
    expect(body.error.fields[field]).toBeDefined();
    expect(await invoiceCount()).toBe(before);
  });

  it('marks the computed fields readOnly in the OpenAPI document', async () => {
    const doc = await openapi().json();
    const schema = doc.paths['/api/v1/invoices'].post.requestBody.content['application/json'].schema;
    for (const field of ['id', 'number', 'subtotal', 'tax_total', 'total', 'amount_paid', 'balance']) {
      expect(schema.properties[field], field).toMatchObject({ readOnly: true });
    }
    expect(schema.properties.items.items.properties.total).toMatchObject({ readOnly: true });
    expect(schema.additionalProperties).toBe(false);
  });
});
