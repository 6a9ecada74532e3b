import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, invoiceLines, invoices, services, workflowEvents } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { systemActor } from '@/server/auth/actor';
import { createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { runDunning } from '@/server/services/billing-runs/run-dunning';
import { createProduct } from '@/server/services/catalog/create-product';
import { getInvoice } from '@/server/services/invoices/get';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { cancelOwnService } from '@/server/services/orders/cancel-service';
import { changePlan } from '@/server/services/orders/change-plan';
import { placeOrder } from '@/server/services/orders/place';
import { planChoices } from '@/server/services/orders/plan-choices';
import { getOwnService } from '@/server/services/orders/service-detail';
import { updateBillingSettings } from '@/server/services/settings/billing';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenUser, runOrderActivation } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(iso));
const mid = '2026-06-16T12:00:00Z';

/** A VPS product of the category: 30.00 a month, a required OS (Linux free, Windows 15.00) and RAM at 2.50 per GB. */
async function givenVps(name: string, monthly: number, category = 'vps') {
  return createProduct(
    at('2026-01-01T00:00:00Z'),
    camelized(createProductInput).parse({
      name,
      type: 'recurring',
      category,
      prices: [{ cycle: 'monthly', currency: 'USD', amount: monthly }],
      option_groups: [
        {
          name: 'Operating system',
          kind: 'select',
          required: true,
          options: [
            { name: 'Linux', prices: [{ cycle: 'monthly', currency: 'USD', amount: 0 }] },
            { name: 'Windows', prices: [{ cycle: 'monthly', currency: 'USD', amount: 1500 }] },
          ],
        },
        { name: 'RAM', kind: 'quantity', options: [{ name: 'GB', prices: [{ cycle: 'monthly', currency: 'USD', amount: 250 }] }] },
      ],
    }),
  );
}
type Vps = Awaited<ReturnType<typeof givenVps>>;
const os = (p: Vps, which: 0 | 1) => ({ optionId: p.optionGroups[0]!.options[which]!.id, quantity: 1 });
const ram = (p: Vps, gb: number) => ({ optionId: p.optionGroups[1]!.options[0]!.id, quantity: gb });

/** An active service of the product with Linux, paid from June 1 (period June 1 – July 1, 30 days), and its client. */
async function givenService(product: Vps) {
  const customer = await givenCustomer(db());
  const order = await placeOrder(
    at('2026-06-01T00:00:00Z'),
    camelized(placeOrderInput).parse({
      customer_id: customer.id,
      items: [{ product_id: product.id, cycle: 'monthly', options: [{ option_id: os(product, 0).optionId }] }],
    }),
  );
  await markInvoicePaid(at('2026-06-01T01:00:00Z'), { id: order.invoiceId! });
  await runOrderActivation(db(), order.id, new Date('2026-06-01T01:00:00Z'));
  const client = await givenUser(db(), 'client', { customerId: customer.id });
  return { service: order.services[0]!, order, customer, client: (iso = mid) => ctxOf(db(), client.actor, new Date(iso)) };
}

const eventsFor = (invoiceId: string) =>
  db()
    .select()
    .from(workflowEvents)
    .where(eq(workflowEvents.eventId, `invoice-created:${invoiceId}`));

