import { beforeAll, describe, expect, it } from 'vitest';
import { GET as mrrRoute } from '@/app/api/v1/reports/mrr/route';
import { auditLog, billingSchedule, orderLines, services } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import type { Cycle } from '@/server/billing/periods';
import { monthlyAmount } from '@/server/billing/reports';
import { mrrReport } from '@/server/services/reports/mrr';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenOrderRow, givenProduct } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const ctx = () => ctxOf(db(), systemActor(), new Date('2027-05-01T00:00:00Z'));
let adminKey: string;

/*
 * Services are written directly, with the dates and audit rows the use cases would have written
 * at those times (the audit log's `at` is the database's clock, which a test cannot set through
 * a use case). USD unless said; MRR = (price − discount) ÷ months, half away from zero.
 *
 * Order O1, placed 2026-12-10, activated 2026-12-15 (audit `order.activated`):
 *   S1  monthly 3000                                         → 3000
 *   S2  annual 12006, created 2027-01-20                      → 1000.5 → 1001 (new in January)
 *   S3  quarterly, discount 100 with 2 renewals left; plan changed 2027-02-10 from 900 to 1500
 *       → (900 − 100) / 3 = 266.67 → 267 before, (1500 − 100) / 3 = 466.67 → 467 after (expansion 200 in February)
 *   S4  monthly, order line price edited 2027-03-05 from 2000 to 1500 (contraction 500 in March)
 *   S5  monthly 800, cancelled 2027-03-20 (churned 800 in March)
 *   S11 monthly 1000, discount 300 with no renewals left                                         → 1000
 * Order O2, never activated: S6 semiannual 6000, cancelled → never counts; S7 pending → never counts.
 * Order O3 (to 2027-02-15, activated 2026-12-01): S10 monthly 500 → runs in January, churned in February.
 * Order O5, a contract placed active on 2027-01-10 (no activation row: contracts start running):
 *   S12 monthly 400, cancelled 2027-02-20 → new in January, churned in February.
 * Also: a usage service (no fixed price) and S8, monthly 700 in EUR.
 *
 *            S1    S2    S3   S4    S5   S10  S11  S12   MRR    new   exp  contr  churn
 * Dec 31   3000     —   267  2000  800  500  1000    —   7567
 * Jan 31   3000  1001   267  2000  800  500  1000  400   8968   1401    0      0      0
 * Feb 28   3000  1001   467  2000  800    —  1000    —   8268      0  200      0    900
 * Mar 31   3000  1001   467  1500    —    —  1000    —   6968      0    0    500    800
 * Apr 30   the same                                       6968      0    0      0      0
 */
const fixture = { customerId: '', productId: '' };
const audit = (action: string, entityType: string, entityId: string, at: string, before: unknown) =>
  db()
    .insert(auditLog)
    .values({ at: new Date(at), actorType: 'system', actorLabel: 'system', action, entityType, entityId, before, after: null });
const order = async (values: {
  startDate: string;
  status?: 'active' | 'cancelled' | 'completed';
  endDate?: string;
  activatedAt?: string;
  currency?: string;
  contract?: boolean;
}) => {
  const id = await givenOrderRow(db(), { customerId: fixture.customerId, ...values });
  if (values.activatedAt) await audit('order.activated', 'order', id, values.activatedAt, { status: 'pending' });
  return id;
};
const service = async (
  orderId: string,
  values: {
    cycle: Cycle;
    price: bigint;
    created: string;
    status?: 'active' | 'cancelled' | 'pending';
    updated?: string;
    discount?: bigint;
    cyclesLeft?: number | null;
    lineId?: string;
    currency?: string;
    usage?: boolean;
  },
) => {
  const [row] = await db()
    .insert(services)
    .values({
      orderId,
      orderLineId: values.lineId ?? null,
      customerId: fixture.customerId,
      productId: fixture.productId,
      name: 'Service',
      cycle: values.cycle,
      currency: values.currency ?? 'USD',
      price: values.price,
      usageUnitPrice: values.usage ? '0.5' : null,
      status: values.status ?? 'active',
      billingDay: 1,
      nextDueDate: '2027-06-01',
      recurringDiscount: values.discount ?? 0n,
      createdAt: new Date(values.created),
      updatedAt: new Date(values.updated ?? values.created),
    })
    .returning();
  await db()
    .insert(billingSchedule)
    .values({ serviceId: row!.id, billedUntil: '2027-06-01', discountCyclesLeft: values.cyclesLeft ?? null });
  return row!.id;
};

