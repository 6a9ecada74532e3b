import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invoiceLines, invoices } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { createInvoiceInput, updateInvoiceInput } from '@/server/schemas/invoices';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { correctInvoice } from '@/server/services/invoices/correct';
import { createInvoice } from '@/server/services/invoices/create';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { updateInvoice } from '@/server/services/invoices/update';
import { changeSeats } from '@/server/services/orders/change-seats';
import { placeOrder } from '@/server/services/orders/place';
import { updateBillingSettings } from '@/server/services/settings/billing';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct } from '../support/fixtures';

// Documents other than the billing run's and first invoices take the customer's tax defaults
// too (docs/contract-orders.md, "Tax defaults"): a line that names no rate is taxed at the
// customer's rate — exempt 0, else its override, else the settings' 20 % here.

const { db } = withTestDatabase();
const at = (date: string) => ctxOf(db(), systemActor(), new Date(`${date}T08:00:00Z`));

type Defaults = { tax_exempt?: boolean; tax_rate_override?: string };
const cases = [
  ['plain', {}, '20.000'],
  ['exempt', { tax_exempt: true }, '0.000'],
  ['override', { tax_rate_override: '7.5' }, '7.500'],
] as const satisfies ReadonlyArray<readonly [string, Defaults, string]>;

/** A paid manual invoice of 10,000 at 0 % for a customer with these defaults. */
async function paidInvoice(defaults: Defaults, date: string) {
  const customer = await givenCustomer(db(), defaults);
  const invoice = await createInvoice(
    at(date),
    camelized(createInvoiceInput).parse({ customer_id: customer.id, items: [{ description: 'Hosting', quantity: 1, unit_price: 10000, tax_rate: '0' }] }),
  );
  await markInvoicePaid(at(date), { id: invoice.id });
  return invoice;
}

describe('credit and debit notes', () => {
  it.each(cases)('%s customer: a note’s line without a rate takes the customer’s', async (_, defaults, rate) => {
    await updateBillingSettings(at('2037-01-01'), { tax_rate: '20', tax_mode: 'exclusive' });
    const invoice = await paidInvoice(defaults, '2037-01-02');
    const items = [{ description: 'Goodwill', quantity: 1000n, unitPrice: 1000n }];
    const credit = await correctInvoice(at('2037-01-03'), { invoiceId: invoice.id, kind: 'credit_note', items, reason: 'Outage' });
    const debit = await correctInvoice(at('2037-01-03'), { invoiceId: invoice.id, kind: 'debit_note', items, reason: 'Extra work' });
    const tax = { '20.000': 200n, '0.000': 0n, '7.500': 75n }[rate];
    for (const note of [credit, debit]) {
      expect(note.lines).toMatchObject([{ taxRate: rate, tax }]);
      expect(note).toMatchObject({ taxTotal: tax, total: 1000n + tax });
    }
  });
});

