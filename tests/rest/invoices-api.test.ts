import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as adjustCredit } from '@/app/api/v1/customers/[id]/credit/route';
import { GET as getCustomer, PATCH as patchCustomer } from '@/app/api/v1/customers/[id]/route';
import { POST as cancel } from '@/app/api/v1/invoices/[id]/cancel/route';
import { POST as finalize } from '@/app/api/v1/invoices/[id]/finalize/route';
import { POST as markPaid } from '@/app/api/v1/invoices/[id]/mark-paid/route';
import { POST as pay } from '@/app/api/v1/invoices/[id]/payments/route';
import { POST as regenerate } from '@/app/api/v1/invoices/[id]/regenerate-token/route';
import { GET as getOne, PATCH as patch } from '@/app/api/v1/invoices/[id]/route';
import { POST as send } from '@/app/api/v1/invoices/[id]/send/route';
import { POST as create, GET as list } from '@/app/api/v1/invoices/route';
import { GET as publicInvoice } from '@/app/api/v1/public/invoices/[id]/route';
import { GET as getSettings, PATCH as patchSettings } from '@/app/api/v1/settings/billing/route';
import { invoiceLines, invoices, payments } from '@/db/schema';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

// Served as a deployment behind a proxy: links from its public URL, callers' addresses from the
// proxy's X-Forwarded-For.
vi.hoisted(() => {
  process.env.CASHDESK_PUBLIC_URL = 'https://billing.example.test';
  process.env.CASHDESK_TRUSTED_PROXIES = '10.0.0.0/8';
});

const { db } = withTestDatabase();
let key: string;
let customerId: string;

const req = (path: string, init: Parameters<typeof apiRequest>[1] = {}) => apiRequest(path, { defaultKey: key, ...init });
const json = async (response: Response) => ({ status: response.status, body: await response.json() });
const counts = async () => ({
  invoices: (await db().select({ n: count() }).from(invoices))[0]!.n,
  lines: (await db().select({ n: count() }).from(invoiceLines))[0]!.n,
  payments: (await db().select({ n: count() }).from(payments))[0]!.n,
});

async function newInvoice(body: Record<string, unknown> = {}) {
  const response = await create(
    req('/api/v1/invoices', {
      method: 'POST',
      body: { customer_id: customerId, items: [{ description: 'Hosting', quantity: 1, unit_price: 1000 }], ...body },
    }),
    params(),
  );
  expect(response.status).toBe(201);
  return response.json();
}

beforeAll(async () => {
  key = await givenApiKey(db(), 'admin');
  customerId = (await givenCustomer(db(), { name: 'Invoice Customer', currency: 'EUR' })).id;
});

