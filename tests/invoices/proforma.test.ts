import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/invoices/[id]/route';
import { POST as createRoute } from '@/app/api/v1/invoices/route';
import { POST as orderDocumentRoute } from '@/app/api/v1/orders/[id]/documents/route';
import { invoiceLines, invoices, ledgerTransactions, payments, revenueRollup, taxRollup, workflowEvents } from '@/db/schema';
import { systemActor, userActor } from '@/server/auth/actor';
import { loadInvoiceDocument } from '@/server/documents/load';
import { paymentInstructions } from '@/server/documents/model';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { createInvoice } from '@/server/services/invoices/create';
import { customerInvoice } from '@/server/services/invoices/customer-invoice';
import { finalizeInvoice } from '@/server/services/invoices/finalize';
import { getInvoice } from '@/server/services/invoices/get';
import { getInvoiceHistory } from '@/server/services/invoices/history';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { createOrderDocument } from '@/server/services/orders/create-document';
import { placeOrder } from '@/server/services/orders/place';
import { recordPayment } from '@/server/services/payments/record';
import { agingReport } from '@/server/services/reports/aging';
import { revenueReport } from '@/server/services/reports/revenue';
import { taxReport } from '@/server/services/reports/tax';
import { updateBillingSettings } from '@/server/services/settings/billing';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenProduct } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const at = (instant: string) => ctxOf(db(), systemActor(), new Date(instant));
const line = (unitPrice: bigint, percent: bigint) => ({ description: 'Consulting', quantity: 1000n, unitPrice, taxRate: percent * 1000n });
const issue = (customerId: string, kind: 'invoice' | 'proforma', issueDate: string, options: { status?: 'draft' | 'pending'; currency?: string } = {}) =>
  createInvoice(at(`${issueDate}T09:00:00Z`), {
    customerId,
    kind,
    status: options.status ?? 'pending',
    issueDate,
    dueDate: issueDate,
    currency: options.currency ?? 'USD',
    items: [line(10_000n, 20n), line(2_000n, 0n)],
  });
const row = async (id: string) => (await db().select().from(invoices).where(eq(invoices.id, id)))[0]!;
const convertedFrom = (proformaId: string) => db().select().from(invoices).where(eq(invoices.proformaId, proformaId));

