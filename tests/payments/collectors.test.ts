import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, invoices, payments, services } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { systemActor, type Actor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { collectCash } from '@/server/services/collect/collect-cash';
import { findRoundCustomers, roundCustomer } from '@/server/services/collect/round';
import { updateCustomer } from '@/server/services/customers/update';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { createStaff, listStaff } from '@/server/services/people/staff';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenInvoice, givenProduct, givenUser, runOrderActivation } from '../support/fixtures';

const { db } = withTestDatabase();
const origin = 'http://billing.test';
const system = (now = testNow) => ctxOf(db(), systemActor(), now);

/** A collector with one customer assigned to it (and the customer's pending invoice of `total`). */
async function givenRound(total = 5000n) {
  const collector = await givenUser(db(), 'collector');
  const customer = await givenCustomer(db(), { name: 'Round Customer' });
  await updateCustomer(system(), { id: customer.id, collectorId: collector.id });
  const invoice = await givenInvoice(db(), { customerId: customer.id, total });
  return { collector, customer, invoice };
}

const collect = (actor: Actor, input: { invoiceId: string; amount: bigint; receiptNumber: string }, now = testNow) =>
  collectCash(ctxOf(db(), actor, now), { ...input, origin });

const invoiceRow = async (id: string) => (await db().select().from(invoices).where(eq(invoices.id, id)))[0]!;
const paymentsOf = (invoiceId: string) => db().select().from(payments).where(eq(payments.invoiceId, invoiceId));

