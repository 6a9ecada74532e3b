import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import fc from 'fast-check';
import type { Database } from '@/db';
import { creditLedger, invoices, numberCounters, orders, payments, refunds, services } from '@/db/schema';
import { systemActor, type Actor } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { adjustCredit } from '@/server/services/credit/adjust';
import { applyCredit } from '@/server/services/credit/apply';
import { creditBalance } from '@/server/services/credit/balance';
import { getCustomer } from '@/server/services/customers/get';
import { cancelInvoice } from '@/server/services/invoices/cancel';
import { consolidateInvoices } from '@/server/services/invoices/consolidate';
import { correctInvoice } from '@/server/services/invoices/correct';
import { createInvoice } from '@/server/services/invoices/create';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { changePlan } from '@/server/services/orders/change-plan';
import { placeOrder } from '@/server/services/orders/place';
import { payWithCredit } from '@/server/services/payments/pay-with-credit';
import { recordPayment } from '@/server/services/payments/record';
import { recordGatewayPayment } from '@/server/services/payments/record-gateway-payment';
import { recordGatewayRefund } from '@/server/services/payments/record-gateway-refund';
import { refundPayment } from '@/server/services/payments/refund';
import { ctxOf, givenCustomer, givenProduct, givenUser } from '../support/fixtures';

/**
 * What a busy desk does to one customer, as data: fast-check generates and shrinks these, the
 * regression tests spell them out. Targets are indexes into what exists when the operation runs
 * (taken modulo the count), so any sequence is runnable and a shrunk one stays meaningful.
 *
 * A share says how much of the natural amount to use: all of it, a percent of it, or more than
 * it (the desk mistyping, a customer paying twice): refusals are expected and counted.
 */
export type Share = 'all' | 'over' | number;
export type Op =
  | { op: 'invoice'; amount: number }
  | { op: 'order'; plan: number; paid: boolean }
  | { op: 'pay'; invoice: number; method: 'cash' | 'card' | 'bank_transfer'; share: Share }
  | { op: 'gatewayPay'; invoice: number; provider: 'stripe' | 'paypal'; share: Share }
  | { op: 'gatewayRefund'; payment: number; share: Share }
  | { op: 'refund'; invoice: number; payment: number | null; share: Share; toCredit: boolean }
  | { op: 'creditNote'; invoice: number; share: Share }
  | { op: 'debitNote'; invoice: number; amount: number }
  | { op: 'consolidate' }
  | { op: 'cancel'; invoice: number }
  | { op: 'changePlan'; service: number; plan: number }
  | { op: 'adjustCredit'; amount: number }
  | { op: 'payWithCredit'; invoice: number; by: 'client' | 'desk' };

export type Sequence = { startDay: number; opening: number; ops: Op[] };

/** Monthly prices of the plans an order may buy and a service may move between. */
export const planPrices = [3000, 6000, 12000] as const;

const pick = fc.nat({ max: 20 });
const share: fc.Arbitrary<Share> = fc.oneof(fc.constant<Share>('all'), fc.integer({ min: 1, max: 99 }), fc.constant<Share>('over'));
const amount = fc.integer({ min: 1, max: 20_000 });
const planIndex = fc.nat({ max: planPrices.length - 1 });

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('invoice' as const), amount }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('order' as const), plan: planIndex, paid: fc.boolean() }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('pay' as const),
      invoice: pick,
      method: fc.constantFrom('cash' as const, 'card' as const, 'bank_transfer' as const),
      share,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('gatewayPay' as const), invoice: pick, provider: fc.constantFrom('stripe' as const, 'paypal' as const), share }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('gatewayRefund' as const), payment: pick, share }) },
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('refund' as const), invoice: pick, payment: fc.option(pick, { nil: null }), share, toCredit: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('creditNote' as const), invoice: pick, share }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('debitNote' as const), invoice: pick, amount }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('consolidate' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), invoice: pick }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('changePlan' as const), service: pick, plan: planIndex }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('adjustCredit' as const), amount: fc.integer({ min: -5_000, max: 5_000 }).filter((n) => n !== 0) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('payWithCredit' as const), invoice: pick, by: fc.constantFrom('client' as const, 'desk' as const) }) },
);