describe('proformas', () => {
  it('are numbered from their own gapless series, beside the invoices’ and unaffected by them', async () => {
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const p1 = await issue(customer.id, 'proforma', '2031-01-05');
    const i1 = await issue(customer.id, 'invoice', '2031-01-05');
    const draft = await issue(customer.id, 'proforma', '2031-01-06', { status: 'draft' });
    expect(draft.number).toBeNull();
    // A create that fails after drawing its number gives it back with its transaction.
    await expect(
      createInvoice(at('2031-01-06T09:00:00Z'), { customerId: customer.id, kind: 'proforma', status: 'pending', currency: 'USD', items: [line(-5_000n, 0n)] }),
    ).rejects.toMatchObject({ code: 'validation' });
    const p2 = await finalizeInvoice(at('2031-01-07T09:00:00Z'), { id: draft.id });
    const i2 = await issue(customer.id, 'invoice', '2031-01-08');
    expect([p1.number, p2.number]).toEqual(['PF-2031-00001', 'PF-2031-00002']);
    expect([i1.number, i2.number]).toEqual(['INV-2031-00001', 'INV-2031-00002']);
    expect(p1).toMatchObject({ kind: 'proforma', status: 'pending', proformaId: null, convertedInvoiceId: null });
  });

  it('paid in full become one paid invoice with the same lines, which holds the payments; a part payment converts nothing', async () => {
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const proforma = await issue(customer.id, 'proforma', '2031-02-01');
    expect(proforma.total).toBe(14_000n);
    await recordPayment(at('2031-02-02T10:00:00Z'), { invoiceId: proforma.id, amount: 4_000n, method: 'bank_transfer' });
    expect(await convertedFrom(proforma.id)).toEqual([]);
    const { invoice: paid } = await recordPayment(at('2031-02-03T10:00:00Z'), { invoiceId: proforma.id, amount: 10_000n, method: 'card' });
    expect(paid).toMatchObject({ kind: 'proforma', status: 'paid' });

    const [converted] = await convertedFrom(proforma.id);
    expect(converted).toMatchObject({
      kind: 'invoice',
      status: 'paid',
      total: 14_000n,
      amountPaid: 14_000n,
      issueDate: '2031-02-03',
      number: 'INV-2031-00003',
    });
    expect(converted!.paidAt).toEqual(new Date('2031-02-03T10:00:00Z'));
    expect(converted!.customerSnapshot).toMatchObject({ email: customer.email });
    expect(await row(proforma.id)).toMatchObject({ status: 'paid', convertedInvoiceId: converted!.id });
    // Each page links the other (the console's Related documents).
    const admin = at('2031-02-04T10:00:00Z');
    expect((await getInvoiceHistory(admin, { id: proforma.id })).related).toMatchObject([{ id: converted!.id, relation: 'converted_into' }]);
    expect((await getInvoiceHistory(admin, { id: converted!.id })).related).toMatchObject([{ id: proforma.id, relation: 'proforma' }]);
    // The documents name each other too: the proforma's PDF says which invoice its payment bought.
    const printed = async (id: string) => (await loadInvoiceDocument(admin, { id, origin: 'http://localhost' })).doc;
    expect(paymentInstructions(await printed(proforma.id))).toEqual([
      'This is not a tax invoice.',
      'Paid in full on 3 Feb 2031. Thank you.',
      `Invoice ${converted!.number} was issued for this payment.`,
    ]);
    expect(await printed(converted!.id)).toMatchObject({ kind: 'invoice', proforma: proforma.number, convertedInto: null });
    const lines = (id: string) =>
      db()
        .select({ description: invoiceLines.description, unitPrice: invoiceLines.unitPrice, taxRate: invoiceLines.taxRate, total: invoiceLines.total })
        .from(invoiceLines)
        .where(eq(invoiceLines.invoiceId, id))
        .orderBy(asc(invoiceLines.position));
    expect(await lines(converted!.id)).toEqual(await lines(proforma.id));
    // The money received sits on the tax document: both payments and their ledger rows.
    const moved = await db().select({ invoiceId: payments.invoiceId }).from(payments).where(eq(payments.customerId, customer.id));
    expect(moved).toEqual([{ invoiceId: converted!.id }, { invoiceId: converted!.id }]);
    const ledger = await db()
      .select({ invoiceId: ledgerTransactions.invoiceId })
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.customerId, customer.id));
    expect(ledger.map((l) => l.invoiceId)).toEqual([converted!.id, converted!.id]);
    // The part payment's receipt names the proforma; the one that paid it, the invoice it became.
    const receipts = await db()
      .select({ data: workflowEvents.data })
      .from(workflowEvents)
      .where(eq(workflowEvents.name, 'payment/received'))
      .orderBy(asc(workflowEvents.createdAt));
    expect(receipts.map((r) => r.data.invoiceId)).toEqual([proforma.id, converted!.id]);
  });

  it('convert exactly once when payments race for the whole balance', async () => {
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const proforma = await issue(customer.id, 'proforma', '2031-03-01');
    const settled = await Promise.allSettled([
      ...Array.from({ length: 4 }, () => markInvoicePaid(at('2031-03-02T10:00:00Z'), { id: proforma.id, method: 'bank_transfer' })),
      ...Array.from({ length: 4 }, () => recordPayment(at('2031-03-02T10:00:00Z'), { invoiceId: proforma.id, amount: 14_000n, method: 'cash' })),
    ]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const converted = await convertedFrom(proforma.id);
    expect(converted).toHaveLength(1);
    expect(await row(proforma.id)).toMatchObject({ status: 'paid', amountPaid: 14_000n, convertedInvoiceId: converted[0]!.id });
    expect(await db().select().from(payments).where(eq(payments.customerId, customer.id))).toHaveLength(1);
  });

  it('count in no revenue, tax or aging figure: the invoice a paid one becomes counts once, and the rollups agree with a rebuild', async () => {
    const customer = await givenCustomer(db(), { currency: 'SEK' });
    const open = await issue(customer.id, 'proforma', '2032-04-01', { currency: 'SEK' });
    const paid = await issue(customer.id, 'proforma', '2032-04-01', { currency: 'SEK' });
    await recordPayment(at('2032-04-05T10:00:00Z'), { invoiceId: paid.id, amount: 14_000n, method: 'card' });
    const admin = at('2032-06-30T00:00:00Z');

    const revenue = await revenueReport(admin, { from: '2032-04-01', to: '2032-04-30', interval: 'day', currency: 'SEK' });
    expect(revenue.rows.filter((r) => r.invoiced !== 0n || r.collected !== 0n)).toEqual([
      { period: '2032-04-05', invoiced: 14_000n, collected: 14_000n, refunded: 0n, net: 14_000n },
    ]);
    const tax = await taxReport(admin, { from: '2032-04-01', to: '2032-04-30', currency: 'SEK' });
    expect(tax.rows.map((r) => [r.taxRate, r.taxable, r.tax])).toEqual([
      ['0', 2_000n, 0n],
      ['20', 10_000n, 2_000n],
    ]);
    const aging = await agingReport(admin, { currency: 'SEK' });
    expect(aging.rows.find((r) => r.customerId === customer.id)).toBeUndefined();
    expect(open.status).toBe('pending');

    const rollups = async () => ({
      revenue: await db()
        .select({
          day: revenueRollup.day,
          invoiced: sql<string>`sum(${revenueRollup.invoiced})::text`,
          collected: sql<string>`sum(${revenueRollup.collected})::text`,
        })
        .from(revenueRollup)
        .where(eq(revenueRollup.currency, 'SEK'))
        .groupBy(revenueRollup.day)
        .orderBy(asc(revenueRollup.day)),
      tax: await db()
        .select({ day: taxRollup.day, rate: sql<string>`${taxRollup.taxRate}::text`, tax: sql<string>`sum(${taxRollup.tax})::text` })
        .from(taxRollup)
        .where(eq(taxRollup.currency, 'SEK'))
        .groupBy(taxRollup.day, taxRollup.taxRate)
        .having(sql`sum(${taxRollup.taxable}) <> 0 or sum(${taxRollup.tax}) <> 0`)
        .orderBy(asc(taxRollup.day), asc(taxRollup.taxRate)),
    });
    const maintained = await rollups();
    expect(maintained.revenue).toEqual([{ day: '2032-04-05', invoiced: '14000', collected: '14000' }]);
    await db().execute(sql`select rebuild_report_rollups()`);
    expect(await rollups()).toEqual(maintained);
  });

  it('are an order’s first document when it is placed with document: proforma, and paying it bills the invoice', async () => {
    const product = await givenProduct(db(), { monthly: 2_500 });
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const order = await placeOrder(
      at('2031-05-01T09:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, document: 'proforma', items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    const first = await row(order.invoiceId!);
    expect(first).toMatchObject({ kind: 'proforma', purpose: 'first', orderId: order.id });
    expect(first.number).toMatch(/^PF-2031-\d{5}$/);
    await markInvoicePaid(at('2031-05-02T09:00:00Z'), { id: first.id });
    const [converted] = await convertedFrom(first.id);
    expect(converted).toMatchObject({ kind: 'invoice', status: 'paid', orderId: order.id, total: first.total });
    const orderDocuments = await db().select({ kind: invoices.kind }).from(invoices).where(eq(invoices.orderId, order.id)).orderBy(asc(invoices.createdAt));
    expect(orderDocuments).toEqual([{ kind: 'proforma' }, { kind: 'invoice' }]);
  });

  it('are every new order’s first document when the billing settings say so, unless the order names its own', async () => {
    const product = await givenProduct(db(), { monthly: 2_500 });
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const admin = at('2031-06-01T09:00:00Z');
    const place = async (document?: 'invoice') =>
      row(
        (
          await placeOrder(
            admin,
            camelized(placeOrderInput).parse({ customer_id: customer.id, document, items: [{ product_id: product.id, cycle: 'monthly' }] }),
          )
        ).invoiceId!,
      );
    await updateBillingSettings(admin, { first_document: 'proforma' });
    try {
      expect(await place()).toMatchObject({ kind: 'proforma', number: expect.stringMatching(/^PF-/) });
      expect(await place('invoice')).toMatchObject({ kind: 'invoice', number: expect.stringMatching(/^INV-/) });
    } finally {
      await updateBillingSettings(admin, { first_document: 'invoice' });
    }
    expect(await place()).toMatchObject({ kind: 'invoice' });
  });

  it('are created through POST /api/v1/invoices with kind: proforma', async () => {
    const key = await givenApiKey(db(), 'admin');
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const response = await createRoute(
      apiRequest('/api/v1/invoices', {
        method: 'POST',
        key,
        body: { customer_id: customer.id, kind: 'proforma', items: [{ description: 'Setup', quantity: 1, unit_price: 5_000, tax_rate: '0' }] },
      }),
      params(),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ kind: 'proforma', status: 'pending', proforma_id: null, converted_invoice_id: null });
  });
});

