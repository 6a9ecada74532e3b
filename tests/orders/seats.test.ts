import { and, asc, count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { POST as changeSeatsRoute } from '@/app/api/v1/services/[id]/seats/route';
import { auditLog, creditLedger, invoiceLines, invoices, orderLines, services } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { creditBalance } from '@/server/services/credit/balance';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { deactivateContractOrder } from '@/server/services/orders/activate-contract';
import { changeSeats, type SeatChange } from '@/server/services/orders/change-seats';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenApiKey, givenCustomer, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(`${iso}T08:00:00Z`));
const run = (date: string) => runBilling(at(date), { date });

type Fields = Partial<z.input<typeof placeOrderInput>>;

/** A contract of one monthly line at 1,000 per seat, billed on the 1st from `start`. */
async function givenSeats(seats: number, start: string, fields: Fields = {}) {
  const customer = await givenCustomer(db());
  const product = await givenProduct(db(), { monthly: 1000 });
  const order = await placeOrder(
    at(start),
    camelized(placeOrderInput).parse({
      customer_id: customer.id,
      billing_day: 1,
      start_date: start,
      items: [{ product_id: product.id, cycle: 'monthly', quantity: seats }],
      ...fields,
    }),
  );
  return { order, customer, service: order.services[0]! };
}

const invoicesOf = (orderId: string) => db().select().from(invoices).where(eq(invoices.orderId, orderId)).orderBy(asc(invoices.createdAt));
const linesOf = (invoiceId: string) => db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
const serviceRow = async (id: string) => (await db().select().from(services).where(eq(services.id, id)))[0]!;
const lineQuantity = async (orderId: string) => (await db().select({ q: orderLines.quantity }).from(orderLines).where(eq(orderLines.orderId, orderId)))[0]!.q;
const rowCounts = async () => {
  const tally = async (table: typeof invoices | typeof invoiceLines | typeof creditLedger | typeof auditLog) =>
    (await db().select({ n: count() }).from(table))[0]!.n;
  return { invoices: await tally(invoices), lines: await tally(invoiceLines), credit: await tally(creditLedger), audit: await tally(auditLog) };
};
const withoutDocuments = ({ invoiceId: _i, creditNoteId: _c, ...change }: SeatChange) => change;