export const sequenceArbitrary: fc.Arbitrary<Sequence> = fc.record({
  // 2027 from Jan 1 to late November: month ends, February, and no sequence crosses a year.
  startDay: fc.integer({ min: 0, max: 330 }),
  opening: amount,
  ops: fc.array(opArbitrary, { minLength: 1, maxLength: 10 }),
});

const shown = (s: Share) => (s === 'all' ? 'all' : s === 'over' ? 'more than all' : `${s}%`);

/** One line per operation, as the failure report and the regression tests read them. */
export function describeOp(o: Op): string {
  switch (o.op) {
    case 'invoice':
      return `create invoice of ${o.amount}`;
    case 'order':
      return `place order for plan ${planPrices[o.plan]}${o.paid ? ' and pay it' : ''}`;
    case 'pay':
      return `pay ${shown(o.share)} of invoice #${o.invoice} by ${o.method}`;
    case 'gatewayPay':
      return `${o.provider} pays ${shown(o.share)} of invoice #${o.invoice}`;
    case 'gatewayRefund':
      return `gateway refunds ${o.share === 'over' ? 'all that is left' : shown(o.share)} of gateway payment #${o.payment}`;
    case 'refund':
      return `refund ${shown(o.share)} of invoice #${o.invoice}${o.payment === null ? '' : ` payment #${o.payment}`}${o.toCredit ? ' to credit' : ''}`;
    case 'creditNote':
      return `credit note for ${shown(o.share)} of invoice #${o.invoice}`;
    case 'debitNote':
      return `debit note of ${o.amount} on invoice #${o.invoice}`;
    case 'consolidate':
      return 'consolidate open invoices';
    case 'cancel':
      return `cancel invoice #${o.invoice}`;
    case 'changePlan':
      return `change service #${o.service} to plan ${planPrices[o.plan]}`;
    case 'adjustCredit':
      return `adjust credit by ${o.amount}`;
    case 'payWithCredit':
      return `${o.by === 'client' ? 'client pays' : 'desk applies credit to'} invoice #${o.invoice} from credit`;
  }
}

export const describeSequence = (s: Sequence) =>
  [`start day ${s.startDay} of 2027, opening invoice of ${s.opening}`, ...s.ops.map((o, i) => `${i + 1}. ${describeOp(o)}`)].join('\n');

export type Desk = { db: Database; admin: Actor; plans: string[] };

/** What the desk needs once per database: an admin and the plans. */
export async function openDesk(db: Database): Promise<Desk> {
  const { actor } = await givenUser(db, 'admin');
  const plans = [];
  for (const monthly of planPrices) plans.push((await givenProduct(db, { monthly, name: `Plan ${monthly}` })).id);
  return { db, admin: actor, plans };
}

type GatewayPayment = { paymentId: string; provider: 'stripe' | 'paypal'; providerPaymentId: string; amount: bigint; refundedAtGateway: bigint };
export type Violation = { invariant: string; detail: string };
export type Tally = { sequences: number; operations: number; refusals: number; skipped: number };

/**
 * One customer's world, and what the real world knows that Cashdesk's tables may not: what the
 * gateways took and gave back, and what the documents looked like when they became final.
 */
export type World = {
  desk: Desk;
  customerId: string;
  currency: string;
  client: Actor;
  gatewayPayments: GatewayPayment[];
  gatewayRefunded: bigint;
  /** Money a gateway gave back that the desk could not take back from anywhere (flagged for review). */
  unrecoverable: bigint;
  finalMoney: Map<string, string>;
  violations: Violation[];
  day: number;
  serial: number;
};

const DAY = 86_400_000;
const epoch = Date.UTC(2027, 0, 1, 10);