beforeAll(async () => {
  fixture.customerId = (await givenCustomer(db(), { currency: 'USD' })).id;
  const product = await givenProduct(db());
  fixture.productId = product.id;
  const o1 = await order({ startDate: '2026-12-10', activatedAt: '2026-12-15T10:00:00Z' });
  await service(o1, { cycle: 'monthly', price: 3000n, created: '2026-12-10T08:00:00Z' });
  await service(o1, { cycle: 'annual', price: 12_006n, created: '2027-01-20T08:00:00Z' });
  const s3 = await service(o1, { cycle: 'quarterly', price: 1500n, created: '2026-12-10T08:00:00Z', discount: 100n, cyclesLeft: 2 });
  await audit('service.plan_changed', 'service', s3, '2027-02-10T12:00:00Z', { productId: product.id, cycle: 'quarterly', price: '900' });
  const [line] = await db()
    .insert(orderLines)
    .values({ orderId: o1, productId: product.id, description: 'Plan', cycle: 'monthly', quantity: '1.000', unitPrice: 1500n })
    .returning();
  await service(o1, { cycle: 'monthly', price: 1500n, created: '2026-12-10T08:00:00Z', lineId: line!.id });
  await audit('order.price_edited', 'order', o1, '2027-03-05T09:00:00Z', { line: line!.id, unitPrice: '2000' });
  await service(o1, { cycle: 'monthly', price: 800n, created: '2026-12-10T08:00:00Z', status: 'cancelled', updated: '2027-03-20T15:00:00Z' });
  await service(o1, { cycle: 'monthly', price: 1000n, created: '2026-11-01T08:00:00Z', discount: 300n, cyclesLeft: 0 });
  await service(o1, { cycle: 'monthly', price: 0n, created: '2026-12-10T08:00:00Z', usage: true });

  const o2 = await order({ startDate: '2026-12-01', status: 'cancelled' });
  await service(o2, { cycle: 'semiannual', price: 6000n, created: '2026-12-01T08:00:00Z', status: 'cancelled', updated: '2027-02-01T08:00:00Z' });
  await service(o2, { cycle: 'monthly', price: 900n, created: '2026-12-01T08:00:00Z', status: 'pending' });

  const o3 = await order({ startDate: '2026-12-01', endDate: '2027-02-15', status: 'completed', activatedAt: '2026-12-01T09:00:00Z' });
  await service(o3, { cycle: 'monthly', price: 500n, created: '2026-12-01T08:00:00Z' });

  const o5 = await order({ startDate: '2027-01-10', contract: true });
  await service(o5, { cycle: 'monthly', price: 400n, created: '2027-01-10T08:00:00Z', status: 'cancelled', updated: '2027-02-20T08:00:00Z' });

  const o4 = await order({ startDate: '2027-01-05', currency: 'EUR', activatedAt: '2027-01-05T09:00:00Z' });
  await service(o4, { cycle: 'monthly', price: 700n, created: '2027-01-05T08:00:00Z', currency: 'EUR' });
  adminKey = await givenApiKey(db(), 'admin');
});