describe('POST /api/v1/invoices', () => {
  it('returns the invoice object of the contract with server-side totals', async () => {
    const invoice = await newInvoice({
      notes: 'Thanks',
      items: [
        { description: 'VPS', quantity: '1.5', unit_price: 1999, tax_rate: '7.375' },
        { description: 'IP', quantity: 2, unit_price: 300, tax_rate: 0, total: 999999 },
      ].map(({ total: _ignored, ...item }) => item),
    });
    expect(Object.keys(invoice).sort()).toEqual(
      [
        'amount_paid',
        'amount_refunded',
        'balance',
        'consolidated_into_id',
        'converted_invoice_id',
        'corrects_invoice_id',
        'created_at',
        'currency',
        'customer_id',
        'customer_snapshot',
        'deleted_at',
        'due_date',
        'id',
        'internal_notes',
        'issue_date',
        'items',
        'kind',
        'notes',
        'notifications',
        'number',
        'order_id',
        'order_name',
        'paid_at',
        'po_number',
        'proforma_id',
        'public_url',
        'status',
        'subtotal',
        'tax_total',
        'total',
      ].sort(),
    );
    expect(invoice).toMatchObject({
      kind: 'invoice',
      status: 'pending',
      currency: 'EUR',
      subtotal: 3599,
      tax_total: 221,
      total: 3820,
      balance: 3820,
      deleted_at: null,
    });
    expect(invoice.items[0]).toMatchObject({ quantity: '1.5', tax_rate: '7.375', unit_price: 1999, subtotal: 2999, tax: 221, total: 3220 });
    expect(Object.keys(invoice.items[0]).sort()).toEqual(
      ['code', 'description', 'id', 'period_end', 'period_start', 'quantity', 'subtotal', 'tax', 'tax_rate', 'total', 'unit_price'].sort(),
    );
    expect(invoice).toMatchObject({ order_name: null, po_number: null });
    expect(invoice.customer_snapshot).toEqual({
      name: 'Invoice Customer',
      company: null,
      email: expect.stringMatching(/@example\.test$/),
      tax_id: null,
      billing_address: null,
      place_of_supply: null,
    });
    expect(invoice.public_url).toMatch(new RegExp(`^https://billing\\.example\\.test/p/invoice/${invoice.id}\\?token=[\\w-]{43}$`));
  });

  it.each([
    ['a zero quantity', { items: [{ description: 'x', quantity: 0, unit_price: 1 }] }, 'items.0.quantity', 'must be greater than 0'],
    [
      'a float price',
      { items: [{ description: 'x', quantity: 1, unit_price: 10.5 }] },
      'items.0.unit_price',
      'must be an integer amount in minor units (no decimals)',
    ],
    [
      'four decimals',
      { items: [{ description: 'x', quantity: '1.2345', unit_price: 1 }] },
      'items.0.quantity',
      'must be a decimal with at most 3 decimal places',
    ],
    ['a rate over 100', { items: [{ description: 'x', quantity: 1, unit_price: 1, tax_rate: 101 }] }, 'items.0.tax_rate', 'must be between 0 and 100'],
    [
      'a price too large',
      { items: [{ description: 'x', quantity: 1, unit_price: 10_000_000_000_000 }] },
      'items.0.unit_price',
      'must be less than 10^13 in absolute value',
    ],
    ['an empty description', { items: [{ description: ' ', quantity: 1, unit_price: 1 }] }, 'items.0.description', 'is required'],
    ['no items', { items: [] }, 'items', 'must have at least one item'],
    ['an unknown currency', { currency: 'ABC' }, 'currency', 'must be an ISO 4217 currency code, like USD'],
    ['a string for items', { items: 'lots' }, 'items', 'must be a list of items'],
    ['an unknown field', { discount: 5 }, '_', expect.stringContaining('discount')],
    ['a bad date', { due_date: '2026-02-30' }, 'due_date', 'must be a date like 2026-01-31'],
    ['a bad customer id', { customer_id: '1; drop table invoices; --' }, 'customer_id', 'must be an id'],
  ])('answers 400 to %s and stores nothing', async (_what, override, field, message) => {
    const before = await counts();
    const response = await create(
      req('/api/v1/invoices', { method: 'POST', body: { customer_id: customerId, items: [{ description: 'x', quantity: 1, unit_price: 1 }], ...override } }),
      params(),
    );
    const { status, body } = await json(response);
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_error');
    expect(body.error.fields[field]).toEqual(message);
    expect(await counts()).toEqual(before);
  });

  it('stores SQL-looking text as plain text', async () => {
    const description = "Robert'); DROP TABLE invoices;--";
    const invoice = await newInvoice({ items: [{ description, quantity: 1, unit_price: 5 }] });
    expect(invoice.items[0].description).toBe(description);
  });

  it('answers 413 to a 10 MB body', async () => {
    const before = await counts();
    const response = await create(req('/api/v1/invoices', { method: 'POST', body: { notes: 'x'.repeat(10 * 1024 * 1024) } }), params());
    expect(response.status).toBe(413);
    expect(await counts()).toEqual(before);
  });
});

