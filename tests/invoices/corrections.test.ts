import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { creditLedger, customers, invoices, payments, services } from '@/db/schema';
import { systemActor, type Actor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { creditBalance } from '@/server/services/credit/balance';
import { consolidateInvoices } from '@/server/services/invoices/consolidate';
import { correctInvoice } from '@/server/services/invoices/correct';
import { getInvoice } from '@/server/services/invoices/get';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { changePlan } from '@/server/services/orders/change-plan';
import { placeOrder } from '@/server/services/orders/place';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice, givenProduct, givenUser, runOrderActivation } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(iso));
const now = () => at('2026-06-15T12:00:00Z');

describe('change plan with proration', () => {
  async function givenService(monthly: number) {
    const product = await givenProduct(db(), { monthly });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-06-01T00:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-06-01T01:00:00Z'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, new Date('2026-06-01T01:00:00Z'));
    return { service: order.services[0]!, customer };
  }

  it('lets a reseller change its customer’s plan when it may edit invoices, and refuses one that may not', async () => {
    const { service, customer } = await givenService(3000);
    const bigger = await givenProduct(db(), { monthly: 6000 });
    const editor = await givenUser(db(), 'reseller');
    const viewer = await givenUser(db(), 'reseller', { permissions: ['invoices.view'] });
    await db().update(customers).set({ resellerId: editor.id }).where(eq(customers.id, customer.id));
    const asReseller = (actor: Actor) => ctxOf(db(), actor, new Date('2026-06-16T12:00:00Z'));
    const change = { serviceId: service.id, productId: bigger.id, cycle: 'monthly' as const, preview: false, today: '2026-06-16' };

    await expect(changePlan(asReseller(viewer.actor), change)).rejects.toMatchObject({ code: 'forbidden' });
    const changed = await changePlan(asReseller(editor.actor), change);
    expect(changed.prorate).toBe(1500n);
    expect((await getInvoice(asReseller(editor.actor), { id: changed.invoiceId! })).purpose).toBe('proration');
  });

  it('previews an upgrade without writing, then bills the difference', async () => {
    const { service } = await givenService(3000);
    const bigger = await givenProduct(db(), { monthly: 6000 });
    // June 1 – July 1 is 30 days; on June 16, 15 are left.
    const preview = await changePlan(now(), { serviceId: service.id, productId: bigger.id, cycle: 'monthly', preview: true, today: '2026-06-16' });
    expect(preview).toEqual({
      unusedDays: 15,
      periodDays: 30,
      oldCredit: 1500n,
      newCharge: 3000n,
      prorate: 1500n,
      invoiceId: null,
      creditNoteId: null,
      newPrice: 6000n,
    });
    const [unchanged] = await db().select().from(services).where(eq(services.id, service.id));
    expect(unchanged!.price).toBe(3000n);

    const change = await changePlan(now(), { serviceId: service.id, productId: bigger.id, cycle: 'monthly', preview: false, today: '2026-06-16' });
    const invoice = await getInvoice(now(), { id: change.invoiceId! });
    expect(invoice).toMatchObject({ status: 'pending', purpose: 'proration', subtotal: 1500n });
    const [changed] = await db().select().from(services).where(eq(services.id, service.id));
    expect(changed).toMatchObject({ productId: bigger.id, price: 6000n });
  });

  it('credits a downgrade with a credit note and a credit-balance entry', async () => {
    const { service, customer } = await givenService(6000);
    const smaller = await givenProduct(db(), { monthly: 3000 });
    const change = await changePlan(now(), { serviceId: service.id, productId: smaller.id, cycle: 'monthly', preview: false, today: '2026-06-21' });
    expect(change).toMatchObject({ unusedDays: 10, oldCredit: 2000n, newCharge: 1000n, prorate: -1000n, invoiceId: null });
    const note = await getInvoice(now(), { id: change.creditNoteId! });
    expect(note).toMatchObject({ kind: 'credit_note', total: 1000n, status: 'paid' });
    expect(note.number).toMatch(/^CN-2026-\d{5}$/);
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(1000n);
  });

  it('credits nothing for a period already over, and clamps a far-off end', async () => {
    const { service } = await givenService(3000);
    const other = await givenProduct(db(), { monthly: 6000 });
    const past = await changePlan(now(), { serviceId: service.id, productId: other.id, cycle: 'monthly', preview: true, today: '2026-07-05' });
    expect(past).toMatchObject({ unusedDays: 0, prorate: 0n });
    const early = await changePlan(now(), { serviceId: service.id, productId: other.id, cycle: 'monthly', preview: true, today: '2026-05-01' });
    expect(early).toMatchObject({ unusedDays: 30, oldCredit: 3000n, newCharge: 6000n });
  });
});