describe('MRR report', () => {
  it('values running services per month at each month end, with new, expansion, contraction and churn', async () => {
    expect(await mrrReport(ctx(), { from: '2027-01-01', to: '2027-04-30', currency: 'USD' })).toEqual({
      currency: 'USD',
      rows: [
        { period: '2027-01', mrr: 8968n, new: 1401n, expansion: 0n, contraction: 0n, churned: 0n },
        { period: '2027-02', mrr: 8268n, new: 0n, expansion: 200n, contraction: 0n, churned: 900n },
        { period: '2027-03', mrr: 6968n, new: 0n, expansion: 0n, contraction: 500n, churned: 800n },
        { period: '2027-04', mrr: 6968n, new: 0n, expansion: 0n, contraction: 0n, churned: 0n },
      ],
    });
  });

  it('moves from the previous month end to each figure: mrr = before + new + expansion − contraction − churned', async () => {
    const { rows } = await mrrReport(ctx(), { from: '2026-12-01', to: '2027-04-30', currency: 'USD' });
    // December: everything but S2 starts in it (S11 was created in November, but O1 was activated on Dec 15).
    expect(rows[0]).toEqual({ period: '2026-12', mrr: 7567n, new: 7567n, expansion: 0n, contraction: 0n, churned: 0n });
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i]!;
      expect(r.mrr).toBe(rows[i - 1]!.mrr + r.new + r.expansion - r.contraction - r.churned);
    }
  });

  it('takes the last month at `to` when the range ends sooner', async () => {
    // March 10: the price edit (March 5) is in, the cancellation (March 20) not yet.
    const { rows } = await mrrReport(ctx(), { from: '2027-03-01', to: '2027-03-10', currency: 'USD' });
    expect(rows).toEqual([{ period: '2027-03', mrr: 7768n, new: 0n, expansion: 0n, contraction: 500n, churned: 0n }]);
  });

  it('asks for a currency when services run in two; EUR alone is its own report', async () => {
    await expect(mrrReport(ctx(), { from: '2027-01-01', to: '2027-01-31' })).rejects.toMatchObject({
      fields: { currency: 'is required: the figures are in EUR, USD' },
    });
    expect((await mrrReport(ctx(), { from: '2027-01-01', to: '2027-02-28', currency: 'EUR' })).rows).toEqual([
      { period: '2027-01', mrr: 700n, new: 700n, expansion: 0n, contraction: 0n, churned: 0n },
      { period: '2027-02', mrr: 700n, new: 0n, expansion: 0n, contraction: 0n, churned: 0n },
    ]);
  });

  it('normalises each cycle as the pure rule does', async () => {
    const { rows } = await mrrReport(ctx(), { from: '2027-01-01', to: '2027-01-31', currency: 'USD' });
    const january: Array<[bigint, Cycle]> = [
      [3000n, 'monthly'], // S1
      [12_006n, 'annual'], // S2
      [900n - 100n, 'quarterly'], // S3 before its plan change, after its discount
      [2000n, 'monthly'], // S4 before its price edit
      [800n, 'monthly'], // S5
      [500n, 'monthly'], // S10
      [1000n, 'monthly'], // S11, its discount spent
      [400n, 'monthly'], // S12
    ];
    expect(rows[0]!.mrr).toBe(january.reduce((sum, [price, cycle]) => sum + monthlyAmount(price, cycle), 0n));
  });

  it('answers the contract’s fields over REST, and CSV rows', async () => {
    const response = await mrrRoute(apiRequest('/api/v1/reports/mrr?from=2027-03-01&to=2027-04-30&interval=month&currency=USD', { key: adminKey }), params());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      currency: 'USD',
      data: [
        { period: '2027-03', mrr: 6968, new: 0, expansion: 0, contraction: 500, churned: 800 },
        { period: '2027-04', mrr: 6968, new: 0, expansion: 0, contraction: 0, churned: 0 },
      ],
    });
    const day = await mrrRoute(apiRequest('/api/v1/reports/mrr?from=2027-03-01&to=2027-04-30&interval=day&currency=USD', { key: adminKey }), params());
    expect(day.status).toBe(400);
    const csv = await mrrRoute(apiRequest('/api/v1/reports/mrr?from=2027-03-01&to=2027-04-30&currency=USD&format=csv', { key: adminKey }), params());
    expect(await csv.text()).toBe(
      ['period,currency,mrr,new,expansion,contraction,churned', '2027-03,USD,69.68,0.00,0.00,5.00,8.00', '2027-04,USD,69.68,0.00,0.00,0.00,0.00', ''].join(
        '\n',
      ),
    );
  });
});

