import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as getWalletRest } from '@/app/api/v1/customers/[id]/wallet/route';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { invoiceLines, invoices, orders, products, services, usageRecords, walletEntries } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { createProduct } from '@/server/services/catalog/create-product';
import { cancelInvoice } from '@/server/services/invoices/cancel';
import { createInvoice } from '@/server/services/invoices/create';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { recordPayment } from '@/server/services/payments/record';
import { startStripeCheckout } from '@/server/services/payments/start-checkout';
import { drawCredits } from '@/server/services/wallet/draw';
import { getWallet } from '@/server/services/wallet/get';
import { grantIncludedCredits } from '@/server/services/wallet/grant';
import { lapseCredits } from '@/server/services/wallet/lapse';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';
import { withFakeStripe } from '../support/stripe-env';

const { db } = withTestDatabase();
const stripe = withFakeStripe('whsec_test_wallet_secret');
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(iso.length === 10 ? `${iso}T08:00:00Z` : iso));
const run = (date: string) => runBilling(at(date), { date });

/** A monthly product (10,000 per month) including `credits` per period. */
async function creditsProduct(credits: bigint, rollover = false) {
  const product = await givenProduct(db(), { monthly: 10000 });
  await db().update(products).set({ includedCredits: credits, creditsRollover: rollover }).where(eq(products.id, product.id));
  return product;
}

/** A contract order billed on the 1st from `start`, one line per product. */
async function givenContract(customerId: string, productIds: string[], start: string) {
  return placeOrder(
    at(start),
    camelized(placeOrderInput).parse({
      customer_id: customerId,
      billing_day: 1,
      start_date: start,
      items: productIds.map((id) => ({ product_id: id, cycle: 'monthly' })),
    }),
  );
}

/** A store order: its first invoice, issued now, grants the product's credits. */
async function storeOrder(customerId: string, productId: string, on: string) {
  return placeOrder(at(on), camelized(placeOrderInput).parse({ customer_id: customerId, items: [{ product_id: productId, cycle: 'monthly' }] }));
}

/**
 * A pending invoice with usage lines as the billing run bills them in arrears (lines of a usage
 * service, `usage_unit_price` set), beside a plan line of `plan`; rates are tax percents.
 */
async function usageInvoice(customerId: string, on: string, usage: Array<{ amount: bigint; rate?: bigint }>, plan = 0n) {
  const [order] = await db().select({ id: orders.id }).from(orders).where(eq(orders.customerId, customerId)).limit(1);
  const product = await givenProduct(db(), { name: 'API calls' });
  const [service] = await db()
    .insert(services)
    .values({
      orderId: order!.id,
      customerId,
      productId: product.id,
      name: 'API calls',
      cycle: 'monthly',
      currency: 'USD',
      price: 0n,
      usageUnitPrice: '0.5',
      status: 'active',
      billingDay: 1,
      nextDueDate: on,
    })
    .returning();
  const invoice = await createInvoice(at(on), {
    customerId,
    status: 'pending',
    issueDate: on,
    items: [
      ...(plan > 0n ? [{ description: 'Plan', quantity: 1000n, unitPrice: plan, taxRate: 0n }] : []),
      ...usage.map(({ amount, rate }) => ({ description: 'API calls', quantity: 1000n, unitPrice: amount, taxRate: rate ?? 0n })),
    ],
  });
  await db()
    .update(invoiceLines)
    .set({ serviceId: service!.id })
    .where(and(eq(invoiceLines.invoiceId, invoice.id), eq(invoiceLines.description, 'API calls')));
  return invoice;
}

const wallet = (customerId: string, on = '2099-01-01') => getWallet(at(on), { id: customerId });
const balances = async (customerId: string) => {
  const { available, pending } = await wallet(customerId);
  return { available, pending };
};
const entriesOf = (customerId: string) =>
  db().select().from(walletEntries).where(eq(walletEntries.customerId, customerId)).orderBy(asc(walletEntries.createdAt), asc(walletEntries.kind));
const invoicesOf = (orderId: string) => db().select().from(invoices).where(eq(invoices.orderId, orderId)).orderBy(asc(invoices.issueDate));
const linesOf = (invoiceId: string) => db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
const invoiceRow = async (id: string) => (await db().select().from(invoices).where(eq(invoices.id, id)))[0]!;

/** A customer whose paid store order left `credits` available (lapsing a month after `on`). */
async function customerWithCredits(credits: bigint, on: string, rollover = false) {
  const customer = await givenCustomer(db());
  const order = await storeOrder(customer.id, (await creditsProduct(credits, rollover)).id, on);
  await markInvoicePaid(at(on), { id: order.invoiceId! });
  return customer;
}