describe('a seat change’s proration documents', () => {
  it('an exempt customer’s proration invoice and its preview carry no tax', async () => {
    await updateBillingSettings(at('2037-03-01'), { tax_rate: '20', tax_mode: 'exclusive' });
    const customer = await givenCustomer(db(), { tax_exempt: true });
    const product = await givenProduct(db(), { monthly: 1000 });
    const order = await placeOrder(
      at('2037-03-01'),
      camelized(placeOrderInput).parse({
        customer_id: customer.id,
        billing_day: 1,
        start_date: '2037-03-01',
        items: [{ product_id: product.id, cycle: 'monthly', quantity: 10 }],
      }),
    );
    await runBilling(at('2037-03-01'), { date: '2037-03-01' });
    const serviceId = order.services[0]!.id;
    // 10 → 14 seats with 15 of 31 days left: 6,774 − 4,839 = 1,935, untaxed.
    const preview = await changeSeats(at('2037-03-17'), { serviceId, quantity: 14, preview: true });
    expect(preview).toMatchObject({ charge: 1935n, total: 1935n });
    const change = await changeSeats(at('2037-03-17'), { serviceId, quantity: 14, preview: false });
    const [proration] = await db()
      .select()
      .from(invoices)
      .where(and(eq(invoices.orderId, order.id), eq(invoices.purpose, 'proration')));
    expect(proration).toMatchObject({ id: change.invoiceId, taxTotal: 0n, total: 1935n });
    expect(
      await db().select({ taxRate: invoiceLines.taxRate, tax: invoiceLines.tax }).from(invoiceLines).where(eq(invoiceLines.invoiceId, proration!.id)),
    ).toEqual([{ taxRate: '0.000', tax: 0n }]);
  });

  it('an override customer’s credit note for fewer seats is taxed at the override', async () => {
    await updateBillingSettings(at('2037-05-01'), { tax_rate: '20', tax_mode: 'exclusive' });
    const customer = await givenCustomer(db(), { tax_rate_override: '7.5' });
    const product = await givenProduct(db(), { monthly: 1000 });
    const order = await placeOrder(
      at('2037-05-01'),
      camelized(placeOrderInput).parse({
        customer_id: customer.id,
        billing_day: 1,
        start_date: '2037-05-01',
        items: [{ product_id: product.id, cycle: 'monthly', quantity: 10 }],
      }),
    );
    await runBilling(at('2037-05-01'), { date: '2037-05-01' });
    const [period] = await db().select().from(invoices).where(eq(invoices.orderId, order.id));
    await markInvoicePaid(at('2037-05-02'), { id: period!.id });
    const change = await changeSeats(at('2037-05-17'), { serviceId: order.services[0]!.id, quantity: 6, preview: false });
    const [note] = await db().select().from(invoices).where(eq(invoices.id, change.creditNoteId!));
    // 15 of 31 days: round(10,000 × 15 / 31) − round(6,000 × 15 / 31) = 4,839 − 2,903 = 1,936
    // credited, plus 7.5 % = round(145.2) = 145.
    expect(note).toMatchObject({ kind: 'credit_note', subtotal: 1936n, taxTotal: 145n, total: 2081n });
    expect(change.total).toBe(2081n);
  });
});

describe('an edited invoice', () => {
  it('an override customer’s lines given no rate keep the override, new or kept, after the settings change', async () => {
    await updateBillingSettings(at('2037-07-01'), { tax_rate: '20', tax_mode: 'exclusive' });
    const customer = await givenCustomer(db(), { tax_rate_override: '7.5' });
    const invoice = await createInvoice(
      at('2037-07-01'),
      camelized(createInvoiceInput).parse({ customer_id: customer.id, items: [{ description: 'Hosting', quantity: 1, unit_price: 1000 }] }),
    );
    expect(invoice.lines).toMatchObject([{ taxRate: '7.500' }]);
    await updateBillingSettings(at('2037-07-02'), { tax_rate: '10', tax_mode: 'exclusive' });
    const edited = await updateInvoice(at('2037-07-02'), {
      id: invoice.id,
      ...camelized(updateInvoiceInput).parse({
        items: [
          { id: invoice.lines[0]!.id, description: 'Hosting', quantity: 1, unit_price: 2000 },
          { description: 'Setup', quantity: 1, unit_price: 1000 },
        ],
      }),
    });
    expect(edited.lines.map((l) => [l.taxRate, l.tax])).toEqual([
      ['7.500', 150n],
      ['7.500', 75n],
    ]);

    // An edit that names no line ids (an older client) is priced at the customer's rate too.
    const replaced = await updateInvoice(at('2037-07-03'), {
      id: invoice.id,
      ...camelized(updateInvoiceInput).parse({ items: [{ description: 'Hosting', quantity: 1, unit_price: 1000 }] }),
    });
    expect(replaced.lines.map((l) => l.taxRate)).toEqual(['7.500']);
    expect(
      await db().select({ p: invoiceLines.position }).from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(asc(invoiceLines.position)),
    ).toHaveLength(1);
  });
});