describe('invoice actions', () => {
  it('finalizes a draft, takes payments, and reports the contract’s error codes', async () => {
    const draft = await newInvoice({ status: 'draft' });
    expect(draft).toMatchObject({ number: null, public_url: '' });
    const early = await json(
      await pay(req(`/api/v1/invoices/${draft.id}/payments`, { method: 'POST', body: { amount: 10, method: 'cash' } }), params({ id: draft.id })),
    );
    expect(early).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });

    const final = await json(await finalize(req(`/api/v1/invoices/${draft.id}/finalize`, { method: 'POST' }), params({ id: draft.id })));
    expect(final.body.number).toMatch(/^INV-\d{4}-\d{5}$/);

    for (const [body, code] of [
      [{ amount: 0, method: 'cash' }, 'validation_error'],
      [{ amount: -5, method: 'cash' }, 'validation_error'],
      [{ amount: 1.5, method: 'cash' }, 'validation_error'],
      [{ amount: 10, method: 'bitcoin' }, 'validation_error'],
      [{ amount: 10, method: 'cash', paid_at: '2999-01-01T00:00:00Z' }, 'validation_error'],
      [{ amount: 1001, method: 'cash' }, 'conflict'],
    ] as const) {
      const response = await json(await pay(req(`/api/v1/invoices/${draft.id}/payments`, { method: 'POST', body }), params({ id: draft.id })));
      expect(response.body.error.code).toBe(code);
      expect(response.status).toBe(code === 'conflict' ? 409 : 400);
    }

    const partial = await json(
      await pay(
        req(`/api/v1/invoices/${draft.id}/payments`, {
          method: 'POST',
          body: { amount: 400, method: 'bank_transfer', reference: 'SEPA-1', paid_at: '2026-01-05T10:00:00Z' },
        }),
        params({ id: draft.id }),
      ),
    );
    expect(partial.status).toBe(201);
    expect(partial.body.payment).toMatchObject({ amount: 400, method: 'bank_transfer', reference: 'SEPA-1', paid_at: '2026-01-05T10:00:00.000Z' });
    expect(partial.body.invoice).toMatchObject({ status: 'partial', amount_paid: 400, balance: 600 });

    const locked = await json(await patch(req(`/api/v1/invoices/${draft.id}`, { method: 'PATCH', body: { notes: 'x' } }), params({ id: draft.id })));
    expect(locked).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });
    const noCancel = await json(await cancel(req(`/api/v1/invoices/${draft.id}/cancel`, { method: 'POST' }), params({ id: draft.id })));
    expect(noCancel).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });

    // A gateway's payment is recorded by the gateway, never marked by hand.
    const byHand = await json(
      await markPaid(req(`/api/v1/invoices/${draft.id}/mark-paid`, { method: 'POST', body: { method: 'stripe' } }), params({ id: draft.id })),
    );
    expect(byHand).toMatchObject({ status: 400, body: { error: { fields: { method: expect.stringContaining('received outside Cashdesk') } } } });
    const paid = await json(await markPaid(req(`/api/v1/invoices/${draft.id}/mark-paid`, { method: 'POST', body: {} }), params({ id: draft.id })));
    expect(paid.body.invoice).toMatchObject({ status: 'paid', balance: 0 });
    expect(paid.body.invoice.paid_at).not.toBeNull();
  });

  it('pays once for ten concurrent requests with one Idempotency-Key', async () => {
    const invoice = await newInvoice();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        pay(
          req(`/api/v1/invoices/${invoice.id}/payments`, {
            method: 'POST',
            body: { amount: 300, method: 'cash' },
            headers: { 'idempotency-key': `pay-${invoice.id}` },
          }),
          params({ id: invoice.id }),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(await db().select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
    const after = await json(await getOne(req(`/api/v1/invoices/${invoice.id}`), params({ id: invoice.id })));
    expect(after.body).toMatchObject({ amount_paid: 300, balance: 700 });
  });

  it('answers 404 for an unknown invoice', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await getOne(req(`/api/v1/invoices/${missing}`), params({ id: missing }))).status).toBe(404);
  });

  it('sends an invoice and answers the notification entry, which the invoice then lists', async () => {
    const invoice = await newInvoice();
    const sent = await json(await send(req(`/api/v1/invoices/${invoice.id}/send`, { method: 'POST', body: { channel: 'email' } }), params({ id: invoice.id })));
    expect(sent).toMatchObject({ status: 201, body: { channel: 'email', status: 'sent', triggered_by: expect.any(String) } });
    expect(sent.body.provider_message_id).toMatch(/^outbox:/);
    const after = await json(await getOne(req(`/api/v1/invoices/${invoice.id}`), params({ id: invoice.id })));
    expect(after.body.notifications).toEqual([expect.objectContaining({ channel: 'email', status: 'sent' })]);

    const bad = await json(await send(req(`/api/v1/invoices/${invoice.id}/send`, { method: 'POST', body: { channel: 'fax' } }), params({ id: invoice.id })));
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { channel: 'must be email, sms or whatsapp' } } } });
    const unconfigured = await json(
      await send(req(`/api/v1/invoices/${invoice.id}/send`, { method: 'POST', body: { channel: 'whatsapp' } }), params({ id: invoice.id })),
    );
    expect(unconfigured).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });
  });
});

