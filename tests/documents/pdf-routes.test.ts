import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as consolePdf } from '@/app/admin/invoices/[id]/pdf/route';
import { GET as apiPdf } from '@/app/api/v1/invoices/[id]/pdf/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { currentUser } from '@/server/auth/next-auth';
import { formatMoney } from '@/server/billing/currency';
import { publicOrigin } from '@/server/env';
import { publicInvoicePath } from '@/server/services/invoices/public-link';
import type { InvoiceView } from '@/server/services/invoices/store';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';
import { mediaBoxes, readPdf, squeezed } from './read-pdf';

// The console route reads the next-auth session; here the signed-in user is whoever the test says.
vi.mock('@/server/auth/next-auth', () => ({ currentUser: vi.fn() }));

const { db } = withTestDatabase();
let key: string;
let invoice: InvoiceView;

beforeAll(async () => {
  key = await givenApiKey(db(), 'admin');
  const customer = await givenCustomer(db(), { name: 'Zoë Ångström', currency: 'EUR' });
  invoice = await givenInvoice(db(), { customerId: customer.id, total: 12_345n });
});

const api = (query = '', id = invoice.id, apiKey: string | null = key) =>
  apiPdf(apiRequest(`/api/v1/invoices/${id}/pdf${query}`, { key: apiKey }), params({ id }));