describe('seats: a billed period is prorated', () => {
  it('invoices more seats for the rest of the period; the preview writes nothing and equals the change; the next run bills the new seats', async () => {
    const { order, service } = await givenSeats(10, '2031-03-01');
    await run('2031-03-01');
    // March 1 – April 1 is 31 days; on March 17, 15 are left. 10 → 14 seats at 1,000:
    // old credit = round(10,000 × 15 / 31) = round(4,838.7) = 4,839,
    // new charge = round(14,000 × 15 / 31) = round(6,774.2) = 6,774, prorate = 6,774 − 4,839 = 1,935.
    const before = await rowCounts();
    const preview = await changeSeats(at('2031-03-17'), { serviceId: service.id, quantity: 14, preview: true });
    expect(preview).toEqual({
      quantity: 14,
      previousQuantity: 10,
      unitPrice: 1000n,
      price: 14000n,
      previousPrice: 10000n,
      periodStart: '2031-03-01',
      periodEnd: '2031-04-01',
      unusedDays: 15,
      periodDays: 31,
      oldCredit: 4839n,
      newCharge: 6774n,
      prorate: 1935n,
      charge: 1935n,
      credit: 0n,
      total: 1935n,
      invoiceId: null,
      creditNoteId: null,
    });
    expect(await rowCounts()).toEqual(before);
    expect(await serviceRow(service.id)).toMatchObject({ quantity: 10, price: 10000n });

    const change = await changeSeats(at('2031-03-17'), { serviceId: service.id, quantity: 14, preview: false });
    expect(withoutDocuments(change)).toEqual(withoutDocuments(preview));
    const proration = (await invoicesOf(order.id)).find((i) => i.id === change.invoiceId)!;
    expect(proration).toMatchObject({ kind: 'invoice', purpose: 'proration', status: 'pending', subtotal: 1935n, total: 1935n, issueDate: '2031-03-17' });
    expect(proration.number).toMatch(/^INV-2031-\d{5}$/);
    expect(await serviceRow(service.id)).toMatchObject({ quantity: 14, price: 14000n });
    expect(await lineQuantity(order.id)).toBe('14.000');

    await run('2031-04-01');
    const april = (await invoicesOf(order.id)).find((i) => i.issueDate === '2031-04-01')!;
    expect((await linesOf(april.id)).map((l) => [l.quantity, l.unitPrice, l.subtotal, l.periodStart])).toEqual([['14.000', 1000n, 14000n, '2031-04-01']]);
  });

  it('credits fewer seats on a paid period (credit note + credit balance), and nothing when the period is unpaid', async () => {
    const paid = await givenSeats(10, '2031-03-01');
    const unpaid = await givenSeats(10, '2031-03-01');
    await run('2031-03-01');
    const [periodInvoice] = await invoicesOf(paid.order.id);
    await markInvoicePaid(at('2031-03-05'), { id: periodInvoice!.id });

    // 10 → 4 seats on March 17: old credit 4,839, new charge round(4,000 × 15 / 31) = round(1,935.48) = 1,935,
    // prorate −2,904, all of it paid for.
    const down = await changeSeats(at('2031-03-17'), { serviceId: paid.service.id, quantity: 4, preview: false });
    expect(down).toMatchObject({ oldCredit: 4839n, newCharge: 1935n, prorate: -2904n, charge: 0n, credit: 2904n, invoiceId: null });
    const note = (await invoicesOf(paid.order.id)).find((i) => i.id === down.creditNoteId)!;
    expect(note).toMatchObject({ kind: 'credit_note', purpose: 'proration', status: 'paid', total: 2904n, correctsInvoiceId: periodInvoice!.id });
    expect(note.number).toMatch(/^CN-2031-\d{5}$/);
    expect(await creditBalance(db(), paid.customer.id, 'USD')).toBe(2904n);
    expect(await serviceRow(paid.service.id)).toMatchObject({ quantity: 4, price: 4000n });

    // The unpaid period's invoice took nothing in: the decrease credits nothing, as a plan change does.
    const before = await rowCounts();
    const nothing = await changeSeats(at('2031-03-17'), { serviceId: unpaid.service.id, quantity: 4, preview: false });
    expect(nothing).toMatchObject({ prorate: -2904n, credit: 0n, total: 0n, invoiceId: null, creditNoteId: null });
    expect(await creditBalance(db(), unpaid.customer.id, 'USD')).toBe(0n);
    expect(await rowCounts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('refuses a decrease that would credit while an earlier increase is unpaid, until it is paid', async () => {
    const { order, service } = await givenSeats(10, '2031-03-01');
    await run('2031-03-01');
    await markInvoicePaid(at('2031-03-05'), { id: (await invoicesOf(order.id))[0]!.id });
    const up = await changeSeats(at('2031-03-17'), { serviceId: service.id, quantity: 14, preview: false });
    await expect(changeSeats(at('2031-03-18'), { serviceId: service.id, quantity: 10, preview: true })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('not paid yet'),
    });
    await markInvoicePaid(at('2031-03-18'), { id: up.invoiceId! });
    // 14 → 10 with 14 days left: round(14,000 × 14 / 31) − round(10,000 × 14 / 31) = 6,323 − 4,516.
    await expect(changeSeats(at('2031-03-18'), { serviceId: service.id, quantity: 10, preview: false })).resolves.toMatchObject({ credit: 1807n });
  });
});

describe('seats: a period not invoiced yet', () => {
  it('needs no proration: the billing run bills the new seats', async () => {
    // Starting June 10 on billing day 1, its first period is July 1: nothing is billed yet.
    const { order, service } = await givenSeats(3, '2031-06-10');
    const before = await rowCounts();
    const early = await changeSeats(at('2031-06-20'), { serviceId: service.id, quantity: 5, preview: false });
    expect(early).toMatchObject({ periodStart: null, periodEnd: null, prorate: 0n, charge: 0n, credit: 0n, price: 5000n, invoiceId: null, creditNoteId: null });
    expect(await rowCounts()).toEqual({ ...before, audit: before.audit + 1 });

    // On the billing day itself, before the run: billed_until is the period's start, so that period is not billed yet.
    const onTheDay = await changeSeats(at('2031-07-01'), { serviceId: service.id, quantity: 6, preview: false });
    expect(onTheDay).toMatchObject({ periodStart: null, prorate: 0n, invoiceId: null });
    await run('2031-07-01');
    const [july] = await invoicesOf(order.id);
    expect((await linesOf(july!.id)).map((l) => [l.quantity, l.subtotal, l.periodStart, l.periodEnd])).toEqual([['6.000', 6000n, '2031-07-01', '2031-08-01']]);
    expect(await invoicesOf(order.id)).toHaveLength(1);
  });
});

describe('seats: what is refused', () => {
  it('refuses a paused order, a pending store order, the same seats, a price the seats do not divide', async () => {
    const paused = await givenSeats(2, '2031-03-01');
    await deactivateContractOrder(at('2031-03-02'), { id: paused.order.id });
    await expect(changeSeats(at('2031-03-03'), { serviceId: paused.service.id, quantity: 3, preview: true })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('its order paused'),
    });

    const customer = await givenCustomer(db());
    const product = await givenProduct(db(), { monthly: 1000 });
    const store = await placeOrder(
      at('2031-03-01'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly', quantity: 2 }] }),
    );
    expect(store.status).toBe('pending');
    await expect(changeSeats(at('2031-03-03'), { serviceId: store.services[0]!.id, quantity: 3, preview: false })).rejects.toMatchObject({
      code: 'invalid_state',
    });

    const active = await givenSeats(3, '2031-03-01');
    await expect(changeSeats(at('2031-03-03'), { serviceId: active.service.id, quantity: 3, preview: false })).rejects.toMatchObject({
      code: 'validation',
      fields: { quantity: 'must differ from the current 3 seats' },
    });
    await db().update(services).set({ price: 3001n }).where(eq(services.id, active.service.id));
    await expect(changeSeats(at('2031-03-03'), { serviceId: active.service.id, quantity: 4, preview: true })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('does not divide into its 3 seats'),
    });
  });
});

describe('seats: concurrent changes', () => {
  it('serialises four changes: each prorates against the state the one before left, and the documents add up', async () => {
    const { order, service } = await givenSeats(10, '2031-03-01');
    await run('2031-03-01');
    await markInvoicePaid(at('2031-03-05'), { id: (await invoicesOf(order.id))[0]!.id });
    const targets = [12, 14, 16, 18];
    const outcomes = await Promise.allSettled(targets.map((quantity) => changeSeats(at('2031-03-17'), { serviceId: service.id, quantity, preview: false })));
    const done = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    // A decrease after an increase still unpaid would credit what was never paid: refused, as for a plan change.
    for (const o of outcomes)
      if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'invalid_state', message: expect.stringContaining('not paid yet') });
    expect(done.length).toBeGreaterThanOrEqual(1);

    // The successful changes form one chain from 10 seats: each started where another ended.
    const chain: SeatChange[] = [];
    let seats = 10;
    for (let next = done.find((c) => c.previousQuantity === seats); next; next = done.find((c) => c.previousQuantity === seats)) {
      chain.push(next);
      seats = next.quantity;
    }
    expect(chain).toHaveLength(done.length);
    expect(await serviceRow(service.id)).toMatchObject({ quantity: seats, price: BigInt(seats) * 1000n });
    expect(await lineQuantity(order.id)).toBe(`${seats}.000`);

    // 15 of 31 days left for every change: the prorations telescope to the last seats' share minus the first's.
    const share = (n: number) => (BigInt(n) * 1000n * 15n * 2n + 31n) / 62n;
    const documents = (await invoicesOf(order.id)).filter((i) => i.purpose === 'proration');
    const net = documents.reduce((sum, d) => sum + (d.kind === 'credit_note' ? -d.subtotal : d.subtotal), 0n);
    expect(net).toBe(share(seats) - share(10));
    expect(documents.map((d) => d.id).sort()).toEqual(done.flatMap((c) => [c.invoiceId, c.creditNoteId].filter((x) => x !== null)).sort());
    expect(new Set(documents.map((d) => d.number)).size).toBe(documents.length);
    const audits = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'service.seats_changed'), eq(auditLog.entityId, order.id)));
    expect(audits[0]!.n).toBe(done.length);
  });
});