/*
 * The edges of starts and ends, in GBP in 2028 (apart from everything above). Order A, placed
 * 2027-12-01, activated 2027-12-01 09:00:
 *   E1  monthly 1000, created 2028-02-03, cancelled 2028-02-20: runs at no month end → nowhere
 *   E2  triennial 36018 → 1000.5 → 1001
 *   E3  annual 12000; plan changed 2028-02-10 from monthly 1500 → 1500, then 12000 / 12 = 1000 (contraction 500 in February)
 *   E4  monthly 600, cancelled at 2028-03-01 00:00, the instant February ends: runs then, churned in March
 *   E7  monthly 800, created 2028-03-05, plan changed 2028-03-10 from 500, cancelled 2028-03-25 → nowhere
 * Order B, placed 2028-02-25 and activated at 2028-03-01 00:00: E5 monthly 700 → not at February's end, new in March.
 * Contract C, 2028-01-15 to 2028-03-31: E6 quarterly 900 → 300, runs at March's end (its last day), churned in April.
 * Contract D from 2028-02-01: E8 monthly 5000, cancelled 2028-01-25, before it began → never runs.
 *
 *            E2    E3   E4   E5   E6    MRR   new  exp  contr  churn
 * Dec 31   1001  1500  600    —    —   3101
 * Jan 31   1001  1500  600    —  300   3401   300    0      0      0
 * Feb 29   1001  1000  600    —  300   2901     0    0    500      0
 * Mar 31   1001  1000    —  700  300   3001   700    0      0    600
 * Apr 30   1001  1000    —  700    —   2701     0    0      0    300
 */
describe('MRR at the edges of starts and ends', () => {
  const currency = 'GBP';
  beforeAll(async () => {
    const a = await order({ startDate: '2027-12-01', activatedAt: '2027-12-01T09:00:00Z', currency });
    await service(a, { cycle: 'monthly', price: 1000n, created: '2028-02-03T08:00:00Z', status: 'cancelled', updated: '2028-02-20T08:00:00Z', currency });
    await service(a, { cycle: 'triennial', price: 36_018n, created: '2027-12-01T08:00:00Z', currency });
    const e3 = await service(a, { cycle: 'annual', price: 12_000n, created: '2027-12-01T08:00:00Z', currency });
    await audit('service.plan_changed', 'service', e3, '2028-02-10T12:00:00Z', { productId: fixture.productId, cycle: 'monthly', price: '1500' });
    await service(a, { cycle: 'monthly', price: 600n, created: '2027-12-01T08:00:00Z', status: 'cancelled', updated: '2028-03-01T00:00:00Z', currency });
    const e7 = await service(a, {
      cycle: 'monthly',
      price: 800n,
      created: '2028-03-05T08:00:00Z',
      status: 'cancelled',
      updated: '2028-03-25T08:00:00Z',
      currency,
    });
    await audit('service.plan_changed', 'service', e7, '2028-03-10T12:00:00Z', { productId: fixture.productId, cycle: 'monthly', price: '500' });
    const b = await order({ startDate: '2028-02-25', activatedAt: '2028-03-01T00:00:00Z', currency });
    await service(b, { cycle: 'monthly', price: 700n, created: '2028-02-25T08:00:00Z', currency });
    const c = await order({ startDate: '2028-01-15', endDate: '2028-03-31', status: 'completed', contract: true, currency });
    await service(c, { cycle: 'quarterly', price: 900n, created: '2028-01-15T08:00:00Z', currency });
    const d = await order({ startDate: '2028-02-01', contract: true, currency });
    await service(d, { cycle: 'monthly', price: 5000n, created: '2028-01-20T08:00:00Z', status: 'cancelled', updated: '2028-01-25T08:00:00Z', currency });
  });
  const months = [
    { period: '2028-01', mrr: 3401n, new: 300n, expansion: 0n, contraction: 0n, churned: 0n },
    { period: '2028-02', mrr: 2901n, new: 0n, expansion: 0n, contraction: 500n, churned: 0n },
    { period: '2028-03', mrr: 3001n, new: 700n, expansion: 0n, contraction: 0n, churned: 600n },
    { period: '2028-04', mrr: 2701n, new: 0n, expansion: 0n, contraction: 0n, churned: 300n },
  ];

  it('counts a service only at the month ends it runs at: boundaries, a month-long life, a cycle change, a contract end', async () => {
    expect(await mrrReport(ctx(), { from: '2028-01-01', to: '2028-04-30', currency })).toEqual({ currency, rows: months });
  });

  it('gives each month the same figures whichever month the range starts in', async () => {
    for (let first = 1; first < months.length; first++) {
      const { rows } = await mrrReport(ctx(), { from: `2028-0${first + 1}-01`, to: '2028-04-30', currency });
      expect(rows).toEqual(months.slice(first));
    }
  });
});