describe('PO number, addressee, line period and code', () => {
  const patchOf = async (id: string, body: Record<string, unknown>) =>
    json(await patch(req(`/api/v1/invoices/${id}`, { method: 'PATCH', body }), params({ id })));

  it('edits them on an unpaid invoice: the snapshot in part, periods with both days included', async () => {
    const invoice = await newInvoice();
    const edited = await patchOf(invoice.id, {
      po_number: 'PO-7781',
      customer_snapshot: {
        name: 'Acme Corp',
        tax_id: '29ABCDE1234F1Z5',
        billing_address: { line1: '1 MG Road', city: 'Bengaluru', region: 'Karnataka', postal_code: '560001', country: 'in' },
        place_of_supply: 'Karnataka (29)',
      },
      items: [{ description: 'Support Agent — Pro', quantity: 1, unit_price: 1000, period_start: '2026-03-01', period_end: '2026-03-31', code: '998314' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      number: invoice.number,
      po_number: 'PO-7781',
      customer_snapshot: {
        name: 'Acme Corp',
        company: null,
        email: invoice.customer_snapshot.email,
        tax_id: '29ABCDE1234F1Z5',
        billing_address: { line1: '1 MG Road', city: 'Bengaluru', region: 'Karnataka', postal_code: '560001', country: 'IN' },
        place_of_supply: 'Karnataka (29)',
      },
      items: [{ period_start: '2026-03-01', period_end: '2026-03-31', code: '998314' }],
    });
    // The customer record is not the invoice's addressee: it stays as it was.
    const customer = await json(await getCustomer(req(`/api/v1/customers/${customerId}`), params({ id: customerId })));
    expect(customer.body).toMatchObject({ name: 'Invoice Customer', tax_id: null });

    // Fields left out stay; empty ones are removed.
    const again = await patchOf(invoice.id, { po_number: '', customer_snapshot: { tax_id: null } });
    expect(again.body).toMatchObject({ po_number: null, customer_snapshot: { name: 'Acme Corp', tax_id: null, place_of_supply: 'Karnataka (29)' } });
    expect(again.body.items).toEqual([expect.objectContaining({ code: '998314', period_end: '2026-03-31' })]);
  });

  it.each([
    ['an end before the start', { period_start: '2026-03-10', period_end: '2026-03-09' }, 'items.0.period_end', 'must not be before the period start'],
    ['a start without an end', { period_start: '2026-03-10' }, 'items.0.period_end', 'is required with the other end of the period'],
    ['a bad date', { period_start: '2026-02-30', period_end: '2026-03-09' }, 'items.0.period_start', 'must be a date like 2026-01-31'],
    ['a long code', { code: 'x'.repeat(51) }, 'items.0.code', 'must be at most 50 characters'],
  ])('answers 400 to %s and changes nothing', async (_what, item, field, message) => {
    const invoice = await newInvoice();
    const response = await patchOf(invoice.id, { items: [{ description: 'x', quantity: 1, unit_price: 5, ...item }] });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'validation_error', fields: { [field]: message } } } });
    const after = await json(await getOne(req(`/api/v1/invoices/${invoice.id}`), params({ id: invoice.id })));
    expect(after.body.items).toEqual(invoice.items);
  });

  it('refuses an addressee on a draft (400) and any edit of a paid invoice (409)', async () => {
    const draft = await newInvoice({ status: 'draft', items: [{ description: 'x', quantity: 1, unit_price: 5, code: '9983' }] });
    expect(draft).toMatchObject({ customer_snapshot: null, items: [{ code: '9983', period_start: null, period_end: null }] });
    const refused = await patchOf(draft.id, { customer_snapshot: { name: 'Someone else' } });
    expect(refused).toMatchObject({ status: 400, body: { error: { fields: { customer_snapshot: expect.stringContaining('finalized') } } } });
    expect((await patchOf(draft.id, { po_number: 'PO-1' })).body.po_number).toBe('PO-1');

    const paid = await newInvoice();
    await markPaid(req(`/api/v1/invoices/${paid.id}/mark-paid`, { method: 'POST', body: {} }), params({ id: paid.id }));
    for (const body of [
      { po_number: 'PO-2' },
      { customer_snapshot: { name: 'Late' } },
      { items: [{ description: 'x', quantity: 1, unit_price: 1000, code: '1' }] },
    ]) {
      expect(await patchOf(paid.id, body)).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });
    }
  });
});