describe('change plan with options', () => {
  it('says which required option is missing, beside its group, and writes nothing', async () => {
    const small = await givenVps(`VPS S ${Math.random()}`, 3000);
    const large = await givenVps(`VPS L ${Math.random()}`, 6000);
    const { service } = await givenService(small);
    const change = { serviceId: service.id, productId: large.id, cycle: 'monthly' as const, options: [ram(large, 2)], preview: false, today: '2026-06-16' };

    await expect(changePlan(at(mid), change)).rejects.toMatchObject({
      code: 'validation',
      message: 'The new plan cannot be priced: Operating system must be chosen',
      fields: { [`options.${large.optionGroups[0]!.id}`]: 'Operating system must be chosen' },
    });
    const [unchanged] = await db().select().from(services).where(eq(services.id, service.id));
    expect(unchanged).toMatchObject({ productId: small.id, price: 3000n });
    expect(
      await db()
        .select()
        .from(invoices)
        .where(and(eq(invoices.orderId, service.orderId), eq(invoices.purpose, 'proration'))),
    ).toEqual([]);
  });

  it('prices the plan with its options, invoices the prorated difference, audits it and queues the e-mail', async () => {
    const small = await givenVps(`VPS S ${Math.random()}`, 3000);
    const large = await givenVps(`VPS L ${Math.random()}`, 6000);
    const { service } = await givenService(small);
    // Windows 15.00 + 4 GB × 2.50: 85.00 a month; 15 of 30 days left: 42.50 − 15.00 for the old plan.
    const change = { serviceId: service.id, productId: large.id, cycle: 'monthly' as const, options: [os(large, 1), ram(large, 4)], today: '2026-06-16' };
    const preview = await changePlan(at(mid), { ...change, preview: true });
    expect(preview).toMatchObject({ unusedDays: 15, periodDays: 30, oldCredit: 1500n, newCharge: 4250n, prorate: 2750n, newPrice: 8500n, invoiceId: null });

    const done = await changePlan(at(mid), { ...change, preview: false });
    const invoice = await getInvoice(at(mid), { id: done.invoiceId! });
    expect(invoice).toMatchObject({ status: 'pending', purpose: 'proration', total: 2750n });
    const [changed] = await db().select().from(services).where(eq(services.id, service.id));
    expect(changed).toMatchObject({ productId: large.id, price: 8500n });
    expect(changed!.options.map((o) => [o.name, o.quantity])).toEqual([
      ['Operating system: Windows', 1],
      ['RAM: GB', 4],
    ]);
    const [audited] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, service.id), eq(auditLog.action, 'service.plan_changed')));
    expect(audited).toBeDefined();
    expect(await eventsFor(done.invoiceId!)).toHaveLength(1);
  });

  it('runs a confirmed console change once per idempotency key', async () => {
    const small = await givenVps(`VPS S ${Math.random()}`, 3000);
    const large = await givenVps(`VPS L ${Math.random()}`, 6000);
    const { service } = await givenService(small);
    const admin = await givenUser(db(), 'admin');
    const caller = createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' });
    const input = {
      serviceId: service.id,
      product_id: large.id,
      cycle: 'monthly' as const,
      options: [{ option_id: os(large, 0).optionId }],
      today: '2026-06-16',
      idempotencyKey: 'change-plan-once-0001',
    };
    const [first, second] = [await caller.orders.changePlan(input), await caller.orders.changePlan(input)];
    expect(second.invoiceId).toBe(first.invoiceId);
    expect(
      await db()
        .select()
        .from(invoices)
        .where(and(eq(invoices.orderId, service.orderId), eq(invoices.purpose, 'proration'))),
    ).toHaveLength(1);
  });
});