export async function openWorld(desk: Desk, sequence: Pick<Sequence, 'startDay' | 'opening'>): Promise<World> {
  const customer = await givenCustomer(desk.db, { currency: 'USD' });
  const { actor: client } = await givenUser(desk.db, 'client', { customerId: customer.id });
  const world: World = {
    desk,
    customerId: customer.id,
    currency: customer.currency,
    client,
    gatewayPayments: [],
    gatewayRefunded: 0n,
    unrecoverable: 0n,
    finalMoney: new Map(),
    violations: [],
    day: sequence.startDay,
    serial: 0,
  };
  await createInvoice(deskCtx(world), { customerId: world.customerId, status: 'pending', items: [item('Opening', BigInt(sequence.opening))] });
  return world;
}

const item = (description: string, unitPrice: bigint) => ({ description, quantity: 1000n, unitPrice, taxRate: 0n });
const now = (world: World) => new Date(epoch + world.day * DAY);
const deskCtx = (world: World) => ctxOf(world.desk.db, world.desk.admin, now(world));
const unique = (world: World, what: string) => `${what}_${world.customerId.slice(0, 8)}_${++world.serial}`;

function sharedAmount(base: bigint, s: Share): bigint {
  if (s === 'all') return base;
  if (s === 'over') return base + (base > 1n ? base / 2n : 1n);
  const part = (base * BigInt(s)) / 100n;
  return part > 0n ? part : 1n;
}

const at = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);

/** The customer's payable documents (invoices and debit notes), in the order they were made. */
async function documentsOf(world: World) {
  return world.desk.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.customerId, world.customerId), inArray(invoices.kind, ['invoice', 'debit_note'])))
    .orderBy(asc(invoices.createdAt), asc(invoices.number));
}

const balanceOf = (row: typeof invoices.$inferSelect) => (['cancelled', 'refunded', 'draft'].includes(row.status) ? 0n : row.total - row.amountPaid);

/**
 * Runs one operation through the services, on the day after the previous one. A refusal
 * (AppError) is a normal answer of the desk; anything else is a failure of the property.
 */
export async function apply(world: World, o: Op, tally: Tally): Promise<void> {
  world.day += 1;
  const run = await prepare(world, o);
  if (!run) {
    tally.skipped += 1;
    return;
  }
  tally.operations += 1;
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    tally.refusals += 1;
  }
  await watchFinalDocuments(world, o);
}

