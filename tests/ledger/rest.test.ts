import { beforeAll, describe, expect, it } from 'vitest';
import { GET as list } from '@/app/api/v1/transactions/route';
import { systemActor } from '@/server/auth/actor';
import { adjustCredit } from '@/server/services/credit/adjust';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(iso));

let adminKey: string;
let keyX: string;
const ids = { resellerX: '', resellerY: '', customerA: '', customerB: '', customerC: '', refundA: '' };

// Reseller X's customer A pays late on the 10th and is refunded just after midnight; reseller
// Y's customer B pays on the 20th; customer C (no reseller, EUR) pays and is granted credit.
beforeAll(async () => {
  const x = await givenUser(db(), 'reseller');
  const y = await givenUser(db(), 'reseller');
  const a = await givenCustomer(db(), {}, { actor: x.actor });
  const b = await givenCustomer(db(), {}, { actor: y.actor });
  const c = await givenCustomer(db(), { currency: 'EUR' });
  const invoiceA = await givenInvoice(db(), { customerId: a.id, total: 3000n });
  const invoiceB = await givenInvoice(db(), { customerId: b.id, total: 4000n });
  const invoiceC = await givenInvoice(db(), { customerId: c.id, total: 5000n, currency: 'EUR' });
  await recordPayment(at('2027-01-10T23:30:00Z'), { invoiceId: invoiceA.id, amount: 3000n, method: 'cash', reference: 'CASH-A' });
  const { refund } = await refundPayment(at('2027-01-11T00:15:00Z'), { invoiceId: invoiceA.id, amount: 1000n, toCredit: false });
  await recordPayment(at('2027-01-20T12:00:00Z'), { invoiceId: invoiceB.id, amount: 4000n, method: 'bank_transfer' });
  await recordPayment(at('2027-01-25T12:00:00Z'), { invoiceId: invoiceC.id, amount: 5000n, method: 'bank_transfer' });
  await adjustCredit(at('2027-01-26T12:00:00Z'), { customerId: c.id, amount: 250n, reason: 'Apology' });
  Object.assign(ids, { resellerX: x.id, resellerY: y.id, customerA: a.id, customerB: b.id, customerC: c.id, refundA: refund.id });
  adminKey = await givenApiKey(db(), 'admin');
  keyX = await givenApiKey(db(), 'reseller', x.id);
});

type Row = { type: string; amount: number; currency: string; customer_id: string | null; reseller_id: string | null; created_at: string };
async function rows(query: string, key = adminKey): Promise<Row[]> {
  const response = await list(apiRequest(`/api/v1/transactions${query}`, { key }), params());
  expect(response.status).toBe(200);
  return (await response.json()).data;
}
const brief = (r: Row) => `${r.type} ${r.amount} ${r.currency}`;

describe('GET /api/v1/transactions', () => {
  it('lists every movement newest first, in the contract’s shape', async () => {
    const all = await rows('');
    expect(all.map(brief)).toEqual(['credit 250 EUR', 'income 5000 EUR', 'income 4000 USD', 'refund 1000 USD', 'income 3000 USD']);
    expect(all[3]).toEqual({
      id: expect.any(String),
      type: 'refund',
      amount: 1000,
      currency: 'USD',
      invoice_id: expect.any(String),
      payment_id: expect.any(String),
      refund_id: ids.refundA,
      customer_id: ids.customerA,
      reseller_id: ids.resellerX,
      reference: null,
      actor: 'system',
      created_at: '2027-01-11T00:15:00.000Z',
    });
  });

  it('filters by type, UTC dates (both ends included), customer, reseller and currency', async () => {
    expect((await rows('?type=refund')).map(brief)).toEqual(['refund 1000 USD']);
    expect((await rows('?from=2027-01-11&to=2027-01-20')).map(brief)).toEqual(['income 4000 USD', 'refund 1000 USD']);
    expect((await rows('?to=2027-01-10')).map(brief)).toEqual(['income 3000 USD']);
    expect((await rows(`?customer_id=${ids.customerC}`)).map(brief)).toEqual(['credit 250 EUR', 'income 5000 EUR']);
    expect((await rows(`?reseller_id=${ids.resellerY}`)).map(brief)).toEqual(['income 4000 USD']);
    expect((await rows('?currency=eur&type=income')).map(brief)).toEqual(['income 5000 EUR']);
  });

  it('pages with a cursor', async () => {
    const first = await (await list(apiRequest('/api/v1/transactions?limit=3', { key: adminKey }), params())).json();
    expect(first.data).toHaveLength(3);
    const second = await (await list(apiRequest(`/api/v1/transactions?limit=3&cursor=${first.next_cursor}`, { key: adminKey }), params())).json();
    expect(second.data.map(brief)).toEqual(['refund 1000 USD', 'income 3000 USD']);
    expect(second.next_cursor).toBeNull();
  });

  it('shows a reseller key only its own book, whatever it filters by', async () => {
    expect((await rows('', keyX)).map(brief)).toEqual(['refund 1000 USD', 'income 3000 USD']);
    expect(await rows(`?reseller_id=${ids.resellerY}`, keyX)).toEqual([]);
    expect(await rows(`?customer_id=${ids.customerB}`, keyX)).toEqual([]);
  });

  it('exports exactly the filtered rows as CSV', async () => {
    const response = await list(apiRequest('/api/v1/transactions?format=csv&type=income&currency=USD', { key: adminKey }), params());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    // No value here holds a comma or a quote, so a line splits on commas.
    const [header, ...lines] = (await response.text())
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    expect(header!.slice(0, 5)).toEqual(['id', 'created_at', 'type', 'amount', 'currency']);
    expect(lines.map((l) => l.slice(1, 5))).toEqual([
      ['2027-01-20T12:00:00.000Z', 'income', '40.00', 'USD'],
      ['2027-01-10T23:30:00.000Z', 'income', '30.00', 'USD'],
    ]);
    expect(lines[1]![header!.indexOf('reference')]).toBe('CASH-A');
  });

  it('refuses a client key (403) and a filter it cannot read (400)', async () => {
    const clientKey = await givenApiKey(db(), 'client');
    const refused = await list(apiRequest('/api/v1/transactions', { key: clientKey }), params());
    expect(refused.status).toBe(403);
    const bad = await list(apiRequest('/api/v1/transactions?type=gift&from=yesterday', { key: adminKey }), params());
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(expect.arrayContaining(['type', 'from']));
  });
});