describe('the customer’s own service', () => {
  it('offers the plans of its category only, and upgrades to one with an invoice to pay', async () => {
    const category = `vps-${Math.random()}`;
    const small = await givenVps(`VPS S ${Math.random()}`, 3000, category);
    const large = await givenVps(`VPS L ${Math.random()}`, 6000, category);
    const elsewhere = await givenVps(`Mail ${Math.random()}`, 1000, `mail-${Math.random()}`);
    const { service, client } = await givenService(small);

    const choices = await planChoices(client(), { serviceId: service.id });
    expect(choices.plans.map((p) => p.id).sort()).toEqual([small.id, large.id].sort());
    expect(choices.current).toMatchObject({ productId: small.id, cycle: 'monthly' });
    await expect(
      changePlan(client(), { serviceId: service.id, productId: elsewhere.id, cycle: 'monthly', options: [os(elsewhere, 0)], preview: true }),
    ).rejects.toMatchObject({ fields: { product_id: 'is not a plan this service can move to' } });

    // A customer's change is priced today, whatever date it sends.
    const done = await changePlan(client(), {
      serviceId: service.id,
      productId: large.id,
      cycle: 'monthly',
      options: [os(large, 0)],
      preview: false,
      today: '2026-06-01',
    });
    expect(done).toMatchObject({ unusedDays: 15, prorate: 1500n });
    expect((await getInvoice(client(), { id: done.invoiceId! })).status).toBe('pending');
    expect((await getOwnService(client(), { serviceId: service.id })).invoices.map((i) => i.id)).toContain(done.invoiceId);
  });

  it('never shows or changes another customer’s service', async () => {
    const small = await givenVps(`VPS S ${Math.random()}`, 3000);
    const mine = await givenService(small);
    const theirs = await givenService(small);
    await expect(getOwnService(mine.client(), { serviceId: theirs.service.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(cancelOwnService(mine.client(), { serviceId: theirs.service.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      changePlan(mine.client(), { serviceId: theirs.service.id, productId: small.id, cycle: 'monthly', options: [os(small, 0)], preview: true }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('cancels at the end of the paid period: the renewal already issued is cancelled, and dunning ends the service that day', async () => {
    const small = await givenVps(`VPS S ${Math.random()}`, 3000);
    const { service, client } = await givenService(small);
    // The renewal for July is issued within the 7-day window, on June 24.
    await runBilling(at('2026-06-24T00:05:00Z'), { date: '2026-06-24' });
    const [renewal] = await db()
      .select()
      .from(invoices)
      .where(and(eq(invoices.orderId, service.orderId), eq(invoices.purpose, 'renewal')));
    expect(renewal).toBeDefined();

    const preview = await cancelOwnService(client('2026-06-25T12:00:00Z'), { serviceId: service.id, preview: true });
    expect(preview).toMatchObject({ mode: 'end_of_period', endsOn: '2026-07-01', cancelledInvoices: [{ id: renewal!.id }], dueInvoices: [] });
    expect((await getInvoice(at(mid), { id: renewal!.id })).status).toBe('pending');

    await cancelOwnService(client('2026-06-25T12:00:00Z'), { serviceId: service.id, reason: 'Moving' });
    expect((await getInvoice(at(mid), { id: renewal!.id })).status).toBe('cancelled');
    const [asked] = await db().select().from(services).where(eq(services.id, service.id));
    expect(asked).toMatchObject({ status: 'active', cancelAt: '2026-07-01' });
    await expect(cancelOwnService(client('2026-06-25T12:00:00Z'), { serviceId: service.id })).rejects.toMatchObject({ code: 'invalid_state' });

    await runDunning(at('2026-07-01T00:10:00Z'), { date: '2026-07-01', origin: 'http://localhost' });
    const [ended] = await db().select().from(services).where(eq(services.id, service.id));
    expect(ended!.status).toBe('cancelled');
  });

  it('bills no period from the end on when the cancellation comes before the renewal', async () => {
    const small = await givenVps(`VPS S ${Math.random()}`, 3000);
    const { service, client } = await givenService(small);
    await cancelOwnService(client('2026-06-20T12:00:00Z'), { serviceId: service.id });
    await runBilling(at('2026-06-24T00:05:00Z'), { date: '2026-06-24' });
    expect(
      await db()
        .select()
        .from(invoices)
        .where(and(eq(invoices.orderId, service.orderId), eq(invoices.purpose, 'renewal'))),
    ).toEqual([]);
  });

  it('cancels at once when Settings say so', async () => {
    await updateBillingSettings(at(mid), { self_service: { cancellation: 'immediately' } });
    try {
      const small = await givenVps(`VPS S ${Math.random()}`, 3000);
      const { service, client } = await givenService(small);
      const outcome = await cancelOwnService(client(), { serviceId: service.id });
      expect(outcome).toMatchObject({ mode: 'immediately', endsOn: '2026-06-16', cancelledInvoices: [], dueInvoices: [] });
      const [ended] = await db().select().from(services).where(eq(services.id, service.id));
      expect(ended).toMatchObject({ status: 'cancelled', cancelAt: '2026-06-16' });
    } finally {
      await updateBillingSettings(at(mid), { self_service: { cancellation: 'end_of_period' } });
    }
  });
});

describe('renewal invoices', () => {
  it('list the options the service runs with, as the first invoice did', async () => {
    const small = await givenVps(`VPS R ${Math.random()}`, 3000);
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-06-01T00:00:00Z'),
      camelized(placeOrderInput).parse({
        customer_id: customer.id,
        items: [
          { product_id: small.id, cycle: 'monthly', options: [{ option_id: os(small, 1).optionId }, { option_id: ram(small, 2).optionId, quantity: 2 }] },
        ],
      }),
    );
    await markInvoicePaid(at('2026-06-01T01:00:00Z'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, new Date('2026-06-01T01:00:00Z'));
    await runBilling(at('2026-06-24T00:05:00Z'), { date: '2026-06-24' });

    const lines = await db()
      .select({ description: invoiceLines.description, invoiceId: invoiceLines.invoiceId, total: invoiceLines.total })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(and(eq(invoices.orderId, order.id), eq(invoiceLines.serviceId, order.services[0]!.id)));
    const first = lines.find((l) => l.invoiceId === order.invoiceId)!;
    const renewal = lines.find((l) => l.invoiceId !== order.invoiceId)!;
    expect(first.description.split('\n')[1]).toBe('Operating system: Windows · RAM: 2 × GB');
    expect(renewal.description).toBe(`${small.name} (monthly) 2026-07-01 – 2026-07-31\nOperating system: Windows · RAM: 2 × GB`);
    expect(renewal.total).toBe(5000n);
  });
});
