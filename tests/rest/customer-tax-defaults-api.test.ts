import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getOne, PATCH as patch } from '@/app/api/v1/customers/[id]/route';
import { POST as create } from '@/app/api/v1/customers/route';
import { auditLog, customers } from '@/db/schema';
import { camelized } from '@/server/schemas/common';
import { updateOwnProfileInput } from '@/server/schemas/profile';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer } from '../support/fixtures';

const { db } = withTestDatabase();
let adminKey: string;

const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

function request(path: string, init: { method?: string; body?: unknown } = {}) {
  const headers = new Headers({ authorization: `Bearer ${adminKey}` });
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return new Request(`http://localhost${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

beforeAll(async () => {
  adminKey = await givenApiKey(db(), 'admin');
});

describe('REST customers: tax defaults (tax_exempt, tax_rate_override)', () => {
  it('answers them on every customer: not exempt and no override unless given', async () => {
    const created = await create(request('/api/v1/customers', { method: 'POST', body: { name: 'Plain', email: 'plain@tax.test' } }), noParams);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ tax_exempt: false, tax_rate_override: null });
  });

  it('creates with them and reads them back, the override as settings spell a rate', async () => {
    const created = await create(
      request('/api/v1/customers', { method: 'POST', body: { name: 'Override', email: 'override@tax.test', tax_id: 'DE123', tax_rate_override: '7.5' } }),
      noParams,
    );
    expect(created.status).toBe(201);
    const customer = await created.json();
    expect(customer).toMatchObject({ tax_id: 'DE123', tax_exempt: false, tax_rate_override: '7.5' });
    expect((await (await getOne(request(`/api/v1/customers/${customer.id}`), idParams(customer.id))).json()).tax_rate_override).toBe('7.5');

    const exempt = await create(
      request('/api/v1/customers', { method: 'POST', body: { name: 'Exempt', email: 'exempt@tax.test', tax_exempt: true } }),
      noParams,
    );
    expect(await exempt.json()).toMatchObject({ tax_exempt: true, tax_rate_override: null });
  });

  it('changes them with PATCH (a number is read as its decimal text; null clears the override) and audits each change', async () => {
    const customer = await givenCustomer(db());
    const path = `/api/v1/customers/${customer.id}`;
    const first = await patch(request(path, { method: 'PATCH', body: { tax_rate_override: 12.25 } }), idParams(customer.id));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ tax_exempt: false, tax_rate_override: '12.25' });

    const second = await patch(request(path, { method: 'PATCH', body: { tax_exempt: true, tax_rate_override: null } }), idParams(customer.id));
    expect(await second.json()).toMatchObject({ tax_exempt: true, tax_rate_override: null });

    const entries = await db()
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, customer.id), eq(auditLog.action, 'customer.updated')))
      .orderBy(asc(auditLog.id));
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [expect.objectContaining({ taxExempt: false, taxRateOverride: null }), expect.objectContaining({ taxExempt: false, taxRateOverride: '12.250' })],
      [expect.objectContaining({ taxExempt: false, taxRateOverride: '12.250' }), expect.objectContaining({ taxExempt: true, taxRateOverride: null })],
    ]);
  });

  it.each([
    ['over 100', { tax_rate_override: '101' }, 'tax_rate_override', 'must be between 0 and 100'],
    ['not a number', { tax_rate_override: 'abc' }, 'tax_rate_override', 'must be a percent with at most 3 decimals'],
    ['four decimals', { tax_rate_override: '7.1234' }, 'tax_rate_override', 'must be a percent with at most 3 decimals'],
    ['negative', { tax_rate_override: -1 }, 'tax_rate_override', 'must be a percent with at most 3 decimals'],
    ['exempt as text', { tax_exempt: 'yes' }, 'tax_exempt', 'must be true or false'],
  ])('answers 400 on a bad value (%s) with the field’s message, and changes nothing', async (_, body, field, message) => {
    const customer = await givenCustomer(db(), { tax_rate_override: '5' });
    const response = await patch(request(`/api/v1/customers/${customer.id}`, { method: 'PATCH', body }), idParams(customer.id));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'validation_error', fields: { [field]: message } });
    const [row] = await db().select().from(customers).where(eq(customers.id, customer.id));
    expect(row).toMatchObject({ taxExempt: false, taxRateOverride: '5.000' });

    const created = await create(request('/api/v1/customers', { method: 'POST', body: { name: 'Bad', email: `bad-${field}@tax.test`, ...body } }), noParams);
    expect(created.status).toBe(400);
    expect((await created.json()).error.fields).toMatchObject({ [field]: message });
  });

  it('are not the client’s to change: the portal profile refuses them', () => {
    const profile = { name: 'Me', company: '', phone: '', tax_id: '', billing_address: null };
    for (const extra of [{ tax_exempt: true }, { tax_rate_override: '0' }]) {
      const parsed = camelized(updateOwnProfileInput).safeParse({ ...profile, ...extra });
      expect(parsed.success).toBe(false);
    }
  });
});
