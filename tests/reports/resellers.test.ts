import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as resellersRoute } from '@/app/api/v1/reports/resellers/route';
import { resellers, services, users } from '@/db/schema';
import { systemActor, type Actor } from '@/server/auth/actor';
import { correctInvoice } from '@/server/services/invoices/correct';
import { createInvoice } from '@/server/services/invoices/create';
import { recordPayment } from '@/server/services/payments/record';
import { collectionRate, resellerPerformanceReport } from '@/server/services/reports/resellers';
import { commissionRows } from '@/server/services/resellers/commissions';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenOrderRow, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const at = (instant: string) => ctxOf(db(), systemActor(), new Date(instant));
const admin = () => at('2027-05-01T00:00:00Z');
const range = { from: '2027-01-01', to: '2027-03-31' };
type Reseller = { id: string; name: string; actor: Actor };
let parent: Reseller;
let sub: Reseller;
let quiet: Reseller;
let adminKey: string;

/*
 * USD, Q1 2027 (hand-computed below), plus EUR for the direct book. Reseller P (10 %), its
 * sub-reseller S (20 %), and Q (no customers).
 * Customers: P1 (P, created 2026-12-01), P2 (P, 2027-02-10: new), S1 (S, 2027-01-05: new),
 *   D1 (direct, 2026-11-01), D2 (direct, 2027-04-10: after the range), E1 (direct, EUR, 2027-01-15).
 * P1: I1 Jan 10 10000; paid 4000 Jan 20 (partial) and 1000 Apr 5 (after the range).
 *     Services of a contract: one cancelled Feb 20 (churned), one cancelled Apr 2 (not in range), one active.
 * P2: I2 Feb 12 3000, paid in full Feb 15; credit note Mar 1 of 1000 on it (to the credit balance).
 * S1: I3 Jan 20 2000, paid Mar 31 23:30 UTC (still March).
 * D1: I4 Feb 1 5000, unpaid; a draft (counts nowhere); a service terminated Mar 10 (churned).
 * E1: 700 EUR issued Feb 1.
 *
 *        customers  new  billed                  collected    rate    churned  commission
 *   P    2          1    10000 + 3000 − 1000     4000 + 3000  58.3 %  1        (5000 + 3000) × 10 % = 800
 *                        = 12000                 = 7000                        (I1's April payment counts: as the commissions report)
 *   D    1          0    5000                    0            0.0 %   1        0
 *   S    1          1    2000                    2000         100.0 % 0        2000 × 20 % = 400
 *   Q    0          0    0                       0            —       0        0
 */
