import 'server-only';
import { api } from '@/server/api/server-caller';
import { formatMinor, formatUnitPrice } from '@/server/billing/currency';
import { trimDecimal } from '@/server/billing/decimal';
import { priceLine } from '@/server/billing/pricing';
import type { WizardProduct, WizardValues } from './order-wizard';

type Caller = Awaited<ReturnType<typeof api>>;
type OrderOut = Awaited<ReturnType<Caller['orders']['byId']>>;

/**
 * The catalog as the wizard prices it: prices and option groups only, amounts as bigint. Every
 * page of it (a catalog is small; capped at 2,000 products), so the oldest products are offered too.
 */
export async function wizardProducts(trpc: Caller): Promise<WizardProduct[]> {
  const items: Awaited<ReturnType<Caller['catalog']['products']>>['items'] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const batch = await trpc.catalog.products({ limit: 200, ...(cursor ? { cursor } : {}) });
    items.push(...batch.items);
    if (!batch.nextCursor) break;
    cursor = batch.nextCursor;
  }
  return items
    .filter((p) => p.type === 'recurring' || p.type === 'usage')
    .map((p) => ({
      id: p.id,
      name: p.name,
      active: p.active,
      usage: p.type === 'usage',
      prices: p.prices.map((price) => ({
        cycle: price.cycle,
        currency: price.currency,
        amount: price.amount,
        setupFee: price.setupFee,
        unitAmount: price.unitAmount === null ? null : trimDecimal(price.unitAmount),
      })),
      optionGroups: p.optionGroups.map((g) => ({
        id: g.id,
        name: g.name,
        kind: g.kind,
        required: g.required,
        options: g.options.map((o) => ({
          id: o.id,
          name: o.name,
          prices: o.prices.map((op) => ({ cycle: op.cycle, currency: op.currency, amount: op.amount })),
        })),
      })),
    }));
}

/** A new order's defaults: today, the day of today as billing day, the settings' payment terms. */
export const newOrderValues = (today: string, dueDays: number): WizardValues => ({
  customer_id: '',
  currency: '',
  contact_email: '',
  name: '',
  billing_day: String(Number(today.slice(8, 10))),
  due_days: String(dueDays),
  start_date: today,
  no_end_date: true,
  end_date: '',
  email_mode: 'invoice',
  items: [],
});

/** A draft as the wizard shows it: a line is at the catalog price when its price is the catalog's. */
export function draftValues(order: OrderOut, products: WizardProduct[]): WizardValues {
  return {
    customer_id: order.customerId,
    currency: order.currency,
    contact_email: order.contact?.email ?? '',
    name: order.name,
    billing_day: String(order.billingDay),
    due_days: String(order.dueDays),
    start_date: order.startDate,
    no_end_date: order.endDate === null,
    end_date: order.endDate ?? '',
    email_mode: order.autoEmail === 'invoice_and_link' ? 'invoice_with_payment_link' : order.autoEmail,
    items: order.lines.map((line) => {
      const product = products.find((p) => p.id === line.productId);
      if (line.usageUnitPrice !== null) {
        const unitPrice = trimDecimal(line.usageUnitPrice);
        const atCatalog = product?.prices.some((p) => p.cycle === line.cycle && p.currency === order.currency && p.unitAmount === unitPrice) ?? false;
        return {
          product_id: line.productId,
          cycle: line.cycle,
          quantity: '1',
          price_mode: atCatalog ? 'catalog' : 'custom',
          price: atCatalog ? '' : formatUnitPrice(unitPrice, order.currency),
          usage: true,
        };
      }
      const catalog = product ? priceLine(product, line.cycle, order.currency, []) : null;
      const atCatalog = catalog?.ok === true && catalog.unitPrice === line.unitPrice;
      return {
        product_id: line.productId,
        cycle: line.cycle,
        quantity: String(Math.round(Number(line.quantity))),
        price_mode: atCatalog ? 'catalog' : 'custom',
        price: atCatalog ? '' : formatMinor(line.unitPrice, order.currency),
        usage: false,
      };
    }),
  };
}