async function prepare(world: World, o: Op): Promise<(() => Promise<unknown>) | undefined> {
  const ctx = deskCtx(world);
  const { db } = world.desk;
  switch (o.op) {
    case 'invoice':
      return () => createInvoice(ctx, { customerId: world.customerId, status: 'pending', items: [item('Hosting', BigInt(o.amount))] });
    case 'order':
      return async () => {
        const order = await placeOrder(
          ctx,
          camelized(placeOrderInput).parse({ customer_id: world.customerId, items: [{ product_id: world.desk.plans[o.plan], cycle: 'monthly' }] }),
        );
        if (o.paid) await markInvoicePaid(ctx, { id: order.invoiceId!, method: 'card' });
      };
    case 'pay': {
      const invoice = at(await documentsOf(world), o.invoice);
      if (!invoice) return undefined;
      const base = balanceOf(invoice) > 0n ? balanceOf(invoice) : invoice.total;
      return () => recordPayment(ctx, { invoiceId: invoice.id, amount: sharedAmount(base, o.share), method: o.method });
    }
    case 'gatewayPay': {
      const invoice = at(await documentsOf(world), o.invoice);
      if (!invoice) return undefined;
      const base = balanceOf(invoice) > 0n ? balanceOf(invoice) : invoice.total;
      const money = sharedAmount(base, o.share);
      const providerPaymentId = unique(world, o.provider === 'stripe' ? 'pi' : 'CAPTURE');
      return async () => {
        const { payment } = await recordGatewayPayment(ctxOf(db, systemActor(o.provider), now(world)), {
          invoiceId: invoice.id,
          provider: o.provider,
          providerPaymentId,
          amount: money,
          currency: invoice.currency,
          paidAt: now(world),
          via: 'webhook',
        });
        world.gatewayPayments.push({ paymentId: payment.id, provider: o.provider, providerPaymentId, amount: money, refundedAtGateway: 0n });
      };
    }
    case 'gatewayRefund': {
      // A gateway refunds at most what it still holds of a charge; 'over' is the whole rest.
      const charge = at(
        world.gatewayPayments.filter((p) => p.refundedAtGateway < p.amount),
        o.payment,
      );
      if (!charge) return undefined;
      const held = charge.amount - charge.refundedAtGateway;
      const money = o.share === 'over' ? held : sharedAmount(held, o.share);
      return () => gatewayRefund(world, charge, money);
    }
    case 'refund': {
      const invoice = at(await documentsOf(world), o.invoice);
      if (!invoice) return undefined;
      const own = await db
        .select()
        .from(payments)
        .where(eq(payments.invoiceId, invoice.id))
        .orderBy(asc(payments.createdAt), asc(payments.amount), asc(payments.method));
      const payment = o.payment === null ? undefined : at(own, o.payment);
      const refundable = invoice.amountPaid - invoice.amountRefunded;
      const money = o.share === 'all' ? undefined : sharedAmount(refundable > 0n ? refundable : invoice.total, o.share);
      return () => refundPayment(ctx, { invoiceId: invoice.id, paymentId: payment?.id, amount: money, toCredit: o.toCredit, reason: 'Desk refund' });
    }
    case 'creditNote': {
      const invoice = at(await documentsOf(world), o.invoice);
      if (!invoice) return undefined;
      const money = sharedAmount(invoice.total, o.share);
      return () => correctInvoice(ctx, { invoiceId: invoice.id, kind: 'credit_note', items: [item('Goodwill', money)], reason: 'Credit' });
    }
    case 'debitNote': {
      const invoice = at(await documentsOf(world), o.invoice);
      if (!invoice) return undefined;
      return () => correctInvoice(ctx, { invoiceId: invoice.id, kind: 'debit_note', items: [item('Extra work', BigInt(o.amount))], reason: 'Debit' });
    }
    case 'consolidate':
      return () => consolidateInvoices(ctx, { customerId: world.customerId });
    case 'cancel': {
      const invoice = at(await documentsOf(world), o.invoice);
      if (!invoice) return undefined;
      return () => cancelInvoice(ctx, { id: invoice.id });
    }
    case 'changePlan': {
      const own = await db.select().from(services).where(eq(services.customerId, world.customerId)).orderBy(asc(services.createdAt));
      const service = at(own, o.service);
      if (!service) return undefined;
      return () => changePlan(ctx, { serviceId: service.id, productId: world.desk.plans[o.plan]!, cycle: 'monthly', preview: false });
    }
    case 'adjustCredit':
      return () => adjustCredit(ctx, { customerId: world.customerId, amount: BigInt(o.amount), reason: 'Desk adjustment' });
    case 'payWithCredit': {
      const invoice = at(await documentsOf(world), o.invoice);
      if (!invoice) return undefined;
      if (o.by === 'desk') return () => applyCredit(ctx, { id: invoice.id });
      return () => payWithCredit(ctxOf(db, world.client, now(world)), { invoiceId: invoice.id });
    }
  }
}

/**
 * The gateway has already given the money back when its webhook arrives, so the real world's
 * money out moves whatever Cashdesk records. What Cashdesk cannot match must be taken back
 * from the customer's credit first (DESIGN.md §10); only what is already spent may be left to a
 * person, and that is what the conservation identity may then miss.
 */
async function gatewayRefund(world: World, charge: GatewayPayment, money: bigint): Promise<void> {
  const before = await booksOverWorld(world);
  charge.refundedAtGateway += money;
  world.gatewayRefunded += money;
  const outcome = await recordGatewayRefund(ctxOf(world.desk.db, systemActor(charge.provider), now(world)), {
    provider: charge.provider,
    providerPaymentId: charge.providerPaymentId,
    providerRefundId: unique(world, 're'),
    amount: money,
  });
  const unmatched = (await booksOverWorld(world)) - before;
  if (unmatched === 0n) return;
  const credit = await creditBalance(world.desk.db, world.customerId, world.currency);
  if (unmatched < 0n) {
    world.violations.push({
      invariant: 'gateway refunds are recorded as the gateway made them',
      detail: `day ${world.day}: the gateway returned ${money} of ${charge.providerPaymentId}; Cashdesk took ${money - unmatched} off the books (${outcome})`,
    });
  } else if (credit > 0n) {
    world.violations.push({
      invariant: 'gateway refunds take unused credit back first',
      detail: `day ${world.day}: the gateway returned ${money} of ${charge.providerPaymentId}; ${unmatched} of it stayed on the books although ${credit} credit was left (${outcome})`,
    });
  }
  world.unrecoverable += unmatched;
}

