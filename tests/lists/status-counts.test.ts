import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { listInvoicesInput } from '@/server/schemas/invoices';
import { listPaymentsInput } from '@/server/schemas/money-lists';
import { listOrdersInput } from '@/server/schemas/orders';
import { countInvoicesByStatus, listInvoices } from '@/server/services/invoices/list';
import { countOrdersByStatus } from '@/server/services/orders/list';
import { countPaymentsByType } from '@/server/services/payments/list';
import { recordPayment } from '@/server/services/payments/record';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice, givenOrderRow, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const now = new Date('2027-03-01T10:00:00Z');
type Actor = Parameters<typeof ctxOf>[1];
const invoiceFilter = (query: Record<string, unknown>) => camelized(listInvoicesInput).parse(query);

let resellerX: Actor;
let customerA = '';

// Reseller X's customer: two pending invoices and a draft; reseller Y's: one pending and an order.
beforeAll(async () => {
  const x = await givenUser(db(), 'reseller');
  const y = await givenUser(db(), 'reseller');
  resellerX = x.actor;
  customerA = (await givenCustomer(db(), { name: 'Counted Alpha' }, { actor: x.actor })).id;
  const b = await givenCustomer(db(), { name: 'Counted Beta' }, { actor: y.actor });
  const paid = await givenInvoice(db(), { customerId: customerA, total: 1000n });
  await givenInvoice(db(), { customerId: customerA, total: 2000n });
  await givenInvoice(db(), { customerId: customerA, status: 'draft' });
  const paidB = await givenInvoice(db(), { customerId: b.id, total: 3000n });
  await recordPayment(ctxOf(db(), systemActor(), now), { invoiceId: paid.id, amount: 400n, method: 'cash' });
  await recordPayment(ctxOf(db(), systemActor(), now), { invoiceId: paidB.id, amount: 500n, method: 'cash' });
  await givenOrderRow(db(), { customerId: customerA, startDate: '2027-01-01' });
  await givenOrderRow(db(), { customerId: b.id, startDate: '2027-01-01', status: 'cancelled' });
});

describe('status chips', () => {
  it("count a reseller's book only, and each count is the rows its chip lists", async () => {
    const ctx = ctxOf(db(), resellerX, now);
    const counts = await countInvoicesByStatus(ctx, invoiceFilter({}));
    expect(counts).toEqual({ partial: 1, pending: 1, draft: 1 });
    const pending = await listInvoices(ctx, invoiceFilter({ status: 'pending,partial', limit: 50 }));
    expect(pending.items).toHaveLength(counts.pending! + counts.partial!);
    expect(await countOrdersByStatus(ctx, camelized(listOrdersInput).parse({}))).toEqual({ active: 1 });
    expect(await countPaymentsByType(ctx, camelized(listPaymentsInput).parse({}))).toEqual({ payment: 1, refund: 0 });
  });

  it('apply the other filters and ignore the chosen status', async () => {
    const admin = ctxOf(db(), systemActor(), now);
    expect(await countInvoicesByStatus(admin, invoiceFilter({ customer: 'counted beta', status: 'draft' }))).toEqual({ partial: 1 });
    expect(await countInvoicesByStatus(admin, invoiceFilter({ customer: customerA, min_total: 1500 }))).toEqual({ pending: 1 });
    expect(await countPaymentsByType(admin, camelized(listPaymentsInput).parse({ customer: 'counted' }))).toEqual({ payment: 2, refund: 0 });
  });
});