describe('change plan after an unpaid plan change', () => {
  it('refuses a downgrade that would credit an upgrade never paid, until its invoice is paid', async () => {
    const product = await givenProduct(db(), { monthly: 3000 });
    const bigger = await givenProduct(db(), { monthly: 6000 });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-06-01T00:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-06-01T01:00:00Z'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, new Date('2026-06-01T01:00:00Z'));
    const service = order.services[0]!;
    const upgrade = await changePlan(now(), { serviceId: service.id, productId: bigger.id, cycle: 'monthly', preview: false, today: '2026-06-16' });
    const downgrade = { serviceId: service.id, productId: product.id, cycle: 'monthly' as const, preview: false, today: '2026-06-16' };
    await expect(changePlan(now(), downgrade)).rejects.toMatchObject({ code: 'invalid_state', message: expect.stringContaining('not paid yet') });
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(0n);
    await markInvoicePaid(now(), { id: upgrade.invoiceId! });
    const paidDown = await changePlan(now(), downgrade);
    expect(paidDown.prorate).toBe(-1500n);
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(1500n);
  });
});

describe('a downgrade credits only what the period took in', () => {
  it('credits nothing for a period a credit note settled, and no more than was paid and not given back', async () => {
    const product = await givenProduct(db(), { monthly: 6000 });
    const smaller = await givenProduct(db(), { monthly: 3000 });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-06-01T00:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await correctInvoice(at('2026-06-01T01:00:00Z'), {
      invoiceId: order.invoiceId!,
      kind: 'credit_note',
      items: [{ description: 'Waived', quantity: 1000n, unitPrice: 6000n, taxRate: 0n }],
      reason: 'waived',
    });
    await runOrderActivation(db(), order.id, new Date('2026-06-01T01:00:00Z'));
    const change = await changePlan(now(), { serviceId: order.services[0]!.id, productId: smaller.id, cycle: 'monthly', preview: false, today: '2026-06-16' });
    expect(change).toMatchObject({ prorate: -1500n, creditNoteId: null });
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(0n);

    const paying = await placeOrder(
      at('2026-06-01T00:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-06-01T01:00:00Z'), { id: paying.invoiceId! });
    await runOrderActivation(db(), paying.id, new Date('2026-06-01T01:00:00Z'));
    await refundPayment(now(), { invoiceId: paying.invoiceId!, amount: 5000n, toCredit: false });
    const partly = await changePlan(now(), { serviceId: paying.services[0]!.id, productId: smaller.id, cycle: 'monthly', preview: false, today: '2026-06-16' });
    const note = await getInvoice(now(), { id: partly.creditNoteId! });
    expect(note).toMatchObject({ total: 1000n, correctsInvoiceId: paying.invoiceId });
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(1000n);
  });
});

describe('consolidation', () => {
  it('merges five open invoices (one partly paid) into one owing exactly their balances', async () => {
    const customer = await givenCustomer(db());
    const sources = [];
    for (const total of [1000n, 2000n, 3000n, 4000n, 5000n]) sources.push(await givenInvoice(db(), { customerId: customer.id, total }));
    await recordPayment(now(), { invoiceId: sources[1]!.id, amount: 500n, method: 'cash' });
    const parent = await consolidateInvoices(now(), { customerId: customer.id });
    expect(parent).toMatchObject({ status: 'pending', purpose: 'consolidated', total: 14_500n, balance: 14_500n });
    expect(parent.lines.find((l) => l.total === -500n)?.description).toContain('already paid');
    for (const source of sources) {
      const [row] = await db().select().from(invoices).where(eq(invoices.id, source.id));
      expect(row).toMatchObject({ status: 'cancelled', consolidatedIntoId: parent.id });
    }
    const [kept] = await db().select().from(payments).where(eq(payments.invoiceId, sources[1]!.id));
    expect(kept!.amount).toBe(500n);
    await expect(consolidateInvoices(now(), { customerId: customer.id })).rejects.toMatchObject({ code: 'invalid_state' });
  });
});

