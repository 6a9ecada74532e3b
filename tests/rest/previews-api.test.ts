import { count, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as consolidate } from '@/app/api/v1/customers/[id]/consolidate/route';
import { POST as creditNote } from '@/app/api/v1/invoices/[id]/credit-notes/route';
import { POST as debitNote } from '@/app/api/v1/invoices/[id]/debit-notes/route';
import { POST as pay } from '@/app/api/v1/invoices/[id]/payments/route';
import { POST as refund } from '@/app/api/v1/invoices/[id]/refunds/route';
import { PATCH as patchInvoice } from '@/app/api/v1/invoices/[id]/route';
import { POST as editPrice } from '@/app/api/v1/orders/[id]/edit-price/route';
import {
  auditLog,
  creditLedger,
  emailOutbox,
  invoiceLines,
  invoices,
  ledgerTransactions,
  numberCounters,
  orderLines,
  payments,
  refunds,
  services,
  workflowEvents,
} from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenProduct } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

// API.md, "Previews": `preview: true` answers with what the call would write and writes nothing.
const { db } = withTestDatabase();
type Handler = (request: Request, route: ReturnType<typeof params>) => Promise<Response>;

let admin: string;
let noPermissions: string;

async function call(handler: Handler, path: string, body: unknown, init: { key?: string; method?: string } = {}) {
  const id = /\/(?:customers|orders|invoices)\/([0-9a-f-]{36})/.exec(path)?.[1];
  const response = await handler(apiRequest(path, { method: init.method ?? 'POST', key: init.key ?? admin, body }), params(id ? { id } : {}));
  return { status: response.status, body: await response.json() };
}

type Counted =
  | typeof invoices
  | typeof invoiceLines
  | typeof payments
  | typeof refunds
  | typeof ledgerTransactions
  | typeof auditLog
  | typeof workflowEvents
  | typeof creditLedger
  | typeof emailOutbox;
async function rows(table: Counted) {
  return (await db().select({ n: count() }).from(table))[0]!.n;
}

/** Everything a money action could write: row counts, the number counters, and every invoice's, line's, order line's and service's figures. */
async function book() {
  return {
    invoices: await rows(invoices),
    lines: await rows(invoiceLines),
    payments: await rows(payments),
    refunds: await rows(refunds),
    ledger: await rows(ledgerTransactions),
    credit: await rows(creditLedger),
    audit: await rows(auditLog),
    events: await rows(workflowEvents),
    outbox: await rows(emailOutbox),
    counters: await db()
      .select()
      .from(numberCounters)
      .orderBy(sql`1, 2`),
    figures: await db().execute(
      sql`select id, status, total, amount_paid, amount_refunded, amount_credited, consolidated_into_id, updated_at from invoices order by id`,
    ),
    lineFigures: await db().execute(sql`select id, unit_price, total from invoice_lines order by id`),
    orderLines: await db().select({ id: orderLines.id, unitPrice: orderLines.unitPrice }).from(orderLines).orderBy(orderLines.id),
    services: await db().select({ id: services.id, price: services.price }).from(services).orderBy(services.id),
  };
}

// Ids of documents a preview shows were never written, links follow them, and instants are the
// request's (the real call comes a moment later); the rest must match.
const unstable = new Set(['id', 'invoice_id', 'credit_note_id', 'public_url', 'preview']);
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !unstable.has(key) && !key.endsWith('_at'))
        .map(([key, v]) => [key, comparable(v)]),
    );
  }
  return value;
}

/** Previews, checks nothing was written, then makes the real call and checks the preview showed exactly it. */
async function previewThenAct(handler: Handler, path: string, body: Record<string, unknown>, status: number, method = 'POST') {
  const before = await book();
  const preview = await call(handler, path, { ...body, preview: true }, { method });
  expect(preview.status).toBe(200);
  expect(preview.body.preview).toBe(true);
  expect(await book()).toEqual(before);
  const real = await call(handler, path, body, { method });
  expect(real.status).toBe(status);
  expect(real.body.preview).toBeUndefined();
  expect(comparable(preview.body)).toEqual(comparable(real.body));
  return { preview: preview.body, real: real.body };
}

async function paidInvoice(total = 10_000) {
  const customerId = (await givenCustomer(db(), { currency: 'EUR' })).id;
  const invoice = await givenInvoice(db(), { customerId, total: BigInt(total), currency: 'EUR' });
  expect((await call(pay, `/api/v1/invoices/${invoice.id}/payments`, { amount: total, method: 'cash' })).status).toBe(201);
  return invoice;
}

async function givenOrder() {
  const product = await givenProduct(db(), { monthly: 1000, autoActivate: true });
  const customer = await givenCustomer(db());
  return placeOrder(
    ctxOf(db(), systemActor()),
    camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
  );
}

beforeAll(async () => {
  admin = await givenApiKey(db(), 'admin');
  noPermissions = await givenApiKey(db(), 'staff');
});

describe('POST /api/v1/invoices/:id/refunds with preview', () => {
  it('shows a partial refund’s refund, credit note and invoice, writes nothing, and the refund then writes the same', async () => {
    const invoice = await paidInvoice();
    const { preview } = await previewThenAct(refund, `/api/v1/invoices/${invoice.id}/refunds`, { amount: 2500, reason: 'Goodwill' }, 201);
    expect(preview).toMatchObject({
      refund: { amount: 2500 },
      invoice: { status: 'paid', amount_refunded: 2500 },
      credit_note: { kind: 'credit_note', total: 2500 },
    });
    expect(preview.credit_note.number).toMatch(/^CN-/);
  });

  it('shows a full refund to credit making the invoice refunded', async () => {
    const invoice = await paidInvoice(4000);
    const { preview } = await previewThenAct(refund, `/api/v1/invoices/${invoice.id}/refunds`, { to_credit: true }, 201);
    expect(preview).toMatchObject({ refund: { amount: 4000, to_credit: true }, invoice: { status: 'refunded' }, credit_note_id: null, credit_note: null });
  });
});

