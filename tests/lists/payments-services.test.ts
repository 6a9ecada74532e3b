import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listPaymentsRest } from '@/app/api/v1/payments/route';
import { GET as listServicesRest } from '@/app/api/v1/services/route';
import { invoices, orders, services } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { listPaymentsInput, listServicesInput } from '@/server/schemas/money-lists';
import { exportServices } from '@/server/services/orders/export-services';
import { listServices } from '@/server/services/orders/list-services';
import { exportPayments } from '@/server/services/payments/export';
import { listPayments } from '@/server/services/payments/list';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenOrderRow, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(iso));
const now = new Date('2027-01-31T10:00:00Z');
const admin = () => ctxOf(db(), systemActor(), now);
const paymentsQuery = (query: Record<string, unknown> = {}) => camelized(listPaymentsInput).parse(query);
const servicesQuery = (query: Record<string, unknown> = {}) => camelized(listServicesInput).parse(query);

const ids = {
  resellerX: '',
  resellerY: '',
  customerA: '',
  customerB: '',
  customerC: '',
  invoiceA: '',
  refundA: '',
  serviceActive: '',
  serviceDunned: '',
  serviceEnding: '',
  serviceB: '',
};
let actorX: Awaited<ReturnType<typeof givenUser>>['actor'];
let adminKey: string;
let keyX: string;

// Reseller X's customer A pays cash on the 10th and is refunded 1000 just after midnight; Y's
// customer B pays by bank transfer on the 20th; customer C (no reseller) pays 5000 EUR through
// Stripe on the 25th. Services: A's active one, A's in an order dunning suspended for an invoice
// overdue since 2026-12-15 (terminated 60 days later, 2027-02-13), C's in a contract ending
// 2027-03-31, and B's.
beforeAll(async () => {
  const x = await givenUser(db(), 'reseller');
  const y = await givenUser(db(), 'reseller');
  actorX = x.actor;
  const a = await givenCustomer(db(), { name: 'Acme Alpha' }, { actor: x.actor });
  const b = await givenCustomer(db(), { name: 'Bravo Beta' }, { actor: y.actor });
  const c = await givenCustomer(db(), { name: 'Charlie Euro', currency: 'EUR' });
  const invoiceA = await givenInvoice(db(), { customerId: a.id, total: 3000n });
  const invoiceB = await givenInvoice(db(), { customerId: b.id, total: 4000n });
  const invoiceC = await givenInvoice(db(), { customerId: c.id, total: 5000n, currency: 'EUR' });
  await recordPayment(at('2027-01-10T23:30:00Z'), { invoiceId: invoiceA.id, amount: 3000n, method: 'cash', reference: 'CASH-A' });
  const { refund } = await refundPayment(at('2027-01-11T00:15:00Z'), { invoiceId: invoiceA.id, amount: 1000n, toCredit: false, reason: 'Goodwill' });
  await recordPayment(at('2027-01-20T12:00:00Z'), { invoiceId: invoiceB.id, amount: 4000n, method: 'bank_transfer' });
  await recordPayment(at('2027-01-25T12:00:00Z'), {
    invoiceId: invoiceC.id,
    amount: 5000n,
    method: 'stripe',
    gateway: { provider: 'stripe', id: 'pi_list_1' },
  });

  const product = await givenProduct(db(), { name: 'Cloud VPS' });
  const other = await givenProduct(db(), { name: 'Web Hosting' });
  const service = async (
    orderId: string,
    customerId: string,
    productId: string,
    name: string,
    createdAt: string,
    status: 'active' | 'suspended' = 'active',
  ) => {
    const [row] = await db()
      .insert(services)
      .values({
        orderId,
        customerId,
        productId,
        name,
        cycle: 'monthly',
        currency: 'USD',
        price: 1000n,
        quantity: 2,
        status,
        billingDay: 1,
        nextDueDate: '2027-02-01',
        createdAt: new Date(createdAt),
      })
      .returning({ id: services.id });
    return row!.id;
  };
  const orderA = await givenOrderRow(db(), { customerId: a.id, startDate: '2026-11-01' });
  const dunnedOrder = await givenOrderRow(db(), { customerId: a.id, startDate: '2026-11-02' });
  const unpaid = await givenInvoice(db(), { customerId: a.id, total: 1000n });
  await db().update(invoices).set({ status: 'overdue', dueDate: '2026-12-15' }).where(eq(invoices.id, unpaid.id));
  await db().update(orders).set({ status: 'suspended', suspendedForInvoiceId: unpaid.id }).where(eq(orders.id, dunnedOrder));
  const contract = await givenOrderRow(db(), { customerId: c.id, startDate: '2026-11-03', endDate: '2027-03-31', contract: true, currency: 'EUR' });
  const orderB = await givenOrderRow(db(), { customerId: b.id, startDate: '2026-11-04' });
  Object.assign(ids, {
    resellerX: x.id,
    resellerY: y.id,
    customerA: a.id,
    customerB: b.id,
    customerC: c.id,
    invoiceA: invoiceA.id,
    refundA: refund.id,
    serviceActive: await service(orderA, a.id, product.id, 'alpha.example', '2026-11-01T08:00:00Z'),
    serviceDunned: await service(dunnedOrder, a.id, product.id, 'dunned.example', '2026-11-02T08:00:00Z', 'suspended'),
    serviceEnding: await service(contract, c.id, other.id, 'contract.example', '2026-11-03T08:00:00Z'),
    serviceB: await service(orderB, b.id, other.id, 'bravo.example', '2026-11-04T08:00:00Z'),
  });
  adminKey = await givenApiKey(db(), 'admin');
  keyX = await givenApiKey(db(), 'reseller', x.id);
});