describe('public invoice', () => {
  it('opens by token without internal notes, 404s on a wrong or old token, and rate-limits guessing', async () => {
    const invoice = await newInvoice({ internal_notes: 'internal: customer is slow to pay' });
    const token = new URL(invoice.public_url).searchParams.get('token')!;
    const open = await json(await publicInvoice(apiRequest(`/api/v1/public/invoices/${invoice.id}?token=${token}`), params({ id: invoice.id })));
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ id: invoice.id, total: 1000, notes: null });
    expect(open.body).not.toHaveProperty('internal_notes');

    const regenerated = await json(await regenerate(req(`/api/v1/invoices/${invoice.id}/regenerate-token`, { method: 'POST' }), params({ id: invoice.id })));
    expect(regenerated.body.public_url).not.toBe(invoice.public_url);
    const old = await publicInvoice(apiRequest(`/api/v1/public/invoices/${invoice.id}?token=${token}`), params({ id: invoice.id }));
    expect(old.status).toBe(404);

    const guess = () =>
      publicInvoice(apiRequest(`/api/v1/public/invoices/not-a-uuid?token=x`, { headers: { 'x-forwarded-for': '198.51.100.7' } }), params({ id: 'not-a-uuid' }));
    const statuses = [];
    for (let i = 0; i < 32; i++) statuses.push((await guess()).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});

describe('lists and CSV', () => {
  it('filters by status, customer, dates, currency, amount, and pages with cursors', async () => {
    const other = await givenCustomer(db(), { name: 'Filter Target', currency: 'GBP' });
    const make = (unit_price: number, issue_date: string) =>
      create(
        req('/api/v1/invoices', { method: 'POST', body: { customer_id: other.id, issue_date, items: [{ description: 'x', quantity: 1, unit_price }] } }),
        params(),
      );
    for (const [amount, date] of [
      [100, '2026-01-10'],
      [200, '2026-02-10'],
      [300, '2026-03-10'],
      [400, '2026-04-10'],
    ] as const) {
      expect((await make(amount, date)).status).toBe(201);
    }
    const query = async (q: string) => (await json(await list(req(`/api/v1/invoices?${q}`), params()))).body;
    expect((await query('customer=filter%20target')).data).toHaveLength(4);
    expect((await query(`customer=${other.id}&from=2026-02-01&to=2026-03-31`)).data.map((i: { total: number }) => i.total)).toEqual([300, 200]);
    expect((await query(`customer=${other.id}&min_total=200&max_total=300`)).data).toHaveLength(2);
    expect((await query('currency=GBP&status=pending')).data).toHaveLength(4);
    expect((await query('currency=GBP&status=paid')).data).toHaveLength(0);
    // Several statuses, comma-separated: what is still open (the aging report's links).
    const [paidOne] = (await query(`customer=${other.id}&min_total=400`)).data as Array<{ id: string }>;
    expect((await markPaid(req(`/api/v1/invoices/${paidOne!.id}/mark-paid`, { method: 'POST', body: {} }), params({ id: paidOne!.id }))).status).toBe(200);
    expect((await query(`customer=${other.id}&status=pending,partial,overdue`)).data.map((i: { total: number }) => i.total)).toEqual([300, 200, 100]);
    expect((await query(`customer=${other.id}&status=paid,pending`)).data).toHaveLength(4);
    const unknown = await json(await list(req('/api/v1/invoices?status=pending,settled'), params()));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.status).toBe('must be one or more of draft, pending, partial, paid, overdue, cancelled, refunded, separated by commas');
    const page1 = await query(`customer=${other.id}&limit=3`);
    expect(page1.data).toHaveLength(3);
    const page2 = await query(`customer=${other.id}&limit=3&cursor=${page1.next_cursor}`);
    expect(page2).toMatchObject({ next_cursor: null });
    expect(page2.data.map((i: { total: number }) => i.total)).toEqual([100]);
    const bad = await json(await list(req('/api/v1/invoices?date_field=paid&min_total=abc'), params()));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['date_field', 'min_total']);
  });

  it('exports the filtered set as CSV with amounts in decimals and formulas defused', async () => {
    const sneaky = await givenCustomer(db(), { name: '=HYPERLINK("http://evil")', currency: 'JPY' });
    await create(
      req('/api/v1/invoices', { method: 'POST', body: { customer_id: sneaky.id, items: [{ description: 'x', quantity: 1, unit_price: 1200 }] } }),
      params(),
    );
    const response = await list(req(`/api/v1/invoices?format=csv&customer=${sneaky.id}`), params());
    expect(response.headers.get('content-type')).toContain('text/csv');
    const [header, row] = (await response.text()).trim().split('\n');
    expect(header).toBe('number,kind,status,customer,email,currency,issue_date,due_date,paid_at,total,paid,balance');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toMatch(/,JPY,.*,1200,0,1200$/);
  });
});