/**
 * Cancelled and refunded are final (DESIGN.md §3): once a document is either, the money on it
 * never moves again. This is what "a consolidated source is refunded only through its parent"
 * (§10) looks like from outside.
 */
async function watchFinalDocuments(world: World, o: Op): Promise<void> {
  for (const row of await documentsOf(world)) {
    if (row.status !== 'cancelled' && row.status !== 'refunded') continue;
    const money = `${row.status} paid ${row.amountPaid} refunded ${row.amountRefunded}`;
    const seen = world.finalMoney.get(row.id);
    if (seen === undefined) world.finalMoney.set(row.id, money);
    else if (seen !== money) {
      world.violations.push({ invariant: 'cancelled and refunded documents are final', detail: `${row.number}: ${seen} → ${money} after "${describeOp(o)}"` });
      world.finalMoney.set(row.id, money);
    }
  }
}

type Books = Awaited<ReturnType<typeof readBooks>>;

async function readBooks(world: World) {
  const { db } = world.desk;
  const [documents, paid, returned, ledger] = await Promise.all([
    db.select().from(invoices).where(eq(invoices.customerId, world.customerId)),
    db.select().from(payments).where(eq(payments.customerId, world.customerId)),
    db.select({ refund: refunds }).from(refunds).innerJoin(invoices, eq(invoices.id, refunds.invoiceId)).where(eq(invoices.customerId, world.customerId)),
    db.select().from(creditLedger).where(eq(creditLedger.customerId, world.customerId)).orderBy(asc(creditLedger.createdAt)),
  ]);
  return { documents, payments: paid, refunds: returned.map((r) => r.refund), ledger };
}

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const entry of items) groups.set(key(entry), [...(groups.get(key(entry)) ?? []), entry]);
  return groups;
}

/**
 * Conservation, exact to the cent, per currency. Every credit-ledger entry is one of:
 * overpayment (what a real payment brought beyond what its invoice took), credit_note (a credit
 * note put on the balance: corrections and downgrades), refund_to_credit, adjustment, and
 * applied_to_invoice (−, a `credit` payment). Summing the books:
 *
 *   Σ amount_paid     = (real payments − overpayments) + credit payments
 *   Σ amount_refunded = refunds out + refunds to credit
 *   balance           = overpayments + credit notes + refunds to credit + adjustments − credit payments
 *
 * so   real payments + adjustments − refunds out
 *    = Σ(amount_paid − amount_refunded) over invoices and debit notes − credit notes credited + balance.
 *
 * "Refunds out" is what the world saw leave: refunds the desk recorded to a card or by hand, and
 * every refund a gateway reported (whether Cashdesk matched it or not). This returns the right side
 * minus the left, what the books hold for the customer beyond what the world left with us: zero,
 * but for gateway refunds left to a person because the credit they should come from was spent.
 */
async function booksOverWorld(world: World, books?: Books): Promise<bigint> {
  const b = books ?? (await readBooks(world));
  const c = world.currency;
  const realIn = sum(b.payments.filter((p) => p.currency === c && p.method !== 'credit').map((p) => p.amount));
  const adjustments = sum(b.ledger.filter((e) => e.currency === c && e.kind === 'adjustment').map((e) => e.amount));
  const deskOut = sum(b.refunds.filter((r) => r.currency === c && !r.toCredit && r.provider === null).map((r) => r.amount));
  const kept = sum(
    b.documents.filter((d) => d.currency === c && (d.kind === 'invoice' || d.kind === 'debit_note')).map((d) => d.amountPaid - d.amountRefunded),
  );
  const credited = sum(b.ledger.filter((e) => e.currency === c && e.kind === 'credit_note').map((e) => e.amount));
  const balance = sum(b.ledger.filter((e) => e.currency === c).map((e) => e.amount));
  return kept - credited + balance - (realIn + adjustments - (deskOut + world.gatewayRefunded));
}

