import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invoiceLines, invoices } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { createInvoiceInput } from '@/server/schemas/invoices';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { createInvoice } from '@/server/services/invoices/create';
import { activateContractOrder, deactivateContractOrder } from '@/server/services/orders/activate-contract';
import { previewNextInvoice } from '@/server/services/orders/next-invoice';
import { placeOrder } from '@/server/services/orders/place';
import { updateBillingSettings } from '@/server/services/settings/billing';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (date: string) => ctxOf(db(), systemActor(), new Date(`${date}T08:00:00Z`));

type Defaults = { tax_exempt?: boolean; tax_rate_override?: string };
const plain: Defaults = {};
const exempt: Defaults = { tax_exempt: true };
const override: Defaults = { tax_rate_override: '7.5' };

/** A customer with these tax defaults and an active contract of 3 seats × 1,000, billed on day 1 from `start`. */
async function contractFor(defaults: Defaults, start: string) {
  const customer = await givenCustomer(db(), defaults);
  const product = await givenProduct(db(), { monthly: 1000 });
  return placeOrder(
    at(start),
    camelized(placeOrderInput).parse({
      customer_id: customer.id,
      billing_day: 1,
      start_date: start,
      items: [{ product_id: product.id, cycle: 'monthly', quantity: 3 }],
    }),
  );
}

async function billedOf(orderId: string) {
  const [invoice] = await db().select().from(invoices).where(eq(invoices.orderId, orderId));
  const lines = await db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice!.id)).orderBy(asc(invoiceLines.position));
  return { totals: [invoice!.subtotal, invoice!.taxTotal, invoice!.total], lines: lines.map((l) => [l.taxRate, l.subtotal, l.tax, l.total]) };
}

describe('the billing run bills each customer at its own rate', () => {
  it.each([
    // mode, first billing day → [rate, subtotal, tax, total] for plain (settings 20 %), exempt, override 7.5 %
    ['exclusive', '2031-03-01', ['20.000', 3000n, 600n, 3600n], ['0.000', 3000n, 0n, 3000n], ['7.500', 3000n, 225n, 3225n]],
    // Inclusive: 3,000 holds the tax; 3000 × 7.5 / 107.5 = 209.30 → 209.
    ['inclusive', '2032-03-01', ['20.000', 2500n, 500n, 3000n], ['0.000', 3000n, 0n, 3000n], ['7.500', 2791n, 209n, 3000n]],
  ] as const)('%s mode', async (mode, day, plainLine, exemptLine, overrideLine) => {
    await updateBillingSettings(at(day), { tax_rate: '20', tax_mode: mode });
    const orders = await Promise.all([plain, exempt, override].map((d) => contractFor(d, day)));
    await runBilling(at(day), { date: day });

    const billed = await Promise.all(orders.map((o) => billedOf(o.id)));
    expect(billed.map((b) => b.lines)).toEqual([[plainLine], [exemptLine], [overrideLine]]);
    // The invoice's totals are its lines' sums.
    expect(billed.map((b) => b.totals)).toEqual([plainLine.slice(1), exemptLine.slice(1), overrideLine.slice(1)]);
    // The contract's per-period total (orders.total) is priced the same way.
    expect(orders.map((o) => o.total)).toEqual([plainLine[3], exemptLine[3], overrideLine[3]]);
  });
});

describe('new documents take the customer’s rate', () => {
  it('a store order’s first invoice', async () => {
    await updateBillingSettings(at('2033-01-10'), { tax_rate: '20', tax_mode: 'exclusive' });
    const product = await givenProduct(db(), { monthly: 1000 });
    const rates = [];
    for (const defaults of [plain, exempt, override]) {
      const customer = await givenCustomer(db(), defaults);
      const order = await placeOrder(
        at('2033-01-10'),
        camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
      );
      rates.push((await billedOf(order.id)).lines);
    }
    expect(rates).toEqual([[['20.000', 1000n, 200n, 1200n]], [['0.000', 1000n, 0n, 1000n]], [['7.500', 1000n, 75n, 1075n]]]);
  });

  it('a manual invoice’s line that names no rate; a line that names one keeps it', async () => {
    await updateBillingSettings(at('2033-01-10'), { tax_rate: '20', tax_mode: 'exclusive' });
    const created = [];
    for (const defaults of [plain, exempt, override]) {
      const customer = await givenCustomer(db(), defaults);
      const invoice = await createInvoice(
        at('2033-01-10'),
        camelized(createInvoiceInput).parse({
          customer_id: customer.id,
          items: [
            { description: 'Default rate', quantity: 1, unit_price: 1000 },
            { description: 'Its own rate', quantity: 1, unit_price: 1000, tax_rate: '10' },
          ],
        }),
      );
      created.push(invoice.lines.map((l) => [l.taxRate, l.tax]));
    }
    expect(created).toEqual([
      [
        ['20.000', 200n],
        ['10.000', 100n],
      ],
      [
        ['0.000', 0n],
        ['10.000', 100n],
      ],
      [
        ['7.500', 75n],
        ['10.000', 100n],
      ],
    ]);
  });
});

describe('the order page’s next invoice preview is what the billing run then bills', () => {
  it.each(['exclusive', 'inclusive'] as const)('%s mode, at the customer’s override', async (mode) => {
    const day = mode === 'exclusive' ? '2034-01-15' : '2035-01-15';
    await updateBillingSettings(at(day), { tax_rate: '20', tax_mode: mode });
    const customer = await givenCustomer(db(), override);
    const [monthly, annual] = await Promise.all([givenProduct(db(), { monthly: 1333 }), givenProduct(db(), { monthly: 999 })]);
    const draft = await placeOrder(
      at(day),
      camelized(placeOrderInput).parse({
        customer_id: customer.id,
        draft: true,
        billing_day: 31,
        start_date: day,
        items: [
          { product_id: monthly.id, cycle: 'monthly', quantity: 3 },
          { product_id: annual.id, cycle: 'annual', quantity: 2 },
        ],
      }),
    );
    const first = `${day.slice(0, 8)}31`;
    expect(await previewNextInvoice(at(day), { id: draft.id })).toEqual({ kind: 'draft', firstBillingDay: first, currency: 'USD' });

    await activateContractOrder(at(day), { id: draft.id });
    const preview = await previewNextInvoice(at(day), { id: draft.id });
    expect(preview).toMatchObject({ kind: 'next', date: first, plusUsage: false, currency: 'USD' });
    await runBilling(at(first), { date: first });
    const [invoice] = await db().select().from(invoices).where(eq(invoices.orderId, draft.id));
    expect(preview).toMatchObject({ subtotal: invoice!.subtotal, tax: invoice!.taxTotal, total: invoice!.total });
    expect(invoice!.issueDate).toBe(first);

    // Next: only the monthly line, on February's last day.
    const next = await previewNextInvoice(at(first), { id: draft.id });
    expect(next).toMatchObject({ kind: 'next', date: `${day.slice(0, 5)}02-28`, subtotal: mode === 'exclusive' ? 3999n : 3720n });
    await deactivateContractOrder(at(first), { id: draft.id });
    expect(await previewNextInvoice(at(first), { id: draft.id })).toEqual({ kind: 'none', reason: 'paused', currency: 'USD' });
  });

  it('says nothing for a store order', async () => {
    const customer = await givenCustomer(db());
    const product = await givenProduct(db());
    const order = await placeOrder(
      at('2034-01-15'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    expect(await previewNextInvoice(at('2034-01-15'), { id: order.id })).toBeNull();
  });
});