// The rows here hold no comma, quote or line break: splitting is reading.
const parse = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.split(','));

const brief = (p: { type: string; amount: bigint; currency: string }) => `${p.type} ${p.amount} ${p.currency}`;

describe('the Payments list', () => {
  it('lists every payment and refund newest first by the date the money moved, with its invoice, customer and who recorded it', async () => {
    const page = await listPayments(admin(), paymentsQuery());
    expect(page.items.map(brief)).toEqual(['payment 5000 EUR', 'payment 4000 USD', 'refund 1000 USD', 'payment 3000 USD']);
    expect(page.items[0]).toMatchObject({ method: 'stripe', provider: 'stripe', providerId: 'pi_list_1', customerName: 'Charlie Euro', recordedBy: 'system' });
    expect(page.items[2]).toMatchObject({
      id: ids.refundA,
      type: 'refund',
      method: 'cash',
      reference: 'Goodwill',
      invoiceId: ids.invoiceA,
      customerId: ids.customerA,
      date: new Date('2027-01-11T00:15:00Z'),
    });
    expect(page.items[3]!.reference).toBe('CASH-A');
  });

  it('filters by type, method, UTC dates (both ends included), customer, currency and reseller', async () => {
    const list = async (query: Record<string, unknown>) => (await listPayments(admin(), paymentsQuery(query))).items.map(brief);
    expect(await list({ type: 'refund' })).toEqual(['refund 1000 USD']);
    expect(await list({ type: 'payment', method: 'cash' })).toEqual(['payment 3000 USD']);
    expect(await list({ method: 'cash' })).toEqual(['refund 1000 USD', 'payment 3000 USD']);
    expect(await list({ from: '2027-01-11', to: '2027-01-20' })).toEqual(['payment 4000 USD', 'refund 1000 USD']);
    expect(await list({ customer: 'acme' })).toEqual(['refund 1000 USD', 'payment 3000 USD']);
    expect(await list({ customer: ids.customerB })).toEqual(['payment 4000 USD']);
    expect(await list({ currency: 'eur' })).toEqual(['payment 5000 EUR']);
    expect(await list({ reseller_id: ids.resellerY })).toEqual(['payment 4000 USD']);
  });

  it('pages with a cursor across payments and refunds', async () => {
    const first = await listPayments(admin(), paymentsQuery({ limit: 2 }));
    expect(first.items.map(brief)).toEqual(['payment 5000 EUR', 'payment 4000 USD']);
    const second = await listPayments(admin(), paymentsQuery({ limit: 2, cursor: first.nextCursor }));
    expect(second.items.map(brief)).toEqual(['refund 1000 USD', 'payment 3000 USD']);
    expect(second.nextCursor).toBeNull();
  });

  it('exports exactly the filtered set as CSV', async () => {
    const [header, ...rows] = await exportPayments(admin(), paymentsQuery({ method: 'cash' }));
    expect(header).toContain('provider_id');
    const listed = await listPayments(admin(), paymentsQuery({ method: 'cash' }));
    expect(rows.map((r) => r[0])).toEqual(listed.items.map((p) => p.id));
    expect(rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['refund', '10.00', 'USD'],
      ['payment', '30.00', 'USD'],
    ]);
  });

  it('shows a reseller only its book, whatever reseller it names, and refuses a client', async () => {
    expect((await listPayments(ctxOf(db(), actorX, now), paymentsQuery())).items.map((p) => p.customerId)).toEqual([ids.customerA, ids.customerA]);
    expect((await listPayments(ctxOf(db(), actorX, now), paymentsQuery({ reseller_id: ids.resellerY }))).items).toEqual([]);
    const client = await givenUser(db(), 'client', { customerId: ids.customerA });
    await expect(listPayments(ctxOf(db(), client.actor, now), paymentsQuery())).rejects.toMatchObject({ code: 'forbidden' });
    const withoutFlag = await givenUser(db(), 'reseller', { permissions: [] });
    await expect(listPayments(ctxOf(db(), withoutFlag.actor, now), paymentsQuery())).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('answers GET /api/v1/payments in the contract’s shape, and as CSV of the same set', async () => {
    const response = await listPaymentsRest(apiRequest('/api/v1/payments?type=refund', { key: adminKey }), params());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: [
        {
          id: ids.refundA,
          type: 'refund',
          date: '2027-01-11T00:15:00.000Z',
          amount: 1000,
          currency: 'USD',
          method: 'cash',
          reference: 'Goodwill',
          provider: null,
          provider_id: null,
          invoice_id: ids.invoiceA,
          invoice_number: expect.any(String),
          customer_id: ids.customerA,
          customer_name: 'Acme Alpha',
          recorded_by: 'system',
        },
      ],
      next_cursor: null,
    });
    const csv = await listPaymentsRest(apiRequest('/api/v1/payments?format=csv&customer=acme', { key: keyX }), params());
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [, ...rows] = parse(await csv.text());
    expect(rows.map((r) => r[1])).toEqual(['refund', 'payment']);
    const bad = await listPaymentsRest(apiRequest('/api/v1/payments?method=cheque', { key: adminKey }), params());
    expect(bad.status).toBe(400);
  });
});