/** Everything that must hold for a customer after any sequence; an empty list when it does. */
export async function checkWorld(world: World): Promise<Violation[]> {
  const books = await readBooks(world);
  const found: Violation[] = [...world.violations];
  const fail = (invariant: string, detail: string) => found.push({ invariant, detail });
  const creditNotes = books.documents.filter((d) => d.kind === 'credit_note');
  const creditedBy = (noteId: string) =>
    sum(books.ledger.filter((e) => e.kind === 'credit_note' && e.invoiceId === noteId && e.amount > 0n).map((e) => e.amount));

  for (const d of books.documents) {
    const name = d.number ?? d.id;
    if (d.amountPaid < 0n || d.amountPaid > d.total) fail('amount_paid ≤ total', `${name}: paid ${d.amountPaid} of ${d.total}`);
    if (d.amountRefunded < 0n || d.amountRefunded > d.amountPaid)
      fail('amount_refunded ≤ amount_paid', `${name}: refunded ${d.amountRefunded} of ${d.amountPaid} paid`);
    const status = statusProblem(d);
    if (status) fail('statuses agree with balances', `${name}: ${status}`);
    if (d.kind === 'credit_note') continue;

    const own = books.payments.filter((p) => p.invoiceId === d.id && p.currency === d.currency);
    const beyond = sum(books.ledger.filter((e) => e.kind === 'overpayment' && e.invoiceId === d.id && e.amount > 0n).map((e) => e.amount));
    if (sum(own.map((p) => p.amount)) - beyond !== d.amountPaid) {
      fail(
        'amount_paid is what its payments applied',
        `${name}: amount_paid ${d.amountPaid}, payments ${sum(own.map((p) => p.amount))}, beyond the balance ${beyond}`,
      );
    }
    const refunded = sum(books.refunds.filter((r) => r.invoiceId === d.id).map((r) => r.amount));
    if (refunded !== d.amountRefunded) fail('amount_refunded is the sum of its refunds', `${name}: amount_refunded ${d.amountRefunded}, refunds ${refunded}`);

    // A credit note settles what is open on its own invoice at once: that is neither money
    // received nor credit given back.
    const notes = creditNotes.filter((n) => n.correctsInvoiceId === d.id);
    const settled = sum(own.filter((p) => p.method === 'credit' && notes.some((n) => n.number === p.reference)).map((p) => p.amount));
    const received = d.amountPaid - settled;
    const givenBack = refunded + sum(notes.map((n) => creditedBy(n.id))) - settled;
    if (givenBack > received) {
      fail(
        'no invoice gives back more than it took',
        `${name}: received ${received}, gave back ${givenBack} (refunds ${refunded}, credit notes on the balance ${givenBack - refunded + settled}, settling ${settled})`,
      );
    }
  }

  for (const [orderId, own] of groupBy(
    books.documents.filter((d) => d.orderId),
    (d) => d.orderId!,
  )) {
    if (own.some((d) => d.consolidatedIntoId)) continue; // its money now lives on a parent without an order
    const payable = own.filter((d) => d.kind !== 'credit_note');
    const notes = own.filter((d) => d.kind === 'credit_note');
    const settled = sum(
      books.payments
        .filter((p) => p.method === 'credit' && payable.some((d) => d.id === p.invoiceId) && notes.some((n) => n.number === p.reference))
        .map((p) => p.amount),
    );
    const received = sum(payable.map((d) => d.amountPaid)) - settled;
    const givenBack = sum(payable.map((d) => d.amountRefunded)) + sum(notes.map((n) => creditedBy(n.id))) - settled;
    if (givenBack > received) {
      fail(
        'no order gives back more than it took',
        `order ${orderId.slice(0, 8)}: received ${received}, gave back ${givenBack} in refunds and credit notes (proration credits included)`,
      );
    }
  }

  for (const currency of new Set(books.ledger.map((e) => e.currency))) {
    const entries = books.ledger.filter((e) => e.currency === currency);
    let running = 0n;
    for (const [at, group] of groupBy(entries, (e) => e.createdAt.getTime())) {
      running += sum(group.map((e) => e.amount));
      if (running < 0n) fail('credit balance ≥ 0', `${currency} ${running} on ${new Date(at).toISOString().slice(0, 10)}`);
    }
    const reported = await creditBalance(world.desk.db, world.customerId, currency);
    if (reported !== running) fail('credit balance = Σ ledger', `${currency}: creditBalance ${reported}, ledger ${running}`);
  }
  const customer = await getCustomer(deskCtx(world), { id: world.customerId });
  const ledgerBalance = sum(books.ledger.filter((e) => e.currency === customer.currency).map((e) => e.amount));
  if (customer.creditBalance !== ledgerBalance) fail('credit balance = Σ ledger', `getCustomer says ${customer.creditBalance}, ledger ${ledgerBalance}`);

  const overWorld = await booksOverWorld(world, books);
  if (overWorld !== world.unrecoverable) {
    fail(
      'money in + credit granted − money out = kept + credit',
      `the books hold ${overWorld - world.unrecoverable} more than the world left with us (beside ${world.unrecoverable} flagged and unrecoverable)`,
    );
  }
  return found;
}

