import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { GET as publicJson } from '@/app/api/v1/public/invoices/[id]/route';
import { GET as publicPdf } from '@/app/p/invoice/[id]/pdf/route';
import { customers } from '@/db/schema';
import { anonymousActor, systemActor } from '@/server/auth/actor';
import { openPublicInvoice, publicInvoice, publicInvoicePdf, publicToken } from '@/server/services/invoices/public-link';
import { regenerateInvoiceToken } from '@/server/services/invoices/regenerate-token';
import { updateInvoice } from '@/server/services/invoices/update';
import { readPdf, squeezed } from '../documents/read-pdf';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice } from '../support/fixtures';
import { params } from '../support/rest';

// The route handlers learn the caller's address from a trusted proxy's X-Forwarded-For.
vi.hoisted(() => {
  process.env.CASHDESK_TRUSTED_PROXIES = '10.0.0.0/8';
});

const route = (id: string) => ({ params: Promise.resolve({ id }) });

const { db } = withTestDatabase();
const origin = 'http://public.test';
// Each test guesses from its own address, so the per-address limit of one never trips another.
let address = 0;
const visitor = () => ctxOf(db(), anonymousActor(`203.0.113.${++address}`));

describe('the public invoice page', () => {
  it('shows the invoice for the current token, without internal notes', async () => {
    const customer = await givenCustomer(db(), { name: 'Public Person', currency: 'USD' });
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 4200n });
    await updateInvoice(ctxOf(db(), systemActor()), { id: invoice.id, internalNotes: 'Internal: do not tell the customer' });
    const view = await publicInvoice(visitor(), { id: invoice.id, token: publicToken(invoice.id, 1), origin });
    expect(view.document).toMatchObject({
      id: invoice.id,
      number: invoice.number,
      total: 4200n,
      balance: 4200n,
      notes: null,
      customer: { name: 'Public Person' },
    });
    expect(view.document.publicUrl).toBe(`${origin}/p/invoice/${invoice.id}?token=${publicToken(invoice.id, 1)}`);
  });

  it('refuses a wrong, a missing and an old token as not_found', async () => {
    const invoice = await givenInvoice(db());
    const token = publicToken(invoice.id, 1);
    const ctx = visitor();
    for (const wrong of ['', 'x', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, publicToken(invoice.id, 2)]) {
      await expect(publicInvoice(ctx, { id: invoice.id, token: wrong, origin })).rejects.toMatchObject({ code: 'not_found' });
    }
    // Another invoice's valid token opens nothing here.
    const other = await givenInvoice(db());
    await expect(publicInvoice(ctx, { id: invoice.id, token: publicToken(other.id, 1), origin })).rejects.toMatchObject({ code: 'not_found' });

    await regenerateInvoiceToken(ctxOf(db(), systemActor()), { id: invoice.id });
    await expect(publicInvoice(visitor(), { id: invoice.id, token, origin })).rejects.toMatchObject({ code: 'not_found' });
    await expect(publicInvoicePdf(visitor(), { id: invoice.id, token, origin })).rejects.toMatchObject({ code: 'not_found' });
    expect((await publicInvoice(visitor(), { id: invoice.id, token: publicToken(invoice.id, 2), origin })).document.id).toBe(invoice.id);
  });

  it('never opens a draft, even with its token', async () => {
    const draft = await givenInvoice(db(), { status: 'draft' });
    await expect(publicInvoice(visitor(), { id: draft.id, token: publicToken(draft.id, 1), origin })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('limits guesses per address, counted together with the REST endpoint', async () => {
    const invoice = await givenInvoice(db());
    const ctx = visitor();
    const ip = ctx.actor.ip!;
    // 29 wrong guesses through the page, one through the API: the 31st try is refused, even a good one.
    for (let i = 0; i < 29; i++) await expect(openPublicInvoice(ctx, { id: invoice.id, token: `guess-${i}` })).rejects.toMatchObject({ code: 'not_found' });
    const api = await publicJson(
      new Request(`http://localhost/api/v1/public/invoices/${invoice.id}?token=nope`, { headers: { 'x-forwarded-for': ip } }),
      params({ id: invoice.id }),
    );
    expect(api.status).toBe(404);
    await expect(openPublicInvoice(ctx, { id: invoice.id, token: publicToken(invoice.id, 1) })).rejects.toMatchObject({ code: 'rate_limited' });
    // Another address is not affected.
    expect((await openPublicInvoice(visitor(), { id: invoice.id, token: publicToken(invoice.id, 1) })).id).toBe(invoice.id);
  });

  it('serves the PDF for a good token and a 404 for a bad one', async () => {
    const invoice = await givenInvoice(db());
    const url = (token: string) => `http://localhost/p/invoice/${invoice.id}/pdf?token=${encodeURIComponent(token)}`;
    const headers = { 'x-forwarded-for': '198.51.100.200' };
    const good = await publicPdf(new Request(url(publicToken(invoice.id, 1)), { headers }), route(invoice.id));
    expect(good.status).toBe(200);
    expect(good.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await good.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const bad = await publicPdf(new Request(url('wrong'), { headers }), route(invoice.id));
    expect(bad.status).toBe(404);
    const missing = await publicPdf(new Request(`http://localhost/p/invoice/${invoice.id}/pdf`, { headers }), route(invoice.id));
    expect(missing.status).toBe(404);
  });

  it('is in the customer’s language, or the one ?locale= asks for; a language we lack is a 400 on locale', async () => {
    const customer = await givenCustomer(db(), { currency: 'EUR' });
    await db().update(customers).set({ locale: 'de' }).where(eq(customers.id, customer.id));
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 123_456n });
    const token = publicToken(invoice.id, 1);
    expect((await publicInvoice(visitor(), { id: invoice.id, token, origin })).document.locale).toBe('de');
    expect((await publicInvoice(visitor(), { id: invoice.id, token, origin, locale: 'fr' })).document.locale).toBe('fr');

    const headers = { 'x-forwarded-for': '198.51.100.201' };
    const pdf = async (query: string) =>
      publicPdf(new Request(`http://localhost/p/invoice/${invoice.id}/pdf?token=${token}${query}`, { headers }), route(invoice.id));
    const german = await pdf('');
    expect(german.status).toBe(200);
    expect(squeezed((await readPdf(new Uint8Array(await german.arrayBuffer()))).pages)).toContain('1.234,56€');
    const english = await pdf('&locale=EN');
    expect(squeezed((await readPdf(new Uint8Array(await english.arrayBuffer()))).pages)).toContain('€1,234.56');
    const unknown = await pdf('&locale=xx');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatchObject({ code: 'validation_error', fields: { locale: 'must be one of en, de, fr, es, pt-BR' } });
  });
});
