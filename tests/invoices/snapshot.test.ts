import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, invoiceLines, invoices, products } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { loadInvoiceDocument } from '@/server/documents/load';
import { camelized } from '@/server/schemas/common';
import { updateCustomerInput } from '@/server/schemas/customers';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { updateCustomer } from '@/server/services/customers/update';
import { correctInvoice } from '@/server/services/invoices/correct';
import { createInvoice } from '@/server/services/invoices/create';
import { finalizeInvoice } from '@/server/services/invoices/finalize';
import { updateInvoice } from '@/server/services/invoices/update';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (day: string) => ctxOf(db(), systemActor(), new Date(`${day}T08:00:00Z`));
const origin = 'https://billing.example.test';

const acme = {
  name: 'Priya Raman',
  company: 'Acme Corp',
  tax_id: '29ABCDE1234F1Z5',
  currency: 'USD',
  billing_address: { line1: '1 MG Road', city: 'Bengaluru', region: 'Karnataka', postal_code: '560001', country: 'IN' },
};
const renamed = camelized(updateCustomerInput).parse({
  name: 'Someone Else',
  company: 'Other Co',
  tax_id: '27ZZZZZ9999Z1Z9',
  billing_address: { line1: '9 Marine Drive', city: 'Mumbai', region: 'Maharashtra', country: 'IN' },
});
const items = [{ description: 'Support', quantity: 1000n, unitPrice: 5000n, taxRate: 0n }];
const linesOf = (invoiceId: string) => db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));