describe('the Services list', () => {
  const names = async (query: Record<string, unknown>, ctx = admin()) => (await listServices(ctx, servicesQuery(query))).items.map((s) => s.name);

  it('lists every service newest first with its product, order, customer and when it terminates', async () => {
    const page = await listServices(admin(), servicesQuery());
    expect(page.items.map((s) => s.name)).toEqual(['bravo.example', 'contract.example', 'dunned.example', 'alpha.example']);
    const byName = new Map(page.items.map((s) => [s.name, s]));
    expect(byName.get('dunned.example')).toMatchObject({
      status: 'suspended',
      productName: 'Cloud VPS',
      terminatesOn: '2027-02-13',
      customerName: 'Acme Alpha',
    });
    expect(byName.get('contract.example')!.terminatesOn).toBe('2027-03-31');
    expect(byName.get('alpha.example')).toMatchObject({ terminatesOn: null, price: 1000n, quantity: 2, nextDueDate: '2027-02-01' });
  });

  it('filters by status, product, customer, next due range, reseller and terminating soon', async () => {
    const vps = (await listServices(admin(), servicesQuery({ customer: 'acme' }))).items[0]!.productId;
    expect(await names({ status: 'suspended' })).toEqual(['dunned.example']);
    expect(await names({ product_id: vps })).toEqual(['dunned.example', 'alpha.example']);
    expect(await names({ customer: 'bravo' })).toEqual(['bravo.example']);
    expect(await names({ due_from: '2027-02-01', due_to: '2027-02-01' })).toHaveLength(4);
    expect(await names({ due_to: '2027-01-31' })).toEqual([]);
    expect(await names({ reseller_id: ids.resellerX })).toEqual(['dunned.example', 'alpha.example']);
    // Today is 2027-01-31: dunning terminates the suspended one on 02-13, the contract ends 03-31.
    expect(await names({ terminating_within: '7' })).toEqual([]);
    expect(await names({ terminating_within: '14' })).toEqual(['dunned.example']);
    expect(await names({ terminating_within: '60' })).toEqual(['contract.example', 'dunned.example']);
  });

  it('pages with a cursor, and exports exactly the filtered set as CSV', async () => {
    const first = await listServices(admin(), servicesQuery({ limit: 3 }));
    const second = await listServices(admin(), servicesQuery({ limit: 3, cursor: first.nextCursor }));
    expect(second.items.map((s) => s.name)).toEqual(['alpha.example']);
    const [header, ...rows] = await exportServices(admin(), servicesQuery({ customer: 'acme' }));
    const price = header!.indexOf('price');
    expect(rows.map((r) => [r[1], r[2], r[price]])).toEqual([
      ['dunned.example', 'suspended', '20.00'],
      ['alpha.example', 'active', '20.00'],
    ]);
  });

  it('shows a reseller only its book, and refuses a client', async () => {
    expect(await names({}, ctxOf(db(), actorX, now))).toEqual(['dunned.example', 'alpha.example']);
    expect(await names({ reseller_id: ids.resellerY }, ctxOf(db(), actorX, now))).toEqual([]);
    const client = await givenUser(db(), 'client', { customerId: ids.customerA });
    await expect(listServices(ctxOf(db(), client.actor, now), servicesQuery())).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('answers GET /api/v1/services and its CSV for a reseller key with its book only', async () => {
    const response = await listServicesRest(apiRequest('/api/v1/services?status=suspended', { key: keyX }), params());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data).toEqual([
      expect.objectContaining({
        id: ids.serviceDunned,
        status: 'suspended',
        terminates_on: '2027-02-13',
        price: 1000,
        quantity: 2,
        customer_id: ids.customerA,
      }),
    ]);
    const csv = await listServicesRest(apiRequest('/api/v1/services?format=csv', { key: keyX }), params());
    const [, ...rows] = parse(await csv.text());
    expect(rows.map((r) => r[0]).sort()).toEqual([ids.serviceActive, ids.serviceDunned].sort());
  });
});