describe('prepaid wallet: grants and their release', () => {
  it('a billed contract grants pending credits that Mark as paid makes available', async () => {
    const customer = await givenCustomer(db());
    const product = await creditsProduct(5000n);
    const order = await givenContract(customer.id, [product.id], '2040-01-01');
    await run('2040-01-01');
    const [invoice] = await invoicesOf(order.id);
    expect(await balances(customer.id)).toEqual({ available: 0n, pending: 5000n });
    const [grant] = await entriesOf(customer.id);
    expect(grant).toMatchObject({ kind: 'grant', pending: 5000n, available: 0n, invoiceId: invoice!.id, expiresOn: '2040-02-01', currency: 'USD' });
    expect(grant!.description).toContain('2040-01-01 – 2040-01-31');

    await markInvoicePaid(at('2040-01-05'), { id: invoice!.id });
    expect(await balances(customer.id)).toEqual({ available: 5000n, pending: 0n });
    const view = await wallet(customer.id);
    expect(view.entries.map((e) => [e.kind, e.pending, e.available, e.invoiceNumber])).toEqual([
      ['release', -5000n, 5000n, invoice!.number],
      ['grant', 5000n, 0n, invoice!.number],
    ]);
    expect(view.includesCredits).toBe(true);
  });

  it('a partial payment releases nothing; the payment that completes it releases all', async () => {
    const customer = await givenCustomer(db());
    const order = await storeOrder(customer.id, (await creditsProduct(3000n)).id, '2040-03-01');
    const invoice = await invoiceRow(order.invoiceId!);
    expect(await balances(customer.id)).toEqual({ available: 0n, pending: 3000n });
    await recordPayment(at('2040-03-02'), { invoiceId: invoice.id, amount: invoice.total - 1n, method: 'bank_transfer' });
    expect(await balances(customer.id)).toEqual({ available: 0n, pending: 3000n });
    await recordPayment(at('2040-03-03'), { invoiceId: invoice.id, amount: 1n, method: 'cash' });
    expect(await balances(customer.id)).toEqual({ available: 3000n, pending: 0n });
  });

  it('a card payment through Stripe releases the credits of the invoice it pays', async () => {
    const customer = await givenCustomer(db());
    const client = await givenUser(db(), 'client', { customerId: customer.id });
    const order = await storeOrder(customer.id, (await creditsProduct(2500n)).id, '2040-04-01');
    const url = await startStripeCheckout(ctxOf(db(), client.actor), { invoiceId: order.invoiceId!, access: { kind: 'session' }, origin: 'http://shop.test' });
    const { events } = await stripe().completeSession(url.split('/').pop()!, { deliver: false });
    for (const event of events) {
      const payload = JSON.stringify(event);
      const answer = await stripeWebhook(
        new Request('http://localhost/api/webhooks/stripe', {
          method: 'POST',
          body: payload,
          headers: { 'stripe-signature': stripe().sign(payload), 'content-type': 'application/json' },
        }),
      );
      expect(answer.status).toBe(200);
    }
    expect((await invoiceRow(order.invoiceId!)).status).toBe('paid');
    expect(await balances(customer.id)).toEqual({ available: 2500n, pending: 0n });
  });

  it('cancelling an unpaid invoice voids its pending credits', async () => {
    const customer = await givenCustomer(db());
    const order = await storeOrder(customer.id, (await creditsProduct(4000n)).id, '2040-05-01');
    await cancelInvoice(at('2040-05-02'), { id: order.invoiceId! });
    expect(await balances(customer.id)).toEqual({ available: 0n, pending: 0n });
    expect((await entriesOf(customer.id)).map((e) => [e.kind, e.pending, e.available])).toEqual([
      ['grant', 4000n, 0n],
      ['void', -4000n, 0n],
    ]);
  });

  it('a product without credits grants nothing, and granting twice posts one grant', async () => {
    const customer = await givenCustomer(db());
    const plain = await storeOrder(customer.id, (await givenProduct(db())).id, '2040-06-01');
    expect(await entriesOf(customer.id)).toEqual([]);
    expect((await wallet(customer.id)).includesCredits).toBe(false);
    const credited = await storeOrder(customer.id, (await creditsProduct(700n)).id, '2040-06-01');
    await db().transaction((tx) => grantIncludedCredits(tx, [credited.invoiceId!, plain.invoiceId!], new Date('2040-06-02T00:00:00Z')));
    expect((await entriesOf(customer.id)).map((e) => e.kind)).toEqual(['grant']);
  });
});