describe('seats and the billing run', () => {
  it('racing the run on the billing day, the period bills the new seats once: on its invoice, or old seats plus the whole period prorated', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { order, service } = await givenSeats(10, '2031-09-01');
      const [change] = await Promise.all([changeSeats(at('2031-09-01'), { serviceId: service.id, quantity: 14, preview: false }), run('2031-09-01')]);
      const documents = await invoicesOf(order.id);
      const billed = documents.reduce((sum, d) => sum + d.subtotal, 0n);
      // 30 of 30 days left when prorated: the whole period's difference, 14,000 − 10,000.
      expect(change.prorate === 0n || change.prorate === 4000n).toBe(true);
      expect(billed).toBe(14000n);
      expect(documents).toHaveLength(change.prorate === 0n ? 1 : 2);
    }
  });
});

describe('seats over REST', () => {
  afterEach(() => {
    vi.setSystemTime(testNow);
  });

  it('answers 400 with field messages, 409 for a paused order, and replays a retried Idempotency-Key', async () => {
    const key = await givenApiKey(db(), 'admin');
    const { order, service } = await givenSeats(10, '2031-03-01');
    const paused = await givenSeats(2, '2031-03-01');
    await run('2031-03-01');
    await deactivateContractOrder(at('2031-03-02'), { id: paused.order.id });
    vi.setSystemTime(new Date('2031-03-17T08:00:00Z'));
    const post = async (serviceId: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await changeSeatsRoute(
        apiRequest(`/api/v1/services/${serviceId}/seats`, { method: 'POST', key, body, headers }),
        params({ id: serviceId }),
      );
      return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: await response.json() };
    };

    expect(await post(service.id, { quantity: 0 })).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_error', fields: { quantity: 'must be at least 1' } } },
    });
    expect(await post(service.id, { quantity: 2.5 })).toMatchObject({ status: 400, body: { error: { fields: { quantity: 'must be a whole number' } } } });
    expect(await post(service.id, {})).toMatchObject({ status: 400, body: { error: { fields: { quantity: 'must be a whole number' } } } });
    expect(await post(service.id, { quantity: 10 })).toMatchObject({
      status: 400,
      body: { error: { fields: { quantity: 'must differ from the current 10 seats' } } },
    });
    expect(await post(paused.service.id, { quantity: 3 })).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });

    const preview = await post(service.id, { quantity: 14, preview: true });
    expect(preview).toMatchObject({ status: 200, body: { prorate: 1935, charge: 1935, price: 14000, period_end: '2031-04-01', invoice_id: null } });
    const first = await post(service.id, { quantity: 14 }, { 'idempotency-key': `seats-${service.id}` });
    const again = await post(service.id, { quantity: 14 }, { 'idempotency-key': `seats-${service.id}` });
    expect(first).toMatchObject({ status: 200, body: { ...preview.body, invoice_id: expect.any(String) } });
    expect(again).toMatchObject({ status: 200, replayed: 'true', body: first.body });
    expect((await invoicesOf(order.id)).filter((i) => i.purpose === 'proration')).toHaveLength(1);
  });

  it('runs a console change once per dialog key, however often it arrives; a preview with the key uses nothing up', async () => {
    const admin = await givenUser(db(), 'admin');
    const trpc = createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' });
    const { order, service } = await givenSeats(10, '2031-03-01');
    await run('2031-03-01');
    vi.setSystemTime(new Date('2031-03-17T08:00:00Z'));
    const attempt = { serviceId: service.id, quantity: 14, idempotencyKey: 'seats-attempt-0000000001' };
    const preview = await trpc.orders.changeSeats({ ...attempt, preview: true });
    const answers = await Promise.all(Array.from({ length: 4 }, () => trpc.orders.changeSeats({ ...attempt, preview: false })));
    expect(new Set(answers.map((a) => a.invoiceId)).size).toBe(1);
    expect(answers[0]).toMatchObject({ prorate: preview.prorate, quantity: 14, invoiceId: expect.any(String) });
    expect((await invoicesOf(order.id)).filter((i) => i.purpose === 'proration')).toHaveLength(1);
  });

  it('is in openapi.json', async () => {
    const doc = await openapi().json();
    expect(doc.paths['/api/v1/services/{id}/seats']).toHaveProperty('post');
  });
});
