import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PATCH as patch } from '@/app/api/v1/invoices/[id]/route';
import { invoiceLines, invoices, services } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { updateInvoiceInput } from '@/server/schemas/invoices';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { updateInvoice } from '@/server/services/invoices/update';
import { placeOrder } from '@/server/services/orders/place';
import { updateBillingSettings } from '@/server/services/settings/billing';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

// Editing a billed invoice's lines must keep what they bill: settlement extends a service by the
// lines' service_id and period, and the unique (service, period start) key guards the schedule.

const { db } = withTestDatabase();
const at = (date: string) => ctxOf(db(), systemActor(), new Date(`${date}T08:00:00Z`));
const edit = (date: string, id: string, body: Record<string, unknown>) => updateInvoice(at(date), { id, ...camelized(updateInvoiceInput).parse(body) });
const linesOf = (invoiceId: string) => db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
const serviceRow = async (id: string) => (await db().select().from(services).where(eq(services.id, id)))[0]!;

beforeAll(async () => {
  await updateBillingSettings(at('2036-01-01'), { tax_rate: '0', tax_mode: 'exclusive' });
});

afterEach(() => {
  vi.setSystemTime(testNow);
});

/** A contract of 2 seats × 1,000 billed on the 1st from `start`, and the invoice the run made for its first month. */
async function givenRenewal(start: string) {
  const customer = await givenCustomer(db());
  const product = await givenProduct(db(), { monthly: 1000 });
  const order = await placeOrder(
    at(start),
    camelized(placeOrderInput).parse({
      customer_id: customer.id,
      billing_day: 1,
      start_date: start,
      items: [{ product_id: product.id, cycle: 'monthly', quantity: 2 }],
    }),
  );
  await runBilling(at(start), { date: start });
  const [invoice] = await db().select().from(invoices).where(eq(invoices.orderId, order.id));
  const [line] = await linesOf(invoice!.id);
  return { invoice: invoice!, line: line!, service: order.services[0]! };
}