function statusProblem(d: typeof invoices.$inferSelect): string | null {
  const { status, total, amountPaid: paid, amountRefunded: refunded } = d;
  if (d.kind === 'credit_note') return status === 'paid' && paid === total ? null : `credit note ${status} with ${paid} of ${total}`;
  switch (status) {
    case 'pending':
      return paid === 0n ? null : `pending with ${paid} paid`;
    case 'partial':
    case 'overdue':
      return paid < total && (status === 'overdue' || paid > 0n) ? null : `${status} with ${paid} of ${total} paid`;
    case 'paid':
      return paid === total ? null : `paid with ${paid} of ${total}`;
    case 'refunded':
      return paid > 0n && refunded === paid ? null : `refunded with ${refunded} of ${paid} paid back`;
    case 'cancelled':
      return paid === 0n || d.consolidatedIntoId ? null : `cancelled with ${paid} paid and no parent`;
    case 'draft':
      return d.number === null ? null : 'a numbered draft';
  }
}

/**
 * Numbers are gapless and unique per series and year across the whole database (the series
 * are shared by every customer): 1..n, each once, n being the counter's last value.
 */
export async function checkNumbering(db: Database): Promise<Violation[]> {
  const counted = (table: typeof invoices | typeof orders, series: SQL) =>
    db
      .select({
        series,
        year: sql<number>`substring(${table.number} from '-(\\d{4})-')::int`,
        count: sql<number>`count(*)::int`,
        distinct: sql<number>`count(distinct ${table.number})::int`,
        max: sql<number>`max(substring(${table.number} from '(\\d+)$')::int)`,
      })
      .from(table)
      .where(isNotNull(table.number))
      .groupBy(sql`1`, sql`2`);
  const [documents, orderRows, counters] = await Promise.all([
    counted(invoices, sql<string>`${invoices.kind}::text`),
    counted(orders, sql<string>`'order'`),
    db.select().from(numberCounters),
  ]);
  const found: Violation[] = [];
  for (const row of [...documents, ...orderRows]) {
    const last = counters.find((c) => c.series === row.series && Number(c.year) === row.year)?.last;
    if (row.count !== row.distinct || row.count !== row.max || BigInt(row.max) !== last) {
      found.push({
        invariant: 'numbers gapless and unique per series',
        detail: `${row.series} ${row.year}: ${row.count} numbers, ${row.distinct} distinct, highest ${row.max}, counter at ${last}`,
      });
    }
  }
  return found;
}