describe('prepaid wallet: the billing run lapses and grants', () => {
  it('without rollover unused credits lapse at period end; with rollover they stay; the next period grants pending; a rerun posts nothing', async () => {
    const customer = await givenCustomer(db());
    const lapsing = await creditsProduct(1000n);
    const rolling = await creditsProduct(400n, true);
    const order = await givenContract(customer.id, [lapsing.id, rolling.id], '2041-01-01');
    await run('2041-01-01');
    const [january] = await invoicesOf(order.id);
    await markInvoicePaid(at('2041-01-10'), { id: january!.id });
    expect(await balances(customer.id)).toEqual({ available: 1400n, pending: 0n });
    const [rollGrant] = await db()
      .select()
      .from(walletEntries)
      .where(and(eq(walletEntries.customerId, customer.id), eq(walletEntries.kind, 'grant'), sql`${walletEntries.expiresOn} is null`));
    expect(rollGrant!.pending).toBe(400n);

    await run('2041-02-01');
    // January's 1,000 lapsed; the 400 that roll over stay; February's 1,400 wait for payment.
    expect(await balances(customer.id)).toEqual({ available: 400n, pending: 1400n });
    const count = (await entriesOf(customer.id)).length;
    await run('2041-02-01');
    await run('2041-02-02');
    expect((await entriesOf(customer.id)).length).toBe(count);
    expect(await balances(customer.id)).toEqual({ available: 400n, pending: 1400n });

    // February is never paid: at March's run its 1,000 lapse from pending, and paying late
    // releases only what did not lapse.
    await run('2041-03-01');
    expect(await balances(customer.id)).toEqual({ available: 400n, pending: 400n + 1400n });
    const february = (await invoicesOf(order.id))[1]!;
    await markInvoicePaid(at('2041-03-05'), { id: february.id });
    expect(await balances(customer.id)).toEqual({ available: 800n, pending: 1400n });
  });
});