describe('an edit keeps the lines it names', () => {
  it('a renewal edited by line id keeps its service and period in place; paid, it extends the service', async () => {
    const { invoice, line, service } = await givenRenewal('2036-03-01');
    expect(line).toMatchObject({ serviceId: service.id, periodStart: '2036-03-01', periodEnd: '2036-04-01' });
    const before = await serviceRow(service.id);
    expect(before.nextDueDate).not.toBe('2036-04-01');

    const edited = await edit('2036-03-02', invoice.id, {
      items: [
        { id: line.id, description: 'Hosting, March (goodwill price)', quantity: 2, unit_price: 900 },
        { description: 'Migration help', quantity: 1, unit_price: 500 },
      ],
    });
    expect(edited.total).toBe(2300n);
    const [kept, added] = await linesOf(invoice.id);
    // The same row, updated: its id, service, period and code stay.
    expect(kept).toEqual({ ...line, description: 'Hosting, March (goodwill price)', unitPrice: 900n, subtotal: 1800n, tax: 0n, total: 1800n });
    expect(added).toMatchObject({ position: 1, serviceId: null, periodStart: null, periodEnd: null });

    await markInvoicePaid(at('2036-03-05'), { id: invoice.id });
    expect(await serviceRow(service.id)).toMatchObject({ periodStart: '2036-03-01', periodEnd: '2036-04-01', nextDueDate: '2036-04-01' });
  });

  it('a line billing a service cannot be dropped (409), nor its period cleared (400); nothing is written', async () => {
    const { invoice, line } = await givenRenewal('2036-05-01');
    await expect(edit('2036-05-02', invoice.id, { items: [{ description: 'Something else', quantity: 1, unit_price: 100 }] })).rejects.toMatchObject({
      code: 'conflict',
      fields: { items: expect.stringContaining('must keep the line') },
    });
    await expect(
      edit('2036-05-02', invoice.id, {
        items: [{ id: line.id, description: line.description, quantity: 2, unit_price: 1000, period_start: null, period_end: null }],
      }),
    ).rejects.toMatchObject({ code: 'validation', fields: { 'items.0.period_start': 'is required on a line that bills a service' } });
    await expect(
      edit('2036-05-02', invoice.id, {
        items: [
          { id: line.id, description: 'a', quantity: 1, unit_price: 1 },
          { id: line.id, description: 'b', quantity: 1, unit_price: 1 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'validation', fields: { 'items.1.id': 'is the same line as items.0.id' } });
    expect(await linesOf(invoice.id)).toEqual([line]);
  });

  it('moving a kept line onto a period its service already has invoiced is a 409', async () => {
    const { invoice, line, service } = await givenRenewal('2036-06-01');
    await runBilling(at('2036-07-01'), { date: '2036-07-01' });
    await expect(
      edit('2036-07-02', invoice.id, {
        items: [{ id: line.id, description: line.description, quantity: 2, unit_price: 1000, period_start: '2036-07-01', period_end: '2036-07-31' }],
      }),
    ).rejects.toMatchObject({ code: 'conflict', fields: { items: expect.any(String) } });
    expect(await linesOf(invoice.id)).toEqual([line]);
    expect(line.serviceId).toBe(service.id);
  });

  it('a manual invoice edited without ids is replaced as before', async () => {
    const invoice = await givenInvoice(db());
    const edited = await edit('2036-01-02', invoice.id, { items: [{ description: 'Other', quantity: 3, unit_price: 100, tax_rate: '0' }] });
    expect(edited.lines).toMatchObject([{ description: 'Other', total: 300n, serviceId: null }]);
    expect(edited.lines[0]!.id).not.toBe(invoice.lines[0]!.id);
  });
});

describe('REST and tRPC', () => {
  it('PATCH with a line id of another invoice is a 400 on items.N.id and changes nothing', async () => {
    const key = await givenApiKey(db(), 'admin');
    const [{ invoice, line }, other] = await Promise.all([givenRenewal('2036-08-01'), givenInvoice(db())]);
    const response = await patch(
      apiRequest(`/api/v1/invoices/${invoice.id}`, {
        defaultKey: key,
        method: 'PATCH',
        body: {
          items: [
            { id: line.id, description: line.description, quantity: 2, unit_price: 1000 },
            { id: other.lines[0]!.id, description: 'Stolen', quantity: 1, unit_price: 1 },
          ],
        },
      }),
      params({ id: invoice.id }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { fields: { 'items.1.id': 'is not a line of this invoice' } } });
    expect(await linesOf(invoice.id)).toEqual([line]);

    const kept = await patch(
      apiRequest(`/api/v1/invoices/${invoice.id}`, {
        defaultKey: key,
        method: 'PATCH',
        body: { items: [{ id: line.id, description: 'Hosting', quantity: 2, unit_price: 950 }] },
      }),
      params({ id: invoice.id }),
    );
    expect(kept.status).toBe(200);
    expect(await kept.json()).toMatchObject({ items: [{ id: line.id, unit_price: 950, period_start: '2036-08-01', period_end: '2036-08-31' }] });
  });

  it('the console’s update (every field of every line, ids of those kept) keeps the links', async () => {
    const admin = await givenUser(db(), 'admin');
    const trpc = createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' });
    const { invoice, line, service } = await givenRenewal('2036-09-01');
    vi.setSystemTime(new Date('2036-09-02T08:00:00Z'));
    await trpc.invoices.update({
      id: invoice.id,
      items: [
        {
          id: line.id,
          description: line.description,
          quantity: '2',
          unit_price: 1000,
          tax_rate: '0',
          period_start: '2036-09-01',
          period_end: '2036-09-30',
          code: null,
        },
        { description: 'Extra', quantity: '1', unit_price: 100, tax_rate: '0', period_start: null, period_end: null, code: null },
      ],
      due_date: invoice.dueDate,
      notes: null,
      po_number: 'PO-1',
    });
    const [kept, extra] = await linesOf(invoice.id);
    expect(kept).toMatchObject({ id: line.id, serviceId: service.id, periodStart: '2036-09-01', periodEnd: '2036-10-01' });
    expect(extra).toMatchObject({ serviceId: null, description: 'Extra' });
    await markInvoicePaid(at('2036-09-03'), { id: invoice.id });
    expect((await serviceRow(service.id)).nextDueDate).toBe('2036-10-01');
  });
});