describe('settings and customers', () => {
  it('reads and patches the billing settings; the next invoice uses the new prefix', async () => {
    const initial = await json(await getSettings(req('/api/v1/settings/billing'), params()));
    expect(initial.body).toMatchObject({ currency: 'USD', tax_mode: 'exclusive', invoice_number: { prefix: 'INV', padding: 5, reset: 'yearly' } });
    const patched = await json(
      await patchSettings(
        req('/api/v1/settings/billing', { method: 'PATCH', body: { invoice_number: { prefix: 'ACME', padding: 4 }, tax_rate: 20 } }),
        params(),
      ),
    );
    expect(patched.body).toMatchObject({ tax_rate: '20', invoice_number: { prefix: 'ACME', padding: 4, include_year: true, reset: 'yearly' } });
    const invoice = await newInvoice();
    expect(invoice.number).toMatch(/^ACME-\d{4}-\d{4}$/);
    expect(invoice.tax_total).toBe(200);
    const bad = await json(await patchSettings(req('/api/v1/settings/billing', { method: 'PATCH', body: { tax_mode: 'sometimes' } }), params()));
    expect(bad.status).toBe(400);
    await patchSettings(req('/api/v1/settings/billing', { method: 'PATCH', body: { invoice_number: { prefix: 'INV', padding: 5 }, tax_rate: 0 } }), params());
  });

  it('updates a customer and keeps the credit balance at or above zero', async () => {
    const customer = await givenCustomer(db());
    const updated = await json(
      await patchCustomer(
        req(`/api/v1/customers/${customer.id}`, { method: 'PATCH', body: { company: 'New Co', phone: '+1 555' } }),
        params({ id: customer.id }),
      ),
    );
    expect(updated.body).toMatchObject({ company: 'New Co', phone: '+1 555', email: customer.email });
    const added = await json(
      await adjustCredit(
        req(`/api/v1/customers/${customer.id}/credit`, { method: 'POST', body: { amount: 500, reason: 'Goodwill' } }),
        params({ id: customer.id }),
      ),
    );
    expect(added).toMatchObject({ status: 201, body: { amount: 500, balance: 500, kind: 'adjustment' } });
    const tooMuch = await json(
      await adjustCredit(
        req(`/api/v1/customers/${customer.id}/credit`, { method: 'POST', body: { amount: -501, reason: 'Oops' } }),
        params({ id: customer.id }),
      ),
    );
    expect(tooMuch).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    const { GET: getCustomer } = await import('@/app/api/v1/customers/[id]/route');
    const after = await json(await getCustomer(req(`/api/v1/customers/${customer.id}`), params({ id: customer.id })));
    expect(after.body.credit_balance).toBe(500);
  });
});