describe('prepaid wallet: usage draws on available credits', () => {
  it('draws min(available, usage) from the grant lapsing first and shows it on the invoice; nothing twice', async () => {
    const customer = await customerWithCredits(1000n, '2042-01-01');
    const rolling = await storeOrder(customer.id, (await creditsProduct(800n, true)).id, '2042-01-01');
    await markInvoicePaid(at('2042-01-01'), { id: rolling.invoiceId! });
    expect(await balances(customer.id)).toEqual({ available: 1800n, pending: 0n });

    const invoice = await usageInvoice(customer.id, '2042-01-20', [{ amount: 700n }, { amount: 500n }], 2000n);
    expect(invoice.total).toBe(3200n);
    const drew = await db().transaction((tx) => drawCredits(tx, [invoice.id], new Date('2042-01-20T08:00:00Z')));
    expect(drew).toBe(1);
    const lines = await linesOf(invoice.id);
    expect(lines.at(-1)).toMatchObject({
      description: 'Prepaid credits applied',
      quantity: '1.000',
      unitPrice: -1200n,
      subtotal: -1200n,
      tax: 0n,
      total: -1200n,
      serviceId: null,
    });
    expect(await invoiceRow(invoice.id)).toMatchObject({ subtotal: 2000n, taxTotal: 0n, total: 2000n });
    expect(await balances(customer.id)).toEqual({ available: 600n, pending: 0n });
    const draws = (await entriesOf(customer.id)).filter((e) => e.kind === 'draw');
    // The lapsing grant is spent whole first, the one that rolls over gives the rest.
    expect(draws.map((d) => d.available).sort()).toEqual([-1000n, -200n]);
    expect(draws.every((d) => d.invoiceId === invoice.id)).toBe(true);

    await db().transaction((tx) => drawCredits(tx, [invoice.id], new Date('2042-01-21T08:00:00Z')));
    expect(await linesOf(invoice.id)).toHaveLength(lines.length);
    expect(await balances(customer.id)).toEqual({ available: 600n, pending: 0n });
  });

  it('taxed usage: the credit line is negative at the same rate, and the totals stay sums of the lines', async () => {
    const customer = await customerWithCredits(1000n, '2042-02-01');
    const invoice = await usageInvoice(customer.id, '2042-02-10', [{ amount: 1000n, rate: 20000n }]);
    expect(invoice).toMatchObject({ subtotal: 1000n, taxTotal: 200n, total: 1200n });
    await db().transaction((tx) => drawCredits(tx, [invoice.id], new Date('2042-02-10T08:00:00Z')));
    const credit = (await linesOf(invoice.id)).at(-1)!;
    // 1,000 of credit pays 833 + 167 tax of the 1,200 owed.
    expect(credit).toMatchObject({ taxRate: '20.000', unitPrice: -833n, subtotal: -833n, tax: -167n, total: -1000n });
    const row = await invoiceRow(invoice.id);
    expect(row).toMatchObject({ subtotal: 167n, taxTotal: 33n, total: 200n });
    expect(await balances(customer.id)).toEqual({ available: 0n, pending: 0n });
  });

  it('draws nothing without available credits, nor from pending ones, nor from a grant lapsed before the invoice', async () => {
    const pendingOnly = await givenCustomer(db());
    await storeOrder(pendingOnly.id, (await creditsProduct(500n)).id, '2042-03-01');
    const first = await usageInvoice(pendingOnly.id, '2042-03-05', [{ amount: 300n }]);
    const expired = await customerWithCredits(500n, '2042-03-01');
    const late = await usageInvoice(expired.id, '2042-04-02', [{ amount: 300n }]);
    await db().transaction((tx) => drawCredits(tx, [first.id, late.id], new Date('2042-04-02T08:00:00Z')));
    expect((await linesOf(first.id)).map((l) => l.description)).not.toContain('Prepaid credits applied');
    expect((await linesOf(late.id)).map((l) => l.description)).not.toContain('Prepaid credits applied');
    expect(await balances(expired.id)).toEqual({ available: 500n, pending: 0n });
    await db().transaction((tx) => lapseCredits(tx, '2042-04-02', new Date('2042-04-02T08:00:00Z')));
    expect(await balances(expired.id)).toEqual({ available: 0n, pending: 0n });
  });

  it('in the run’s order, usage of the period just ended spends its credits before they lapse', async () => {
    const customer = await customerWithCredits(1000n, '2042-05-01');
    const invoice = await usageInvoice(customer.id, '2042-06-01', [{ amount: 400n }]);
    const now = new Date('2042-06-01T08:00:00Z');
    await db().transaction(async (tx) => {
      await drawCredits(tx, [invoice.id], now);
      await lapseCredits(tx, '2042-06-01', now);
    });
    expect((await entriesOf(customer.id)).map((e) => [e.kind, e.pending, e.available])).toEqual([
      ['grant', 1000n, 0n],
      ['release', -1000n, 1000n],
      ['draw', 0n, -400n],
      ['lapse', 0n, -600n],
    ]);
    expect(await balances(customer.id)).toEqual({ available: 0n, pending: 0n });
  });

  it('two invoices of one customer drawing in parallel transactions never take more than there is', async () => {
    for (let round = 0; round < 5; round++) {
      const customer = await customerWithCredits(1000n, '2043-01-01');
      const a = await usageInvoice(customer.id, '2043-01-15', [{ amount: 800n }]);
      const b = await usageInvoice(customer.id, '2043-01-15', [{ amount: 800n }]);
      const now = new Date('2043-01-15T08:00:00Z');
      await Promise.all([a, b, a].map((invoice) => db().transaction((tx) => drawCredits(tx, [invoice.id], now))));
      expect(await balances(customer.id)).toEqual({ available: 0n, pending: 0n });
      const credited = await Promise.all([a, b].map(async (i) => (await linesOf(i.id)).filter((l) => l.description === 'Prepaid credits applied')));
      expect(credited.flat().reduce((sum, l) => sum - l.total, 0n)).toBe(1000n);
      expect(credited.map((lines) => lines.length).sort()).toEqual([1, 1]);
      const perGrant = await db().execute(sql`
        select g.id, g.pending + coalesce(sum(e.pending), 0) as pending_left, coalesce(sum(e.available), 0) as available_left
        from wallet_entries g left join wallet_entries e on e.grant_id = g.id
        where g.customer_id = ${customer.id} and g.kind = 'grant' group by g.id`);
      for (const row of Array.isArray(perGrant) ? perGrant : (perGrant as unknown as { rows: Array<Record<string, unknown>> }).rows) {
        expect(BigInt(String(row.pending_left))).toBeGreaterThanOrEqual(0n);
        expect(BigInt(String(row.available_left))).toBeGreaterThanOrEqual(0n);
      }
    }
  });

  it('a payment releasing and a run lapsing the same grant at once never move it twice', async () => {
    for (let round = 0; round < 5; round++) {
      const customer = await givenCustomer(db());
      const order = await storeOrder(customer.id, (await creditsProduct(900n)).id, `2044-0${round + 1}-01`);
      const [grant] = await entriesOf(customer.id);
      const lapseOn = grant!.expiresOn!;
      await Promise.all([
        markInvoicePaid(at(`${lapseOn}T09:00:00Z`), { id: order.invoiceId! }),
        db().transaction((tx) => lapseCredits(tx, lapseOn, new Date(`${lapseOn}T09:00:00Z`))),
      ]);
      expect(await balances(customer.id)).toEqual({ available: 0n, pending: 0n });
    }
  });
});