describe('a cash collector', () => {
  it('records part of an assigned customer’s invoice as a collector payment, with the receipt number as reference', async () => {
    const { collector, customer, invoice } = await givenRound(5000n);
    const receipt = await collect(collector.actor, { invoiceId: invoice.id, amount: 2000n, receiptNumber: 'RB-0042' });

    expect(receipt).toMatchObject({ amount: 2000n, balanceLeft: 3000n, receiptNumber: 'RB-0042', invoice: { number: invoice.number } });
    expect(receipt.customer.name).toBe('Round Customer');
    expect(receipt.publicUrl).toMatch(new RegExp(`^${origin}/p/invoice/${invoice.id}\\?token=`));
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'partial', amountPaid: 2000n });
    const [payment] = await paymentsOf(invoice.id);
    expect(payment).toMatchObject({ method: 'collector', reference: 'RB-0042', amount: 2000n, recordedById: collector.id, customerId: customer.id });
    expect(receipt.collector).toMatch(/^collector /);
  });

  it('names the collector in the audit row of the payment', async () => {
    const { collector, invoice } = await givenRound();
    await collect(collector.actor, { invoiceId: invoice.id, amount: 100n, receiptNumber: 'RB-1' });
    const [row] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'invoice.payment_recorded')));
    expect(row).toMatchObject({ actorType: 'user', actorId: collector.id, actorLabel: collector.actor.label });
  });

  it('sees only its assigned customers and their open invoices', async () => {
    const { collector, customer, invoice } = await givenRound();
    const stranger = await givenCustomer(db(), { name: 'Round Stranger' });
    await givenInvoice(db(), { customerId: stranger.id });
    const paid = await givenInvoice(db(), { customerId: customer.id });
    await markInvoicePaid(system(), { id: paid.id, method: 'cash' });

    const found = await findRoundCustomers(ctxOf(db(), collector.actor), { q: 'Round' });
    expect(found.map((c) => c.id)).toEqual([customer.id]);
    expect(found[0]!.openInvoices).toBe(1);
    const round = await roundCustomer(ctxOf(db(), collector.actor), { id: customer.id });
    expect(round.invoices.map((i) => [i.id, i.balance])).toEqual([[invoice.id, 5000n]]);
    await expect(roundCustomer(ctxOf(db(), collector.actor), { id: stranger.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('cannot pay an unassigned customer’s invoice, or another collector’s: not found, nothing recorded', async () => {
    const { invoice } = await givenRound();
    const other = await givenUser(db(), 'collector');
    const loose = await givenInvoice(db());
    for (const target of [invoice, loose]) {
      await expect(collect(other.actor, { invoiceId: target.id, amount: 100n, receiptNumber: 'RB-2' })).rejects.toMatchObject({ code: 'not_found' });
      expect(await paymentsOf(target.id)).toEqual([]);
    }
  });

  it('refuses more than the balance under the amount field, and changes nothing', async () => {
    const { collector, invoice } = await givenRound(5000n);
    await expect(collect(collector.actor, { invoiceId: invoice.id, amount: 5001n, receiptNumber: 'RB-3' })).rejects.toMatchObject({
      code: 'validation',
      fields: { amount: 'must not exceed the balance of $50.00' },
    });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'pending', amountPaid: 0n });
    expect(await paymentsOf(invoice.id)).toEqual([]);
  });

  it('records one payment for a double tap: the same idempotency key twice answers the same receipt', async () => {
    const { collector, invoice } = await givenRound(5000n);
    const caller = createCaller({ db: db(), actor: collector.actor, origin });
    const input = { invoice_id: invoice.id, amount: 1500, receipt_number: 'RB-7', idempotencyKey: 'collect-double-tap-0001' };
    const [first, second] = await Promise.all([caller.collect.collectCash(input), caller.collect.collectCash(input)].map((p) => p.catch((e: unknown) => e)));
    const answers = [first, second].filter((a) => !(a instanceof TRPCError));
    expect(answers.length).toBeGreaterThanOrEqual(1);
    const again = await caller.collect.collectCash(input);
    for (const answer of answers) expect(answer).toEqual(again);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect(await invoiceRow(invoice.id)).toMatchObject({ amountPaid: 1500n });
  });

  it('renews the service when it pays a renewal invoice in full, as any payment does', async () => {
    const product = await givenProduct(db());
    const collector = await givenUser(db(), 'collector');
    const customer = await givenCustomer(db());
    await updateCustomer(system(), { id: customer.id, collectorId: collector.id });
    const at = (iso: string) => system(new Date(iso));
    const order = await placeOrder(
      at('2032-03-31T09:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2032-03-31T10:00:00Z'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, new Date('2032-03-31T10:00:00Z'));
    await runBilling(at('2032-04-25T00:05:00Z'), { date: '2032-04-25' });
    const [renewal] = await db()
      .select()
      .from(invoices)
      .where(and(eq(invoices.orderId, order.id), eq(invoices.purpose, 'renewal')));

    await collect(collector.actor, { invoiceId: renewal!.id, amount: renewal!.total, receiptNumber: 'RB-9' }, new Date('2032-04-26T00:00:00Z'));

    const [service] = await db().select().from(services).where(eq(services.orderId, order.id));
    expect(service).toMatchObject({ periodStart: '2032-04-30', periodEnd: '2032-05-31', nextDueDate: '2032-05-31' });
  });

  it('has no other door: the desk’s payment procedures and lists refuse it', async () => {
    const { collector, invoice, customer } = await givenRound();
    const caller = createCaller({ db: db(), actor: collector.actor, origin });
    const refused = async (call: Promise<unknown>) => expect(call).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await refused(caller.invoices.recordPayment({ id: invoice.id, amount: 100, method: 'cash', idempotencyKey: 'collector-desk-0001' }));
    await refused(caller.invoices.list({}));
    await refused(caller.customers.byId({ id: customer.id }));
    await refused(caller.customers.list({}));
  });
});

describe('the desk', () => {
  it('creates a collector on the Staff page and assigns customers to it, audited; only a collector can be assigned', async () => {
    const admin = await givenUser(db(), 'admin');
    const ctx = ctxOf(db(), admin.actor);
    const member = await createStaff(ctx, {
      name: 'Cole Lector',
      email: `cole-${Date.now()}@example.test`,
      password: 'a-long-password',
      permissions: ['settings.manage'],
      role: 'collector',
    });
    expect(member).toMatchObject({ role: 'collector', permissions: [] });
    const customer = await givenCustomer(db());

    await updateCustomer(ctx, { id: customer.id, collectorId: member.id });
    expect((await listStaff(ctx)).find((m) => m.id === member.id)).toMatchObject({ role: 'collector', assignedCustomers: 1 });
    await updateCustomer(ctx, { id: customer.id, collectorId: null });
    const trail = await db()
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, customer.id), eq(auditLog.action, 'customer.collector_changed')));
    expect(trail).toEqual([
      { action: 'customer.collector_changed', before: { collectorId: null }, after: { collectorId: member.id } },
      { action: 'customer.collector_changed', before: { collectorId: member.id }, after: { collectorId: null } },
    ]);

    const staff = await givenUser(db(), 'staff');
    await expect(updateCustomer(ctx, { id: customer.id, collectorId: staff.id })).rejects.toMatchObject({ fields: { collector_id: 'is not a collector' } });
  });

  it('does not let a reseller assign collectors', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const collector = await givenUser(db(), 'collector');
    const customer = await givenCustomer(db(), {}, { actor: reseller.actor });
    await expect(updateCustomer(ctxOf(db(), reseller.actor), { id: customer.id, collectorId: collector.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