describe('the addressee is frozen when the number is assigned', () => {
  it('a draft shows the customer as it is; finalizing freezes it, and a later change to the customer leaves the issued invoice as it was', async () => {
    const customer = await givenCustomer(db(), acme);
    const draft = await createInvoice(at('2031-03-01'), { customerId: customer.id, status: 'draft', items });
    expect(draft.customerSnapshot).toBeNull();
    await updateCustomer(at('2031-03-02'), { id: customer.id, name: 'Priya R.' });
    const { doc: draftDoc } = await loadInvoiceDocument(at('2031-03-02'), { id: draft.id, origin });
    expect(draftDoc.customer).toMatchObject({ name: 'Acme Corp', lines: expect.arrayContaining(['Priya R.']), placeOfSupply: 'Karnataka' });

    const issued = await finalizeInvoice(at('2031-03-03'), { id: draft.id });
    const frozen = {
      name: 'Priya R.',
      company: 'Acme Corp',
      email: customer.email,
      taxId: '29ABCDE1234F1Z5',
      billingAddress: { line1: '1 MG Road', city: 'Bengaluru', region: 'Karnataka', postalCode: '560001', country: 'IN' },
      placeOfSupply: 'Karnataka',
    };
    expect(issued.customerSnapshot).toEqual(frozen);

    await updateCustomer(at('2031-03-04'), { id: customer.id, ...renamed });
    const { doc } = await loadInvoiceDocument(at('2031-03-04'), { id: draft.id, origin });
    expect(doc.customer).toEqual({
      name: 'Acme Corp',
      lines: ['Priya R.', '1 MG Road', '560001 Bengaluru', 'Karnataka', 'India'],
      taxId: '29ABCDE1234F1Z5',
      placeOfSupply: 'Karnataka',
    });
    const [row] = await db().select().from(invoices).where(eq(invoices.id, draft.id));
    expect(row!.customerSnapshot).toEqual(frozen);
  });

  it('documents numbered at creation (pending invoices, credit notes) freeze it too; the place of supply falls back to the country', async () => {
    const customer = await givenCustomer(db(), { ...acme, billing_address: { line1: 'Hauptstraße 1', city: 'Berlin', country: 'DE' } });
    const invoice = await createInvoice(at('2031-04-01'), { customerId: customer.id, status: 'pending', items });
    expect(invoice.customerSnapshot).toMatchObject({ name: 'Priya Raman', placeOfSupply: 'DE' });
    await updateCustomer(at('2031-04-02'), { id: customer.id, ...renamed });
    const note = await correctInvoice(at('2031-04-03'), {
      invoiceId: invoice.id,
      kind: 'credit_note',
      items: [{ description: 'Goodwill', quantity: 1000n, unitPrice: 100n, taxRate: 0n }],
      reason: 'Outage',
    });
    expect(note.customerSnapshot).toMatchObject({ name: 'Someone Else', company: 'Other Co', placeOfSupply: 'Maharashtra' });
    const [original] = await db().select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(original!.customerSnapshot).toMatchObject({ name: 'Priya Raman', placeOfSupply: 'DE' });
  });

  it('the billing run freezes it in its set-based insert, with the order’s name and each product’s tax code on the lines', async () => {
    const customer = await givenCustomer(db(), acme);
    const coded = await givenProduct(db(), { monthly: 1000, name: 'Support Agent' });
    const plain = await givenProduct(db(), { monthly: 500, name: 'Extra seat' });
    await db().update(products).set({ taxCode: '998314' }).where(eq(products.id, coded.id));
    const order = await placeOrder(
      at('2031-05-01'),
      camelized(placeOrderInput).parse({
        customer_id: customer.id,
        name: 'Acme — Support Agent Annual',
        billing_day: 1,
        items: [
          { product_id: coded.id, cycle: 'monthly' },
          { product_id: plain.id, cycle: 'monthly' },
        ],
      }),
    );
    // The run catches up May and June; the first invoice is May's.
    await runBilling(at('2031-06-01'), { date: '2031-06-01' });
    await updateCustomer(at('2031-06-02'), { id: customer.id, ...renamed });

    const [invoice] = await db().select().from(invoices).where(eq(invoices.orderId, order.id)).orderBy(asc(invoices.issueDate));
    expect(invoice).toMatchObject({
      orderName: 'Acme — Support Agent Annual',
      customerSnapshot: { name: 'Priya Raman', company: 'Acme Corp', taxId: '29ABCDE1234F1Z5', placeOfSupply: 'Karnataka' },
    });
    const lines = await linesOf(invoice!.id);
    expect(lines.map((l) => [l.description.split(' (')[0], l.code, l.periodStart, l.periodEnd]).sort()).toEqual([
      ['Extra seat', null, '2031-05-01', '2031-06-01'],
      ['Support Agent', '998314', '2031-05-01', '2031-06-01'],
    ]);
    const { doc } = await loadInvoiceDocument(at('2031-06-03'), { id: invoice!.id, origin });
    expect(doc).toMatchObject({ orderName: 'Acme — Support Agent Annual', customer: { name: 'Acme Corp', placeOfSupply: 'Karnataka' } });
    expect(doc.lines.find((l) => l.code)).toMatchObject({ code: '998314', period: { start: '2031-05-01', end: '2031-05-31' } });
  });

  it('a store order’s first invoice is frozen at placement and its plan and setup fee lines carry the product’s code', async () => {
    const customer = await givenCustomer(db(), acme);
    const product = await givenProduct(db(), { monthly: 1000, setupFee: 200 });
    await db().update(products).set({ taxCode: '998315' }).where(eq(products.id, product.id));
    const order = await placeOrder(
      at('2031-07-01'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    const [invoice] = await db().select().from(invoices).where(eq(invoices.id, order.invoiceId!));
    expect(invoice!.customerSnapshot).toMatchObject({ name: 'Priya Raman', placeOfSupply: 'Karnataka' });
    expect((await linesOf(invoice!.id)).map((l) => l.code)).toEqual(['998315', '998315']);
  });

  it('an edit corrects the frozen addressee in part, and is audited', async () => {
    const customer = await givenCustomer(db(), acme);
    const invoice = await createInvoice(at('2031-08-01'), { customerId: customer.id, status: 'pending', items });
    const edited = await updateInvoice(at('2031-08-02'), {
      id: invoice.id,
      poNumber: 'PO-42',
      customerSnapshot: { name: 'Acme Corporation Pvt Ltd', placeOfSupply: 'Karnataka (29)' },
      items: [{ ...items[0]!, periodStart: '2031-08-01', periodEnd: '2031-08-31', code: '998314' }],
    });
    expect(edited).toMatchObject({
      poNumber: 'PO-42',
      customerSnapshot: { name: 'Acme Corporation Pvt Ltd', company: 'Acme Corp', taxId: '29ABCDE1234F1Z5', placeOfSupply: 'Karnataka (29)' },
      lines: [{ periodStart: '2031-08-01', periodEnd: '2031-09-01', code: '998314' }],
    });
    // Stored like the billing run's periods: the end is the day after.
    const { doc } = await loadInvoiceDocument(at('2031-08-02'), { id: invoice.id, origin });
    expect(doc).toMatchObject({ poNumber: 'PO-42', lines: [{ period: { start: '2031-08-01', end: '2031-08-31' } }] });
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'invoice.updated')));
    expect(entry).toMatchObject({
      before: { poNumber: null, customerSnapshot: { name: 'Priya Raman' } },
      after: { poNumber: 'PO-42', customerSnapshot: { name: 'Acme Corporation Pvt Ltd' } },
    });
  });
});