describe('prepaid wallet: the billing run draws usage billed in arrears', () => {
  it('January’s usage spends January’s credits on February’s invoice, what is left lapses, February grants pending; a rerun adds nothing', async () => {
    const customer = await givenCustomer(db());
    const plan = await creditsProduct(1000n);
    const usage = await createProduct(
      at('2046-01-01'),
      camelized(createProductInput).parse({ name: 'API calls', type: 'usage', prices: [{ cycle: 'monthly', currency: 'USD', amount: 50 }] }),
    );
    const order = await givenContract(customer.id, [plan.id, usage.id], '2046-01-01');
    const service = order.services.find((s) => s.usageUnitPrice !== null)!;
    await run('2046-01-01');
    const [january] = await invoicesOf(order.id);
    await markInvoicePaid(at('2046-01-03'), { id: january!.id });
    await db()
      .insert(usageRecords)
      .values({ key: 'jan', customerId: customer.id, serviceId: service.id, quantity: '14', occurredAt: new Date('2046-01-20T10:00:00Z') });

    await run('2046-02-01');
    const february = (await invoicesOf(order.id))[1]!;
    const lines = await linesOf(february.id);
    expect(lines.map((l) => [l.serviceId === service.id ? 'usage' : l.serviceId ? 'plan' : l.description, l.total])).toEqual([
      ['plan', 10000n],
      ['usage', 700n],
      ['Prepaid credits applied', -700n],
    ]);
    expect(february).toMatchObject({ subtotal: 10000n, taxTotal: 0n, total: 10000n });
    // 700 of January's 1,000 paid the usage, the other 300 lapsed; February's 1,000 wait for payment.
    expect((await entriesOf(customer.id)).map((e) => [e.kind, e.pending, e.available])).toEqual([
      ['grant', 1000n, 0n],
      ['release', -1000n, 1000n],
      ['grant', 1000n, 0n],
      ['draw', 0n, -700n],
      ['lapse', 0n, -300n],
    ]);
    expect(await balances(customer.id)).toEqual({ available: 0n, pending: 1000n });

    await run('2046-02-01');
    expect(await linesOf(february.id)).toHaveLength(3);
    expect((await entriesOf(customer.id)).length).toBe(5);
  });
});

describe('prepaid wallet: who reads it', () => {
  it('REST answers the wallet with integer amounts, newest entry first; another reseller’s customer is a 404', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const rival = await givenUser(db(), 'reseller');
    const customer = await givenCustomer(db(), {}, { actor: reseller.actor });
    const order = await storeOrder(customer.id, (await creditsProduct(1500n)).id, '2045-01-01');
    await markInvoicePaid(at('2045-01-02'), { id: order.invoiceId! });
    const get = async (key: string) => getWalletRest(apiRequest(`/api/v1/customers/${customer.id}/wallet`, { key }), params({ id: customer.id }));

    const answer = await get(await givenApiKey(db(), 'admin'));
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body).toEqual({
      currency: 'USD',
      available: 1500,
      pending: 0,
      entries: [
        {
          id: expect.any(String),
          kind: 'release',
          pending: -1500,
          available: 1500,
          description: expect.stringContaining('paid'),
          invoice_id: order.invoiceId,
          expires_on: null,
          created_at: '2045-01-02T08:00:00.000Z',
        },
        {
          id: expect.any(String),
          kind: 'grant',
          pending: 1500,
          available: 0,
          description: expect.stringContaining('Included credits'),
          invoice_id: order.invoiceId,
          expires_on: '2045-02-01',
          created_at: '2045-01-01T08:00:00.000Z',
        },
      ],
    });
    expect((await get(await givenApiKey(db(), 'reseller', reseller.id))).status).toBe(200);
    expect((await get(await givenApiKey(db(), 'reseller', rival.id))).status).toBe(404);
  });

  it('a client reads its own wallet and no one else’s', async () => {
    const mine = await givenCustomer(db());
    const theirs = await givenCustomer(db());
    const client = await givenUser(db(), 'client', { customerId: mine.id });
    const as = ctxOf(db(), client.actor, new Date('2045-02-01T08:00:00Z'));
    await expect(getWallet(as, { id: mine.id })).resolves.toMatchObject({ currency: 'USD', available: 0n, pending: 0n, entries: [] });
    await expect(getWallet(as, { id: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
