import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, invoices } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { editOrderPriceInput, placeOrderInput } from '@/server/schemas/orders';
import { creditBalance } from '@/server/services/credit/balance';
import { getInvoice } from '@/server/services/invoices/get';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { addNote, deleteNote, editNote, listNotes } from '@/server/services/notes/manage-notes';
import { addOrderLabel, changeOrderPaymentMethod, orderPaymentMethodChoices, removeOrderLabel } from '@/server/services/orders/edit-details';
import { editOrderPrice } from '@/server/services/orders/edit-price';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const ctx = () => ctxOf(db(), systemActor());

async function givenOrder(options: { quantity?: number } = {}) {
  const product = await givenProduct(db(), { monthly: 1000 });
  const customer = await givenCustomer(db());
  const order = await placeOrder(
    ctx(),
    camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly', quantity: options.quantity ?? 1 }] }),
  );
  return { order, customer, line: order.lines[0]! };
}

const actions = async (orderId: string) =>
  (
    await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, orderId)))
  ).map((r) => r.action);

describe('editing an order’s price', () => {
  it('edits a price while the first invoice is being paid: both go through, and the money adds up', async () => {
    for (let round = 0; round < 6; round++) {
      const { order, line } = await givenOrder();
      const [paid, edited] = await Promise.allSettled([
        markInvoicePaid(ctx(), { id: order.invoiceId! }),
        editOrderPrice(ctx(), camelized(editOrderPriceInput).parse({ id: order.id, line_id: line.id, unit_price: 1500, reason: 'Raised while paying' })),
      ]);
      expect([paid.status, edited.status]).toEqual(['fulfilled', 'fulfilled']);
      const first = await getInvoice(ctx(), { id: order.invoiceId! });
      expect(first.status).toBe('paid');
      // Edited before the payment: the invoice itself says 15.00. After: it stays 10.00 and a
      // debit note bills the 5.00 rise.
      const rise =
        edited.status === 'fulfilled' && edited.value.document === 'debit_note' ? (await getInvoice(ctx(), { id: edited.value.invoiceId })).total : 0n;
      expect(first.total + rise).toBe(1500n);
    }
  });

  it('edits the unpaid first invoice in place: same number, the service keeps its billed period', async () => {
    const { order, line } = await givenOrder({ quantity: 2 });
    const before = await getInvoice(ctx(), { id: order.invoiceId! });
    const edit = await editOrderPrice(
      ctx(),
      camelized(editOrderPriceInput).parse({ id: order.id, line_id: line.id, unit_price: 1500, reason: 'Agreed discount removed' }),
    );

    expect(edit.document).toBe('invoice_edited');
    const after = await getInvoice(ctx(), { id: order.invoiceId! });
    expect(after.number).toBe(before.number);
    expect(after.total).toBe(3000n);
    expect(after.lines[0]).toMatchObject({ unitPrice: 1500n, total: 3000n, serviceId: order.services[0]!.id, periodStart: before.lines[0]!.periodStart });
    expect(edit.order.total).toBe(3000n);
    expect(edit.order.lines[0]!.unitPrice).toBe(1500n);
    expect(edit.order.services[0]!.price).toBe(3000n);
    expect(await actions(order.id)).toContain('order.price_edited');
  });

  it('bills a rise on a paid order with a debit note, and credits a cut with a credit note', async () => {
    const { order, customer, line } = await givenOrder();
    await markInvoicePaid(ctx(), { id: order.invoiceId!, method: 'bank_transfer' });

    const up = await editOrderPrice(
      ctx(),
      camelized(editOrderPriceInput).parse({ id: order.id, line_id: line.id, unit_price: 1250, reason: 'Upgraded support' }),
    );
    expect(up.document).toBe('debit_note');
    const debit = await getInvoice(ctx(), { id: up.invoiceId });
    expect(debit).toMatchObject({ kind: 'debit_note', total: 250n, status: 'pending', correctsInvoiceId: order.invoiceId });
    expect(up.order.total).toBe(1250n);

    const down = await editOrderPrice(ctx(), camelized(editOrderPriceInput).parse({ id: order.id, line_id: line.id, unit_price: 800, reason: 'Loyalty' }));
    expect(down.document).toBe('credit_note');
    const credit = await getInvoice(ctx(), { id: down.invoiceId });
    expect(credit).toMatchObject({ kind: 'credit_note', total: 450n });
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(450n);
    expect(down.order.services[0]!.price).toBe(800n);
    // The paid invoice itself never changes.
    expect((await getInvoice(ctx(), { id: order.invoiceId! })).total).toBe(1000n);
  });

  it('refuses an unchanged price or a line of another order, and changes nothing', async () => {
    const { order, line } = await givenOrder();
    const other = await givenOrder();
    await expect(
      editOrderPrice(ctx(), camelized(editOrderPriceInput).parse({ id: order.id, line_id: line.id, unit_price: 1000, reason: 'x' })),
    ).rejects.toMatchObject({
      fields: { unit_price: 'is already the price' },
    });
    await expect(
      editOrderPrice(ctx(), camelized(editOrderPriceInput).parse({ id: order.id, line_id: other.line.id, unit_price: 5, reason: 'x' })),
    ).rejects.toMatchObject({
      fields: { line_id: 'is not a line of this order' },
    });
    const [invoice] = await db().select({ total: invoices.total }).from(invoices).where(eq(invoices.id, order.invoiceId!));
    expect(invoice!.total).toBe(1000n);
    expect(await actions(order.id)).toEqual(['order.placed']);
  });
});

