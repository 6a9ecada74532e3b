import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as report } from '@/app/api/v1/reports/commissions/route';
import { POST as payout } from '@/app/api/v1/resellers/[id]/payouts/route';
import { GET as transactions } from '@/app/api/v1/transactions/route';
import { resellers, users } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { recordPayment } from '@/server/services/payments/record';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const march = 'from=2027-03-01&to=2027-03-31';

let adminKey: string;
let keyX: string;
const ids = { x: '', y: '' };

// Reseller X (10 %) has a USD invoice paid in full and a EUR one half paid; reseller Y (7.5 %)
// one USD invoice paid in full, all issued in March 2027.
beforeAll(async () => {
  const reseller = async (name: string, commissionMilli: bigint) => {
    const r = await givenUser(db(), 'reseller');
    await db().update(users).set({ name }).where(eq(users.id, r.id));
    await db().update(resellers).set({ commissionMilli }).where(eq(resellers.userId, r.id));
    return r;
  };
  const x = await reseller('Xavier Resale', 10_000n);
  const y = await reseller('Yvonne Resale', 7_500n);
  const paid = async (actor: typeof x.actor, currency: string, total: bigint, amount: bigint) => {
    const customer = await givenCustomer(db(), { currency }, { actor });
    const invoice = await givenInvoice(db(), { customerId: customer.id, total, currency, issueDate: '2027-03-15' });
    await recordPayment(ctxOf(db(), systemActor(), new Date('2027-03-16T12:00:00Z')), { invoiceId: invoice.id, amount, method: 'cash' });
  };
  await paid(x.actor, 'USD', 12_000n, 12_000n);
  await paid(x.actor, 'EUR', 3_000n, 1_500n);
  await paid(y.actor, 'USD', 2_000n, 2_000n);
  Object.assign(ids, { x: x.id, y: y.id });
  adminKey = await givenApiKey(db(), 'admin');
  keyX = await givenApiKey(db(), 'reseller', x.id);
});

const get = (query: string, key = adminKey) => report(apiRequest(`/api/v1/reports/commissions?${query}`, { key }), params());
const pay = (resellerId: string, body: unknown, key = adminKey) =>
  payout(apiRequest(`/api/v1/resellers/${resellerId}/payouts`, { method: 'POST', body, key }), params({ id: resellerId }));

describe('GET /api/v1/reports/commissions', () => {
  it('answers the contract’s fields, exactly', async () => {
    const response = await get(march);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: [
        {
          reseller_id: ids.x,
          reseller_name: 'Xavier Resale',
          currency: 'EUR',
          invoices_issued: 1,
          total_billed: 3000,
          total_collected: 1500,
          commission_percent: '10',
          commission_earned: 150,
          paid_out: 0,
          outstanding: 150,
        },
        {
          reseller_id: ids.x,
          reseller_name: 'Xavier Resale',
          currency: 'USD',
          invoices_issued: 1,
          total_billed: 12000,
          total_collected: 12000,
          commission_percent: '10',
          commission_earned: 1200,
          paid_out: 0,
          outstanding: 1200,
        },
        {
          reseller_id: ids.y,
          reseller_name: 'Yvonne Resale',
          currency: 'USD',
          invoices_issued: 1,
          total_billed: 2000,
          total_collected: 2000,
          commission_percent: '7.5',
          commission_earned: 150,
          paid_out: 0,
          outstanding: 150,
        },
      ],
    });
  });

  it('gives a reseller key only its own rows', async () => {
    const response = await get(march, keyX);
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.map((r: { reseller_id: string; currency: string }) => `${r.reseller_id === ids.x ? 'X' : 'other'} ${r.currency}`)).toEqual(['X EUR', 'X USD']);
  });

  it('exports CSV with the same columns, amounts as decimals', async () => {
    const response = await get(`${march}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'reseller_id,reseller_name,currency,invoices_issued,total_billed,total_collected,commission_percent,commission_earned,paid_out,outstanding',
    );
    expect(lines.slice(1)).toEqual([
      `${ids.x},Xavier Resale,EUR,1,30.00,15.00,10,1.50,0.00,1.50`,
      `${ids.x},Xavier Resale,USD,1,120.00,120.00,10,12.00,0.00,12.00`,
      `${ids.y},Yvonne Resale,USD,1,20.00,20.00,7.5,1.50,0.00,1.50`,
    ]);
  });

  it('refuses bad dates with a message per field', async () => {
    for (const [query, fields] of [
      ['', { from: 'is required', to: 'is required' }],
      ['from=2027-02-30&to=yesterday', { from: 'must be a date like 2026-01-31', to: 'must be a date like 2026-01-31' }],
      ['from=2027-03-31&to=2027-03-01', { to: 'must not be before from' }],
    ] as const) {
      const response = await get(query);
      expect(response.status).toBe(400);
      expect((await response.json()).error.fields).toEqual(fields);
    }
  });

  it('refuses staff without reports.view', async () => {
    const staffKey = await givenApiKey(db(), 'staff');
    expect((await get(march, staffKey)).status).toBe(403);
  });
});

describe('POST /api/v1/resellers/:id/payouts', () => {
  it('pays what is outstanding by default, answering the transaction as the ledger lists it', async () => {
    const response = await pay(ids.y, { from: '2027-03-01', to: '2027-03-31', currency: 'usd', reference: 'WIRE-9' });
    expect(response.status).toBe(201);
    const transaction = await response.json();
    expect(transaction).toEqual({
      id: expect.any(String),
      type: 'commission_payout',
      amount: 150,
      currency: 'USD',
      invoice_id: null,
      payment_id: null,
      refund_id: null,
      customer_id: null,
      reseller_id: ids.y,
      reference: 'WIRE-9',
      actor: 'api key admin key',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const listed = await transactions(apiRequest('/api/v1/transactions?type=commission_payout', { key: adminKey }), params());
    expect((await listed.json()).data).toEqual([transaction]);
    const after = await (await get(march)).json();
    expect(after.data[2]).toMatchObject({ reseller_id: ids.y, paid_out: 150, outstanding: 0 });
  });

  it('answers 409 invalid_state for more than is outstanding and for nothing outstanding', async () => {
    const tooMuch = await pay(ids.x, { from: '2027-03-01', to: '2027-03-31', currency: 'EUR', amount: 151 });
    expect(tooMuch.status).toBe(409);
    expect((await tooMuch.json()).error.code).toBe('invalid_state');
    expect((await pay(ids.x, { from: '2027-03-01', to: '2027-03-31', currency: 'EUR', amount: 150 })).status).toBe(201);
    const nothing = await pay(ids.x, { from: '2027-03-01', to: '2027-03-31', currency: 'EUR' });
    expect(nothing.status).toBe(409);
    expect((await nothing.json()).error.code).toBe('invalid_state');
  });

  it('refuses bad input with field messages', async () => {
    const response = await pay(ids.x, { from: '2027-03-31', to: '2027-03-01', currency: 'XX', amount: 0 });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toMatchObject({ currency: expect.any(String), amount: 'must be more than 0' });
  });

  it('is 403 for a reseller key, even for its own payouts, and 404 for no such reseller', async () => {
    expect((await pay(ids.x, { from: '2027-03-01', to: '2027-03-31', currency: 'USD' }, keyX)).status).toBe(403);
    expect((await pay('00000000-0000-4000-8000-000000000000', { from: '2027-03-01', to: '2027-03-31', currency: 'USD' })).status).toBe(404);
  });
});