describe('internal notes', () => {
  it('are the desk’s: read and edited by staff on any document, never in what the customer reads', async () => {
    const key = await givenApiKey(db(), 'admin');
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const invoice = await createInvoice(at('2031-06-01T09:00:00Z'), {
      customerId: customer.id,
      status: 'pending',
      notes: 'Thank you for your business',
      internalNotes: 'desk-only: customer disputes the hours',
      items: [line(1_000n, 0n)],
    });
    await markInvoicePaid(at('2031-06-02T09:00:00Z'), { id: invoice.id });

    // A paid invoice is locked, but its internal notes stay the desk's to change.
    const patched = await patchRoute(
      apiRequest(`/api/v1/invoices/${invoice.id}`, { method: 'PATCH', key, body: { internal_notes: 'desk-only: settled by phone' } }),
      params({ id: invoice.id }),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ status: 'paid', notes: 'Thank you for your business', internal_notes: 'desk-only: settled by phone' });
    const locked = await patchRoute(
      apiRequest(`/api/v1/invoices/${invoice.id}`, { method: 'PATCH', key, body: { internal_notes: 'x', notes: 'y' } }),
      params({ id: invoice.id }),
    );
    expect(locked.status).toBe(409);
    const staff = await (await getRoute(apiRequest(`/api/v1/invoices/${invoice.id}`, { key }), params({ id: invoice.id }))).json();
    expect(staff.internal_notes).toBe('desk-only: settled by phone');

    const client = ctxOf(
      db(),
      userActor({ id: crypto.randomUUID(), email: customer.email, role: 'client', permissions: [], customerId: customer.id }),
      new Date('2031-06-03T09:00:00Z'),
    );
    const seen = await getInvoice(client, { id: invoice.id });
    expect(seen).toMatchObject({ notes: 'Thank you for your business', internalNotes: null });
    const portal = await customerInvoice(client, { id: invoice.id, origin: 'http://localhost' });
    expect(JSON.stringify(portal, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('desk-only');
    expect(portal.document.notes).toBe('Thank you for your business');
  });
});

describe('documents made from the order page', () => {
  const orderOfTwo = async () => {
    const product = await givenProduct(db(), { monthly: 3_000, name: 'Managed VPS' });
    const customer = await givenCustomer(db(), { currency: 'USD' });
    return placeOrder(
      at('2031-07-01T09:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly', quantity: 2 }] }),
    );
  };

  it('are drafts of the order’s lines, listed with the order, that bill no service period', async () => {
    const key = await givenApiKey(db(), 'admin');
    const order = await orderOfTwo();
    // Paid: there is no unpaid first invoice for a proforma to replace.
    await markInvoicePaid(at('2031-07-02T09:00:00Z'), { id: order.invoiceId! });
    const response = await orderDocumentRoute(
      apiRequest(`/api/v1/orders/${order.id}/documents`, { method: 'POST', key, body: { kind: 'proforma' } }),
      params({ id: order.id }),
    );
    expect(response.status).toBe(201);
    const proforma = await response.json();
    expect(proforma).toMatchObject({ kind: 'proforma', status: 'draft', number: null, order_id: order.id, currency: 'USD', subtotal: 6_000 });
    expect(proforma.items).toMatchObject([{ quantity: '2', unit_price: 3_000, period_start: null }]);
    const [line] = await db().select({ serviceId: invoiceLines.serviceId }).from(invoiceLines).where(eq(invoiceLines.invoiceId, proforma.id));
    expect(line).toEqual({ serviceId: null });
    const refused = await orderDocumentRoute(
      apiRequest(`/api/v1/orders/${order.id}/documents`, { method: 'POST', key, body: { kind: 'credit_note' } }),
      params({ id: order.id }),
    );
    expect(refused.status).toBe(400);
  });

  it('replace an unpaid first invoice with a proforma, so paying it activates the order once and bills nothing twice', async () => {
    const order = await orderOfTwo();
    const first = await row(order.invoiceId!);
    const proforma = await createOrderDocument(at('2031-07-03T09:00:00Z'), { id: order.id, kind: 'proforma' });
    expect(proforma).toMatchObject({
      kind: 'proforma',
      status: 'pending',
      number: expect.stringMatching(/^PF-2031-/),
      total: first.total,
      dueDate: first.dueDate,
    });
    expect(await row(first.id)).toMatchObject({ status: 'cancelled', consolidatedIntoId: proforma.id });
    // Nothing left to replace: a second proforma is a draft of the lines, as for a paid order.
    expect(await createOrderDocument(at('2031-07-03T10:00:00Z'), { id: order.id, kind: 'proforma' })).toMatchObject({ status: 'draft' });

    await recordPayment(at('2031-07-04T09:00:00Z'), { invoiceId: proforma.id, amount: first.total, method: 'bank_transfer' });
    const [converted] = await convertedFrom(proforma.id);
    expect(converted).toMatchObject({ kind: 'invoice', status: 'paid', total: first.total });
    const activations = await db()
      .select({ id: workflowEvents.id })
      .from(workflowEvents)
      .where(and(eq(workflowEvents.name, 'order/paid'), sql`${workflowEvents.data}->>'orderId' = ${order.id}`));
    expect(activations).toHaveLength(1);
    // The customer owes nothing more: no open document is left for the order.
    const open = await db()
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.orderId, order.id), inArray(invoices.status, ['pending', 'partial', 'overdue'])));
    expect(open).toEqual([]);
  });
});
