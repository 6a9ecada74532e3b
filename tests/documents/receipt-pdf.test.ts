import { describe, expect, it, vi } from 'vitest';
import { GET as receiptPdf } from '@/app/collect/receipts/[id]/pdf/route';
import { systemActor } from '@/server/auth/actor';
import { currentUser } from '@/server/auth/next-auth';
import { publicOrigin } from '@/server/env';
import { collectCash } from '@/server/services/collect/collect-cash';
import { updateCustomer } from '@/server/services/customers/update';
import { publicInvoicePath } from '@/server/services/invoices/public-link';
import { updateCompany } from '@/server/services/settings/company';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { params } from '../support/rest';
import { readPdf, squeezed } from './read-pdf';

// The route reads the next-auth session; here the signed-in user is whoever the test says.
vi.mock('@/server/auth/next-auth', () => ({ currentUser: vi.fn() }));

const { db } = withTestDatabase();

const signIn = (user: { id: string; actor: { label: string; role: 'admin' | 'staff' | 'reseller' | 'client' | 'collector' } }) =>
  vi.mocked(currentUser).mockResolvedValue({ id: user.id, email: user.actor.label, name: user.actor.label, role: user.actor.role });
const get = (id: string) => receiptPdf(new Request(`http://localhost/collect/receipts/${id}/pdf`), params({ id }));

describe('the 80 mm cash receipt', () => {
  it('prints the company, customer, invoice, amount, balance left, method, receipt number, collector, date and the invoice’s public link', async () => {
    const system = ctxOf(db(), systemActor(), testNow);
    await updateCompany(system, {
      name: 'Northwind Hosting Ltd',
      address: '12 Harbour Road\nBristol',
      tax_id: '',
      email: 'billing@northwind.test',
      phone: '',
      logo: null,
    });
    const collector = await givenUser(db(), 'collector');
    const customer = await givenCustomer(db(), { name: 'Field Customer', company: '' });
    await updateCustomer(system, { id: customer.id, collectorId: collector.id });
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 5000n });
    const receipt = await collectCash(ctxOf(db(), collector.actor, testNow), {
      invoiceId: invoice.id,
      amount: 2000n,
      receiptNumber: 'RB-0042',
      origin: publicOrigin(),
    });

    signIn(collector);
    const response = await get(receipt.paymentId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="receipt-RB-0042.pdf"');
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.pages).toHaveLength(1);
    // 80 mm wide, cut where the receipt ends.
    expect(pdf.pages[0]!.width).toBeCloseTo(226.77, 1);
    expect(pdf.pages[0]!.height).toBeLessThan(700);
    const text = squeezed(pdf.pages);
    for (const printed of [
      'NorthwindHostingLtd',
      'Paymentreceipt',
      'FieldCustomer',
      invoice.number!,
      'Amountpaid',
      '$20.00',
      'Balanceleft',
      '$30.00',
      'Cash(collector)',
      'RB-0042',
      'Collectedby',
      receipt.collector!.replace(/\s+/g, ''),
      '31Jan2027',
      `${publicOrigin()}${publicInvoicePath(invoice.id, invoice.tokenVersion)}`,
    ]) {
      expect(text).toContain(printed);
    }
  });

  it('is not found for someone else’s collector, and refused to a desk member without payments.collect', async () => {
    const system = ctxOf(db(), systemActor(), testNow);
    const collector = await givenUser(db(), 'collector');
    const customer = await givenCustomer(db());
    await updateCustomer(system, { id: customer.id, collectorId: collector.id });
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 5000n });
    const receipt = await collectCash(ctxOf(db(), collector.actor, testNow), {
      invoiceId: invoice.id,
      amount: 100n,
      receiptNumber: 'RB-1',
      origin: publicOrigin(),
    });

    signIn(await givenUser(db(), 'collector'));
    expect((await get(receipt.paymentId)).status).toBe(404);
    signIn(await givenUser(db(), 'staff', { permissions: ['invoices.view', 'invoices.edit'] }));
    expect((await get(receipt.paymentId)).status).toBe(403);
  });
});