beforeAll(async () => {
  const reseller = async (percentMilli: bigint, parentId?: string) => {
    const user = await givenUser(db(), 'reseller', { parentId });
    await db().update(resellers).set({ commissionMilli: percentMilli }).where(eq(resellers.userId, user.id));
    const [row] = await db().select({ name: users.name }).from(users).where(eq(users.id, user.id));
    return { id: user.id, name: row!.name, actor: user.actor };
  };
  parent = await reseller(10_000n);
  sub = await reseller(20_000n, parent.id);
  quiet = await reseller(5_000n);

  const customer = (created: string, resellerId: string | null, currency = 'USD') =>
    givenCustomer(db(), { currency, ...(resellerId ? { reseller_id: resellerId } : {}) }, { now: new Date(`${created}T08:00:00Z`) });
  const p1 = await customer('2026-12-01', parent.id);
  const p2 = await customer('2027-02-10', parent.id);
  const s1 = await customer('2027-01-05', sub.id);
  const d1 = await customer('2026-11-01', null);
  await customer('2027-04-10', null);
  const e1 = await customer('2027-01-15', null, 'EUR');

  const invoice = (customerId: string, issueDate: string, total: bigint, currency = 'USD', status: 'pending' | 'draft' = 'pending') =>
    createInvoice(at(`${issueDate}T09:00:00Z`), {
      customerId,
      status,
      issueDate,
      dueDate: issueDate,
      currency,
      items: [{ description: 'Line', quantity: 1000n, unitPrice: total, taxRate: 0n }],
    });
  const i1 = await invoice(p1.id, '2027-01-10', 10_000n);
  await recordPayment(at('2027-01-20T10:00:00Z'), { invoiceId: i1.id, amount: 4_000n, method: 'cash' });
  await recordPayment(at('2027-04-05T10:00:00Z'), { invoiceId: i1.id, amount: 1_000n, method: 'cash' });
  const i2 = await invoice(p2.id, '2027-02-12', 3_000n);
  await recordPayment(at('2027-02-15T10:00:00Z'), { invoiceId: i2.id, amount: 3_000n, method: 'card' });
  await correctInvoice(at('2027-03-01T10:00:00Z'), {
    invoiceId: i2.id,
    kind: 'credit_note',
    items: [{ description: 'Goodwill', quantity: 1000n, unitPrice: 1_000n, taxRate: 0n }],
    reason: 'Goodwill',
  });
  const i3 = await invoice(s1.id, '2027-01-20', 2_000n);
  await recordPayment(at('2027-03-31T23:30:00Z'), { invoiceId: i3.id, amount: 2_000n, method: 'cash' });
  await invoice(d1.id, '2027-02-01', 5_000n);
  await invoice(d1.id, '2027-02-02', 9_999n, 'USD', 'draft');
  await invoice(e1.id, '2027-02-01', 700n, 'EUR');

  // Services are written directly, as the MRR report's test does: a contract's services run from
  // creation, and a cancelled one ended at its last write.
  const product = await givenProduct(db());
  const contract = (customerId: string) => givenOrderRow(db(), { customerId, startDate: '2026-12-01', contract: true });
  const service = (orderId: string, customerId: string, status: 'active' | 'cancelled' | 'terminated', updated: string) =>
    db()
      .insert(services)
      .values({
        orderId,
        customerId,
        productId: product.id,
        name: 'Service',
        cycle: 'monthly',
        currency: 'USD',
        price: 1_000n,
        status,
        billingDay: 1,
        nextDueDate: '2027-06-01',
        createdAt: new Date('2026-12-01T08:00:00Z'),
        updatedAt: new Date(updated),
      });
  const o1 = await contract(p1.id);
  await service(o1, p1.id, 'cancelled', '2027-02-20T10:00:00Z');
  await service(o1, p1.id, 'cancelled', '2027-04-02T10:00:00Z');
  await service(o1, p1.id, 'active', '2027-01-01T10:00:00Z');
  await service(await contract(d1.id), d1.id, 'terminated', '2027-03-10T10:00:00Z');
  adminKey = await givenApiKey(db(), 'admin');
});