describe('the order desk', () => {
  it('changes the payment method and labels the order, each step audited', async () => {
    const { order } = await givenOrder();
    expect((await changeOrderPaymentMethod(ctx(), { id: order.id, paymentMethod: 'cash' })).paymentMethod).toBe('cash');
    await addOrderLabel(ctx(), { id: order.id, label: 'VIP' });
    const twice = await addOrderLabel(ctx(), { id: order.id, label: 'VIP' });
    expect(twice.labels).toEqual(['VIP']);
    await addOrderLabel(ctx(), { id: order.id, label: 'Migrating' });
    expect((await removeOrderLabel(ctx(), { id: order.id, label: 'VIP' })).labels).toEqual(['Migrating']);
    expect(await actions(order.id)).toEqual(['order.placed', 'order.payment_method_changed', 'order.label_added', 'order.label_added', 'order.label_removed']);
  });

  it('offers and accepts only the gateways that are set up, beside the desk’s manual methods', async () => {
    const { order } = await givenOrder();
    const manual = ['bank_transfer', 'cash', 'card', 'prepaid_card', 'collector', 'online', 'credit'];
    expect(await orderPaymentMethodChoices(ctx())).toEqual(manual);
    const refused = await changeOrderPaymentMethod(ctx(), { id: order.id, paymentMethod: 'stripe' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'validation', fields: { payment_method: `must be one of ${manual.join(', ')}` } });
    expect(await actions(order.id)).toEqual(['order.placed']);

    process.env.STRIPE_SECRET_KEY = 'sk_test_desk';
    process.env.STRIPE_WEBHOOK_SECRET = 'whsec_desk';
    try {
      expect(await orderPaymentMethodChoices(ctx())).toEqual(['stripe', ...manual]);
      expect((await changeOrderPaymentMethod(ctx(), { id: order.id, paymentMethod: 'stripe' })).paymentMethod).toBe('stripe');
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_WEBHOOK_SECRET;
    }
  });

  it('keeps order notes on the order and shows the customer’s notes beside them', async () => {
    const { order, customer } = await givenOrder();
    const staff = await givenUser(db(), 'staff', { permissions: ['orders.view', 'orders.edit', 'customers.view'] });
    const desk = ctxOf(db(), staff.actor);
    const note = await addNote(desk, { scope: 'order', id: order.id, body: 'Customer asked for a call on Monday' });
    expect(note.author).toBe(staff.actor.label);
    await addNote(ctx(), { scope: 'customer', id: customer.id, body: 'Pays late but always pays' });

    const seen = await listNotes(desk, { scope: 'order', id: order.id });
    expect(seen.own.map((n) => n.body)).toEqual(['Customer asked for a call on Monday']);
    expect(seen.customer.map((n) => n.body)).toEqual(['Pays late but always pays']);

    await editNote(desk, { noteId: note.id, body: 'Call on Tuesday instead' });
    expect((await listNotes(desk, { scope: 'order', id: order.id })).own[0]!.body).toBe('Call on Tuesday instead');
    // Customer notes need customers.edit, which this staff member lacks.
    const customerNote = seen.customer[0]!;
    await expect(editNote(desk, { noteId: customerNote.id, body: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await deleteNote(desk, { noteId: note.id });
    expect((await listNotes(desk, { scope: 'order', id: order.id })).own).toEqual([]);
    expect(await actions(order.id)).toEqual(['order.placed', 'note.added', 'note.edited', 'note.deleted']);
  });

  it('never shows notes to the customer, and lets no one without orders.edit add them', async () => {
    const { order, customer } = await givenOrder();
    const client = await givenUser(db(), 'client', { customerId: customer.id });
    await expect(listNotes(ctxOf(db(), client.actor), { scope: 'order', id: order.id })).rejects.toMatchObject({ code: 'not_found' });
    const reseller = await givenUser(db(), 'reseller');
    await expect(addNote(ctxOf(db(), reseller.actor), { scope: 'order', id: order.id, body: 'hi' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