describe('POST /api/v1/invoices/:id/credit-notes and debit-notes with preview', () => {
  it('shows the credit note with its number and total, writes nothing, and the note then issued is the same', async () => {
    const invoice = await paidInvoice();
    const body = { items: [{ description: 'Outage', quantity: 1, unit_price: 1500, tax_rate: 0 }], reason: 'SLA credit' };
    const { preview } = await previewThenAct(creditNote, `/api/v1/invoices/${invoice.id}/credit-notes`, body, 201);
    expect(preview).toMatchObject({ kind: 'credit_note', total: 1500, corrects_invoice_id: invoice.id });
    expect(preview.number).toMatch(/^CN-/);
  });

  it('shows the debit note', async () => {
    const invoice = await paidInvoice();
    const body = { items: [{ description: 'Extra hours', quantity: 2, unit_price: 700, tax_rate: 0 }], reason: 'Overtime' };
    const { preview } = await previewThenAct(debitNote, `/api/v1/invoices/${invoice.id}/debit-notes`, body, 201);
    expect(preview).toMatchObject({ kind: 'debit_note', status: 'pending', total: 1400 });
  });
});

describe('POST /api/v1/customers/:id/consolidate with preview', () => {
  it('shows the parent invoice, leaves the sources open, and the consolidation then writes the same', async () => {
    const customerId = (await givenCustomer(db(), { currency: 'EUR' })).id;
    await givenInvoice(db(), { customerId, total: 1000n, currency: 'EUR' });
    await givenInvoice(db(), { customerId, total: 2000n, currency: 'EUR' });
    const { preview } = await previewThenAct(consolidate, `/api/v1/customers/${customerId}/consolidate`, {}, 201);
    expect(preview).toMatchObject({ kind: 'invoice', status: 'pending', total: 3000 });
    expect(preview.items).toHaveLength(2);
  });

  it('refuses as the real call does: fewer than two open invoices (409)', async () => {
    const customerId = (await givenCustomer(db(), { currency: 'EUR' })).id;
    expect((await call(consolidate, `/api/v1/customers/${customerId}/consolidate`, { preview: true })).status).toBe(409);
  });
});

describe('PATCH /api/v1/invoices/:id with preview', () => {
  it('shows the invoice as the edit leaves it, writes nothing, and the edit then writes the same', async () => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    const body = { items: [{ description: 'Hosting, upgraded', quantity: 3, unit_price: 1200, tax_rate: 10 }], notes: 'Upgraded' };
    const { preview } = await previewThenAct(patchInvoice, `/api/v1/invoices/${invoice.id}`, body, 200, 'PATCH');
    expect(preview).toMatchObject({ number: invoice.number, subtotal: 3600, tax_total: 360, total: 3960, notes: 'Upgraded' });
  });
});

describe('POST /api/v1/orders/:id/edit-price with preview', () => {
  it('shows the unpaid first invoice edited', async () => {
    const order = await givenOrder();
    const body = { line_id: order.lines[0]!.id, unit_price: 1500, reason: 'Negotiated' };
    const { preview } = await previewThenAct(editPrice, `/api/v1/orders/${order.id}/edit-price`, body, 200);
    expect(preview).toMatchObject({ document: 'invoice_edited', invoice_id: order.invoiceId, total_change: 500, order: { total: 1500 } });
  });

  it('shows the debit note a paid order’s rise issues', async () => {
    const order = await givenOrder();
    await markInvoicePaid(ctxOf(db(), systemActor()), { id: order.invoiceId! });
    const body = { line_id: order.lines[0]!.id, unit_price: 1300, reason: 'Price rise' };
    const { preview } = await previewThenAct(editPrice, `/api/v1/orders/${order.id}/edit-price`, body, 200);
    expect(preview).toMatchObject({ document: 'debit_note', total: 300, total_change: 300 });
    expect(preview.number).toMatch(/^DN-/);
  });
});

describe('a preview is refused as the real call is', () => {
  it('400 for bad input, 403 without the permission, and writes nothing', async () => {
    const invoice = await paidInvoice();
    const order = await givenOrder();
    const customerId = invoice.customerId;
    const before = await book();
    const cases: Array<[Handler, string, Record<string, unknown>, string?]> = [
      [refund, `/api/v1/invoices/${invoice.id}/refunds`, { amount: 0 }],
      [creditNote, `/api/v1/invoices/${invoice.id}/credit-notes`, { items: [], reason: 'x' }],
      [debitNote, `/api/v1/invoices/${invoice.id}/debit-notes`, { items: [{ description: 'x', quantity: 1, unit_price: 1 }] }],
      [consolidate, `/api/v1/customers/${customerId}/consolidate`, { currency: 'euro' }],
      [patchInvoice, `/api/v1/invoices/${invoice.id}`, { items: [{ description: '', quantity: 1, unit_price: 1 }] }, 'PATCH'],
      [editPrice, `/api/v1/orders/${order.id}/edit-price`, { line_id: order.lines[0]!.id, unit_price: -1, reason: 'x' }],
    ];
    for (const [handler, path, body, method] of cases) {
      expect((await call(handler, path, { ...body, preview: true }, { method })).status, path).toBe(400);
      expect((await call(handler, path, { ...body, preview: 'yes' }, { method })).status, path).toBe(400);
      expect((await call(handler, path, { ...body, preview: true }, { method, key: noPermissions })).status, path).toBe(403);
    }
    expect(await book()).toEqual(before);
  });
});