describe('GET /api/v1/invoices/{id}/pdf', () => {
  it('serves the invoice inline as a PDF named after its number, on the default A4', async () => {
    const response = await api();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="${invoice.number}.pdf"`);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength);

    const pdf = await readPdf(bytes);
    expect([pdf.pages[0]!.width, pdf.pages[0]!.height].map((n) => Math.round(n * 100) / 100)).toEqual([595.28, 841.89]);
    const text = squeezed(pdf.pages);
    expect(text).toContain(invoice.number!);
    expect(text).toContain(formatMoney(12_345n, 'EUR').replace(/\s+/g, ''));
    expect(text).toContain(`${publicOrigin()}${publicInvoicePath(invoice.id, invoice.tokenVersion)}`);
  });

  it.each([
    ['?paper=receipt-80', 226.77],
    ['?paper=LETTER', 612],
    ['?paper=custom:100x150', 283.46],
  ])('takes %s', async (query, width) => {
    const response = await api(query);
    expect(response.status).toBe(200);
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.pages[0]!.width).toBeCloseTo(width, 1);
  });

  it.each(['?paper=A7', '?paper=custom:10x10', '?paper=custom:100'])('answers 400 with a field message for %s', async (query) => {
    const response = await api(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: 'validation_error' });
    expect(body.error.fields.paper).toMatch(
      /^must be one of A3, A4, A5, A6, B4, B5, letter, legal, tabloid, executive, receipt-58, receipt-80, 58mm, 80mm, or custom with width_mm and height_mm/,
    );
  });

  // Every size API.md names, spelled as it does, and the server's own names; the page is the MediaBox.
  const mm = (n: number) => Math.round(((n * 72) / 25.4) * 100) / 100;
  it.each([
    ['A3', mm(297), mm(420)],
    ['A4', mm(210), mm(297)],
    ['A5', mm(148), mm(210)],
    ['A6', mm(105), mm(148)],
    ['B4', mm(250), mm(353)],
    ['B5', mm(176), mm(250)],
    ['Letter', 612, 792],
    ['Legal', 612, 1008],
    ['Tabloid', 792, 1224],
    ['Executive', 522, 756],
    ['custom&width_mm=100&height_mm=150', mm(100), mm(150)],
    ['CUSTOM&width_mm=40&height_mm=1000', mm(40), mm(1000)],
    ['custom&width_mm=99.5&height_mm=210', mm(99.5), mm(210)],
    ['custom:100x150', mm(100), mm(150)],
  ])('renders paper=%s on a %s × %s pt MediaBox', async (paper, width, height) => {
    const response = await api(`?paper=${paper}`);
    expect(response.status).toBe(200);
    const boxes = mediaBoxes(new Uint8Array(await response.arrayBuffer()));
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([0, 0, width, height]);
  });

  it.each([
    ['58mm', mm(58)],
    ['58MM', mm(58)],
    ['receipt-58', mm(58)],
    ['80mm', mm(80)],
    ['80Mm', mm(80)],
    ['receipt-80', mm(80)],
  ])('renders paper=%s as one receipt %s pt wide, as tall as its content', async (paper, width) => {
    const response = await api(`?paper=${paper}`);
    expect(response.status).toBe(200);
    const boxes = mediaBoxes(new Uint8Array(await response.arrayBuffer()));
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.slice(0, 3)).toEqual([0, 0, width]);
    expect(boxes[0]![3]).toBeGreaterThan(width);
  });

  it.each([
    ['?paper=custom', { width_mm: 'is required with paper=custom', height_mm: 'is required with paper=custom' }],
    ['?paper=custom&width_mm=100', { height_mm: 'is required with paper=custom' }],
    ['?paper=custom&width_mm=39&height_mm=100', { width_mm: 'must be between 40 and 1000 mm' }],
    ['?paper=custom&width_mm=100&height_mm=1001', { height_mm: 'must be between 40 and 1000 mm' }],
    ['?paper=custom&width_mm=abc&height_mm=100', { width_mm: 'must be a size in millimetres with at most 2 decimals, 40–1000' }],
    ['?paper=custom&width_mm=-100&height_mm=100', { width_mm: 'must be a size in millimetres with at most 2 decimals, 40–1000' }],
    ['?paper=custom&width_mm=1e2&height_mm=100', { width_mm: 'must be a size in millimetres with at most 2 decimals, 40–1000' }],
    ['?paper=A4&width_mm=100', { width_mm: 'is only taken with paper=custom' }],
    ['?height_mm=100', { height_mm: 'is only taken with paper=custom' }],
  ])('answers 400 with field errors for %s', async (query, fields) => {
    const response = await api(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: 'validation_error', fields });
  });

  it('answers 404 for an unknown invoice and for one outside a reseller key’s book', async () => {
    expect((await api('', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api('', 'not-a-uuid')).status).toBe(400);
    const reseller = await givenUser(db(), 'reseller');
    const resellerKey = await givenApiKey(db(), 'reseller', reseller.id);
    expect((await api('', invoice.id, resellerKey)).status).toBe(404);
  });

  it('answers 401 without a key and 403 for a key without invoices.view', async () => {
    expect((await api('', invoice.id, null)).status).toBe(401);
    const staffKey = await givenApiKey(db(), 'staff');
    const response = await api('', invoice.id, staffKey);
    expect(response.status).toBe(403);
  });

  it('documents the paper syntax in the OpenAPI summary', async () => {
    const doc = await openapi().json();
    const operation = doc.paths['/api/v1/invoices/{id}/pdf'].get;
    expect(operation.summary).toContain('58mm, 80mm, or custom with width_mm and height_mm (40–1000 mm each)');
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'paper', 'width_mm', 'height_mm', 'locale']);
    expect(operation.summary).toContain('`locale` overrides it');
  });

  it('writes in the language ?locale= asks for, any case, whatever the customer’s', async () => {
    for (const query of ['?locale=de', '?locale=DE', '?paper=A5&locale=de']) {
      const response = await api(query);
      expect(response.status).toBe(200);
      const text = squeezed((await readPdf(new Uint8Array(await response.arrayBuffer()))).pages);
      expect(text).toContain('Rechnung');
      expect(text).toContain('Fälligam');
      expect(text).toContain('123,45€');
    }
    const english = squeezed((await readPdf(new Uint8Array(await (await api()).arrayBuffer()))).pages);
    expect(english).toContain('Duedate');
    expect(english).not.toContain('Rechnung');
    const brazilian = squeezed((await readPdf(new Uint8Array(await (await api('?locale=pt-br')).arrayBuffer()))).pages);
    expect(brazilian).toContain('Fatura');
  });

  it('answers 400 with a field message on locale for a language it lacks', async () => {
    for (const query of ['?locale=xx', '?locale=it', '?locale=']) {
      const response = await api(query);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toMatchObject({ code: 'validation_error', fields: { locale: 'must be one of en, de, fr, es, pt-BR' } });
    }
  });
});

describe('GET /admin/invoices/{id}/pdf (console download)', () => {
  const signedIn = vi.mocked(currentUser);
  const consoleGet = (query = '', id = invoice.id) =>
    consolePdf(new Request(`http://console.test/admin/invoices/${id}/pdf${query}`), { params: Promise.resolve({ id }) });

  beforeEach(() => signedIn.mockReset());

  it('serves the PDF to a signed-in user with invoices.view, linking to the public URL whatever host was asked', async () => {
    const admin = await givenUser(db(), 'admin');
    signedIn.mockResolvedValue({ id: admin.id, email: 'a@x.test', name: 'A', role: 'admin' });
    const response = await consoleGet('?paper=A5');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="${invoice.number}.pdf"`);
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.pages[0]!.width).toBeCloseTo(419.53, 1);
    expect(squeezed(pdf.pages)).toContain(`${publicOrigin()}${publicInvoicePath(invoice.id, invoice.tokenVersion)}`);
    expect(squeezed(pdf.pages)).not.toContain('console.test');
  });

  it('refuses without a session, without the permission, and with a bad paper', async () => {
    signedIn.mockResolvedValue(null);
    expect((await consoleGet()).status).toBe(401);

    const clerk = await givenUser(db(), 'staff', { permissions: ['customers.view'] });
    signedIn.mockResolvedValue({ id: clerk.id, email: 'c@x.test', name: 'C', role: 'staff' });
    expect((await consoleGet()).status).toBe(403);

    const admin = await givenUser(db(), 'admin');
    signedIn.mockResolvedValue({ id: admin.id, email: 'a@x.test', name: 'A', role: 'admin' });
    const bad = await consoleGet('?paper=postcard');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.paper).toMatch(/^must be one of/);
    expect((await consoleGet('', 'nope')).status).toBe(404);
  });

  it('keeps a reseller to their own customers’ invoices', async () => {
    const reseller = await givenUser(db(), 'reseller');
    signedIn.mockResolvedValue({ id: reseller.id, email: 'r@x.test', name: 'R', role: 'reseller' });
    expect((await consoleGet()).status).toBe(404);
    const own = await givenCustomer(db(), { reseller_id: reseller.id });
    const ownInvoice = await givenInvoice(db(), { customerId: own.id });
    expect((await consoleGet('', ownInvoice.id)).status).toBe(200);
  });
});