describe('reseller performance report', () => {
  it('gives each reseller its own book’s figures, the direct customers one row, by billed', async () => {
    const report = await resellerPerformanceReport(admin(), { ...range, currency: 'USD' });
    expect(report).toEqual({
      currency: 'USD',
      rows: [
        {
          resellerId: parent.id,
          resellerName: parent.name,
          customers: 2,
          newCustomers: 1,
          billed: 12_000n,
          collected: 7_000n,
          collectionRate: '58.3',
          churnedServices: 1,
          commission: 800n,
        },
        {
          resellerId: null,
          resellerName: 'Direct',
          customers: 1,
          newCustomers: 0,
          billed: 5_000n,
          collected: 0n,
          collectionRate: '0.0',
          churnedServices: 1,
          commission: 0n,
        },
        {
          resellerId: sub.id,
          resellerName: sub.name,
          customers: 1,
          newCustomers: 1,
          billed: 2_000n,
          collected: 2_000n,
          collectionRate: '100.0',
          churnedServices: 0,
          commission: 400n,
        },
        {
          resellerId: quiet.id,
          resellerName: quiet.name,
          customers: 0,
          newCustomers: 0,
          billed: 0n,
          collected: 0n,
          collectionRate: null,
          churnedServices: 0,
          commission: 0n,
        },
      ],
    });
  });

  it('reports the commission the commissions report computes for the same range', async () => {
    const report = await resellerPerformanceReport(admin(), { ...range, currency: 'USD' });
    const commissions = await commissionRows(db(), range, { currency: 'USD' });
    expect(commissions.map((c) => [c.resellerId, c.commissionEarned])).toEqual(
      expect.arrayContaining([
        [parent.id, 800n],
        [sub.id, 400n],
      ]),
    );
    for (const c of commissions) expect(report.rows.find((r) => r.resellerId === c.resellerId)?.commission).toBe(c.commissionEarned);
  });

  it('counts April alone: the later payment, the later churn and the customer created then', async () => {
    const report = await resellerPerformanceReport(admin(), { from: '2027-04-01', to: '2027-04-30', currency: 'USD' });
    const byId = new Map(report.rows.map((r) => [r.resellerId, r]));
    expect(byId.get(parent.id)).toMatchObject({
      customers: 2,
      newCustomers: 0,
      billed: 0n,
      collected: 1_000n,
      collectionRate: null,
      churnedServices: 1,
      commission: 0n,
    });
    expect(byId.get(null)).toMatchObject({ customers: 2, newCustomers: 1, billed: 0n, churnedServices: 0 });
  });

  it('asks for a currency when the range has two, and counts the other currency’s customers only in it', async () => {
    await expect(resellerPerformanceReport(admin(), range)).rejects.toMatchObject({
      code: 'validation',
      fields: { currency: 'is required: the figures are in EUR, USD' },
    });
    const eur = await resellerPerformanceReport(admin(), { ...range, currency: 'EUR' });
    expect(eur.rows.find((r) => r.resellerId === null)).toEqual({
      resellerId: null,
      resellerName: 'Direct',
      customers: 1,
      newCustomers: 1,
      billed: 700n,
      collected: 0n,
      collectionRate: '0.0',
      churnedServices: 0,
      commission: 0n,
    });
    expect(eur.rows.find((r) => r.resellerId === parent.id)).toMatchObject({ customers: 0, billed: 0n });
  });

  it('is refused to resellers and to staff without reports.view', async () => {
    const staff = await givenUser(db(), 'staff', { permissions: ['invoices.view'] });
    for (const actor of [parent.actor, staff.actor]) {
      await expect(resellerPerformanceReport(ctxOf(db(), actor), { ...range, currency: 'USD' })).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('rounds the collection rate half away from zero to one decimal', () => {
    expect(collectionRate(7_000n, 12_000n)).toBe('58.3');
    expect(collectionRate(2n, 3n)).toBe('66.7');
    expect(collectionRate(1n, 0n)).toBeNull();
    expect(collectionRate(1_000n, -2_000n)).toBe('-50.0');
  });
});

describe('REST', () => {
  const get = (path: string, key: string | null = adminKey) => resellersRoute(apiRequest(path, { key }), params());

  it('answers the fields in snake_case', async () => {
    const response = await get('/api/v1/reports/resellers?from=2027-01-01&to=2027-03-31&currency=USD');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.currency).toBe('USD');
    expect(body.data[0]).toEqual({
      reseller_id: parent.id,
      reseller_name: parent.name,
      customers: 2,
      new_customers: 1,
      billed: 12000,
      collected: 7000,
      collection_rate: '58.3',
      churned_services: 1,
      commission: 800,
    });
    expect(body.data[1]).toMatchObject({ reseller_id: null, reseller_name: 'Direct', billed: 5000 });
  });

  it('400s without a currency when the figures are in two, and 403s a reseller key', async () => {
    const twoCurrencies = await get('/api/v1/reports/resellers?from=2027-01-01&to=2027-03-31');
    expect(twoCurrencies.status).toBe(400);
    expect(await twoCurrencies.json()).toMatchObject({ error: { code: 'validation_error', fields: { currency: 'is required: the figures are in EUR, USD' } } });
    expect((await get('/api/v1/reports/resellers?from=2027-03-01&to=2027-02-01&currency=USD')).status).toBe(400);
    expect((await get('/api/v1/reports/resellers?from=2027-01-01&to=2027-03-31&currency=USD', await givenApiKey(db(), 'reseller', parent.id))).status).toBe(
      403,
    );
  });

  it('exports the rows as CSV, amounts as exact decimals', async () => {
    const response = await get('/api/v1/reports/resellers?from=2027-01-01&to=2027-03-31&currency=USD&format=csv');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="resellers-2027-01-01-2027-03-31.csv"');
    expect(await response.text()).toBe(
      [
        'reseller_id,reseller_name,currency,customers,new_customers,billed,collected,collection_rate,churned_services,commission',
        `${parent.id},${parent.name},USD,2,1,120.00,70.00,58.3,1,8.00`,
        ',Direct,USD,1,0,50.00,0.00,0.0,1,0.00',
        `${sub.id},${sub.name},USD,1,1,20.00,20.00,100.0,0,4.00`,
        `${quiet.id},${quiet.name},USD,0,0,0.00,0.00,,0,0.00`,
        '',
      ].join('\n'),
    );
  });
});