describe('credit and debit notes', () => {
  it('settles an open invoice with a credit note and keeps any excess as credit', async () => {
    const customer = await givenCustomer(db());
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 1000n });
    await recordPayment(now(), { invoiceId: invoice.id, amount: 700n, method: 'cash' });
    const note = await correctInvoice(now(), {
      invoiceId: invoice.id,
      kind: 'credit_note',
      items: [{ description: 'Outage', quantity: 1000n, unitPrice: 500n, taxRate: 0n }],
      reason: 'SLA credit',
    });
    expect(note).toMatchObject({ kind: 'credit_note', correctsInvoiceId: invoice.id, total: 500n });
    expect((await getInvoice(now(), { id: invoice.id })).status).toBe('paid');
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(200n);
    await expect(
      correctInvoice(now(), {
        invoiceId: invoice.id,
        kind: 'credit_note',
        items: [{ description: 'More', quantity: 1000n, unitPrice: 501n, taxRate: 0n }],
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('issues a debit note as a new document to pay', async () => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    await markInvoicePaid(now(), { id: invoice.id });
    const note = await correctInvoice(now(), {
      invoiceId: invoice.id,
      kind: 'debit_note',
      items: [{ description: 'Extra traffic', quantity: 1000n, unitPrice: 250n, taxRate: 0n }],
      reason: 'Overage',
    });
    expect(note).toMatchObject({ kind: 'debit_note', status: 'pending', balance: 250n, correctsInvoiceId: invoice.id });
    expect(note.number).toMatch(/^DN-/);
  });
});

describe('refunds', () => {
  it('makes a fully refunded invoice refunded, and a partial refund a credit note', async () => {
    const full = await givenInvoice(db(), { total: 1000n });
    await markInvoicePaid(now(), { id: full.id });
    const all = await refundPayment(now(), { invoiceId: full.id, toCredit: false });
    expect(all).toMatchObject({ creditNoteId: null, invoice: { status: 'refunded', amountRefunded: 1000n } });

    const part = await givenInvoice(db(), { total: 1000n });
    await markInvoicePaid(now(), { id: part.id });
    const some = await refundPayment(now(), { invoiceId: part.id, amount: 300n, reason: 'Goodwill', toCredit: false });
    expect(some.invoice).toMatchObject({ status: 'paid', amountRefunded: 300n });
    expect((await getInvoice(now(), { id: some.creditNoteId! })).total).toBe(300n);
    await expect(refundPayment(now(), { invoiceId: part.id, amount: 701n, toCredit: false })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('never refunds more than was paid when refunds race', async () => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    await markInvoicePaid(now(), { id: invoice.id });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => refundPayment(now(), { invoiceId: invoice.id, amount: 300n, toCredit: false })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === 'conflict')).toBe(true);
    expect((await getInvoice(now(), { id: invoice.id })).amountRefunded).toBe(900n);
  });

  it('refunds to the credit balance when asked', async () => {
    const customer = await givenCustomer(db());
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 800n });
    await markInvoicePaid(now(), { id: invoice.id });
    await refundPayment(now(), { invoiceId: invoice.id, toCredit: true });
    const entries = await db()
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.customerId, customer.id), eq(creditLedger.kind, 'refund_to_credit')));
    expect(entries.map((e) => e.amount)).toEqual([800n]);
  });

  // Refunds through a configured gateway are proven against the faked Stripe and PayPal APIs
  // in tests/payments; here no gateway is set up at all.
  it('refuses to refund a gateway payment through a gateway that is not configured', async () => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    await recordPayment(now(), { invoiceId: invoice.id, amount: 1000n, method: 'paypal', gateway: { provider: 'paypal', id: 'CAPTURE-1' } });
    await expect(refundPayment(now(), { invoiceId: invoice.id, toCredit: false })).rejects.toMatchObject({ code: 'payment_failed' });
    const [unchanged] = await db().select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(unchanged).toMatchObject({ amountRefunded: 0n, status: 'paid' });
  });
});
