import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { customers, invoiceLines, invoices, orders, services, workflowEvents } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput, updateOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { addCustomerContact } from '@/server/services/customers/add-contact';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { sendInvoice } from '@/server/services/invoices/send';
import { activateContractOrder, deactivateContractOrder } from '@/server/services/orders/activate-contract';
import { placeOrder } from '@/server/services/orders/place';
import { updateOrder } from '@/server/services/orders/update';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(iso.length === 10 ? `${iso}T08:00:00Z` : iso));
const run = (date: string) => runBilling(at(date), { date });

type Fields = Partial<z.input<typeof placeOrderInput>>;

/** A contract order of one monthly line (1,000 per seat) placed on `placedOn`. */
async function givenContract(placedOn: string, fields: Fields) {
  const customer = await givenCustomer(db());
  const product = await givenProduct(db(), { monthly: 1000 });
  return placeOrder(
    at(placedOn),
    camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }], ...fields }),
  );
}

const invoicesOf = (orderId: string) => db().select().from(invoices).where(eq(invoices.orderId, orderId)).orderBy(asc(invoices.issueDate));
const linesOf = (invoiceId: string) => db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
const statusOf = async (orderId: string) => (await db().select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]!.status;

describe('contract orders: placement, drafts and edits', () => {
  it('a draft bills nothing and creates no services; it is edited, then activated with seats and a custom price', async () => {
    const draft = await givenContract('2029-01-05', { draft: true, name: 'Acme — Support Agent Annual', billing_day: 1, due_days: 30 });
    expect(draft).toMatchObject({ status: 'draft', contract: true, invoiceId: null, services: [], billingDay: 1, dueDays: 30, startDate: '2029-01-05' });
    expect(await run('2029-02-01')).toMatchObject({ date: '2029-02-01' });
    expect(await invoicesOf(draft.id)).toEqual([]);

    const product = await givenProduct(db(), { monthly: 2000 });
    const edited = await updateOrder(at('2029-02-02'), {
      id: draft.id,
      ...camelized(updateOrderInput).parse({ items: [{ product_id: product.id, cycle: 'monthly', quantity: 3, price: 1500 }], start_date: '2029-03-01' }),
    });
    expect(edited.lines.map((l) => [l.quantity, l.unitPrice])).toEqual([['3.000', 1500n]]);
    expect(edited.startDate).toBe('2029-03-01');

    const active = await activateContractOrder(at('2029-02-10'), { id: draft.id });
    expect(active.status).toBe('active');
    expect(active.services).toMatchObject([{ status: 'active', quantity: 3, price: 4500n, nextDueDate: '2029-03-01' }]);
    await expect(updateOrder(at('2029-02-11'), { id: draft.id, name: 'Late' })).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(activateContractOrder(at('2029-02-11'), { id: draft.id })).rejects.toMatchObject({ code: 'invalid_state' });

    await run('2029-03-01');
    const [invoice] = await invoicesOf(draft.id);
    expect(invoice).toMatchObject({ issueDate: '2029-03-01', dueDate: '2029-03-31', orderName: 'Acme — Support Agent Annual', notes: null, status: 'pending' });
    expect((await linesOf(invoice!.id)).map((l) => [l.quantity, l.unitPrice, l.subtotal, l.periodStart, l.periodEnd])).toEqual([
      ['3.000', 1500n, 4500n, '2029-03-01', '2029-04-01'],
    ]);
    // Marked paid, the invoice moves its service's paid-up period, as a renewal does.
    await markInvoicePaid(at('2029-03-02'), { id: invoice!.id });
    const [service] = await db().select().from(services).where(eq(services.orderId, draft.id));
    expect(service).toMatchObject({ periodStart: '2029-03-01', periodEnd: '2029-04-01', nextDueDate: '2029-04-01', status: 'active' });
  });

  it('a contract order without draft is active at once and gets no first invoice; store orders keep theirs', async () => {
    const contract = await givenContract('2029-05-03', { billing_day: 10 });
    expect(contract).toMatchObject({ status: 'active', contract: true, invoiceId: null, startDate: '2029-05-03', dueDays: 30 });
    expect(contract.services).toMatchObject([{ status: 'active', nextDueDate: '2029-05-10' }]);
    const store = await givenContract('2029-05-03', {});
    expect(store).toMatchObject({ status: 'pending', contract: false, invoiceId: expect.any(String) });
  });

  it('refuses a client’s own contract order or custom price (it would go live unpaid)', async () => {
    const customer = await givenCustomer(db());
    const product = await givenProduct(db(), { monthly: 1000 });
    const client = await givenUser(db(), 'client', { customerId: customer.id });
    const place = (fields: Fields, price?: number) =>
      placeOrder(
        ctxOf(db(), client.actor, new Date('2029-05-03T08:00:00Z')),
        camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly', price }], ...fields }),
      );
    await expect(place({ billing_day: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(place({}, 1)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(place({})).resolves.toMatchObject({ status: 'pending', contract: false });
  });

  it('refuses an end date before the start date and a coupon', async () => {
    await expect(givenContract('2029-05-03', { start_date: '2029-06-01', end_date: '2029-05-01' })).rejects.toMatchObject({
      code: 'validation',
      fields: { end_date: 'must be on or after start_date' },
    });
  });
});

describe('contract orders: the billing run', () => {
  it('bills on billing day 31 at February’s end (28th, 29th in a leap year) and day 30 in April; a rerun adds nothing', async () => {
    const feb = await givenContract('2030-02-01', { billing_day: 31, start_date: '2030-02-10' });
    const leap = await givenContract('2030-02-01', { billing_day: 31, start_date: '2032-02-10' });
    const april = await givenContract('2030-02-01', { billing_day: 30, start_date: '2030-04-01' });
    await run('2030-02-27');
    expect(await invoicesOf(feb.id)).toEqual([]);
    await run('2030-02-28');
    const again = await run('2030-02-28');
    expect(again).toMatchObject({ invoicesCreated: 0, servicesBilled: 0 });
    await run('2030-03-31');
    await run('2030-04-30');
    await run('2030-05-29');
    const febInvoices = await invoicesOf(feb.id);
    expect(febInvoices.map((i) => [i.issueDate, i.dueDate])).toEqual([
      ['2030-02-28', '2030-03-30'],
      ['2030-03-31', '2030-04-30'],
      ['2030-04-30', '2030-05-30'],
    ]);
    expect((await linesOf(febInvoices[0]!.id)).map((l) => [l.periodStart, l.periodEnd])).toEqual([['2030-02-28', '2030-03-31']]);
    expect((await invoicesOf(april.id)).map((i) => i.issueDate)).toEqual(['2030-04-30']);
    expect((await linesOf((await invoicesOf(april.id))[0]!.id)).map((l) => [l.periodStart, l.periodEnd])).toEqual([['2030-04-30', '2030-05-30']]);
    expect(await invoicesOf(leap.id)).toEqual([]);
    await run('2032-02-29');
    expect((await invoicesOf(leap.id)).map((i) => i.issueDate)).toEqual(['2032-02-29']);
  });

  it('starts mid-month at the next billing day and is not billed ahead by the renewal window', async () => {
    const order = await givenContract('2033-06-15', { billing_day: 1 });
    expect(order.startDate).toBe('2033-06-15');
    await run('2033-06-28');
    expect(await invoicesOf(order.id)).toEqual([]);
    await run('2033-07-01');
    expect((await invoicesOf(order.id)).map((i) => [i.issueDate, i.total])).toEqual([['2033-07-01', expect.any(BigInt)]]);
  });

  it('bills no period starting after the end date and completes the order after its last period', async () => {
    const order = await givenContract('2034-01-01', { billing_day: 1, start_date: '2034-01-01', end_date: '2034-03-20' });
    for (const date of ['2034-01-01', '2034-02-01', '2034-03-01']) await run(date);
    expect(await statusOf(order.id)).toBe('active');
    await run('2034-04-01');
    await run('2034-05-01');
    expect((await invoicesOf(order.id)).map((i) => i.issueDate)).toEqual(['2034-01-01', '2034-02-01', '2034-03-01']);
    expect(await statusOf(order.id)).toBe('completed');
  });

  it('still bills a period starting on the end date, then completes', async () => {
    const order = await givenContract('2038-01-01', { billing_day: 1, start_date: '2038-01-01', end_date: '2038-03-01' });
    for (const date of ['2038-01-01', '2038-02-01', '2038-03-01']) await run(date);
    expect(await statusOf(order.id)).toBe('active');
    await run('2038-03-02');
    await run('2038-04-01');
    expect((await invoicesOf(order.id)).map((i) => i.issueDate)).toEqual(['2038-01-01', '2038-02-01', '2038-03-01']);
    expect(await statusOf(order.id)).toBe('completed');
  });

  it('activates a draft once when two activations race: one set of services', async () => {
    const draft = await givenContract('2039-01-01', { draft: true, billing_day: 1 });
    const tries = await Promise.allSettled([1, 2].map(() => activateContractOrder(at('2039-01-02'), { id: draft.id })));
    expect(tries.map((t) => t.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db().select().from(services).where(eq(services.orderId, draft.id))).toHaveLength(1);
  });

  it('skips the month it was paused and bills no double on resume', async () => {
    const order = await givenContract('2035-01-01', { billing_day: 1, start_date: '2035-01-01' });
    await run('2035-01-01');
    expect((await deactivateContractOrder(at('2035-01-15'), { id: order.id })).status).toBe('paused');
    await expect(deactivateContractOrder(at('2035-01-16'), { id: order.id })).rejects.toMatchObject({ code: 'invalid_state' });
    await run('2035-02-01');
    expect((await invoicesOf(order.id)).map((i) => i.issueDate)).toEqual(['2035-01-01']);
    expect((await activateContractOrder(at('2035-02-20'), { id: order.id })).status).toBe('active');
    await run('2035-02-21');
    await run('2035-03-01');
    await run('2035-03-01');
    const billed = await invoicesOf(order.id);
    expect(billed.map((i) => i.issueDate)).toEqual(['2035-01-01', '2035-03-01']);
    const [, march] = billed;
    expect((await linesOf(march!.id)).map((l) => l.periodStart)).toEqual(['2035-03-01']);
    const [service] = await db().select().from(services).where(eq(services.orderId, order.id));
    expect(service!.status).toBe('active');
  });

  it('names the billing contact as the customer keeps it, or the customer for an address it does not keep', async () => {
    const customer = await givenCustomer(db());
    const product = await givenProduct(db(), { monthly: 1000 });
    await addCustomerContact(at('2036-01-01'), { customerId: customer.id, name: 'Accounts Payable', email: 'ap@acme.test' });
    const place = (contact_email: string) =>
      placeOrder(
        at('2036-01-01'),
        camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }], contact_email }),
      );
    expect((await place('AP@acme.test')).contact).toEqual({ name: 'Accounts Payable', email: 'ap@acme.test' });
    expect((await place('someone@acme.test')).contact).toEqual({ name: customer.name, email: 'someone@acme.test' });
  });

  it('dates the invoice on the billing day, due after due days (0 and 45), and announces it per e-mail mode', async () => {
    const now = await givenContract('2036-01-01', { billing_day: 5, due_days: 0, email_mode: 'invoice_with_payment_link', contact_email: 'ap@acme.test' });
    const later = await givenContract('2036-01-01', { billing_day: 5, due_days: 45, email_mode: 'off' });
    expect(now).toMatchObject({ autoEmail: 'invoice_and_link', contact: { email: 'ap@acme.test' } });
    // A run that catches up later still dates the invoice on the billing day.
    await run('2036-01-07');
    const [first] = await invoicesOf(now.id);
    const [second] = await invoicesOf(later.id);
    expect([first!.issueDate, first!.dueDate]).toEqual(['2036-01-05', '2036-01-05']);
    expect([second!.issueDate, second!.dueDate]).toEqual(['2036-01-05', '2036-02-19']);
    const announced = await db()
      .select({ eventId: workflowEvents.eventId })
      .from(workflowEvents)
      .where(and(eq(workflowEvents.name, 'invoice/created')));
    const ids = announced.map((e) => e.eventId);
    expect(ids).toContain(`invoice-created:${first!.id}`);
    expect(ids).not.toContain(`invoice-created:${second!.id}`);
    // The mail goes to the order's billing contact, else to the customer.
    const origin = 'https://billing.example.test';
    expect((await sendInvoice(at('2036-01-07'), { id: first!.id, channel: 'email', origin })).recipient).toBe('ap@acme.test');
    const [customer] = await db().select({ email: customers.email }).from(customers).where(eq(customers.id, later.customerId));
    expect((await sendInvoice(at('2036-01-07'), { id: second!.id, channel: 'email', origin })).recipient).toBe(customer!.email);
  });

  it('creates nothing twice when four runs for the same date race', async () => {
    const made = await Promise.all([1, 2, 3].map(() => givenContract('2037-01-01', { billing_day: 1, start_date: '2037-02-01' })));
    const runs = await Promise.all(Array.from({ length: 4 }, () => run('2037-02-01')));
    expect(runs.filter((r) => r.invoicesCreated > 0)).toHaveLength(1);
    for (const order of made) expect(await invoicesOf(order.id)).toHaveLength(1);
  });
});
