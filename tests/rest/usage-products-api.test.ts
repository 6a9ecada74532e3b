import { beforeAll, describe, expect, it } from 'vitest';
import { POST as placeOrder } from '@/app/api/v1/orders/route';
import { POST as createProduct } from '@/app/api/v1/products/route';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
let key: string;
let customerId: string;
type Handler = (r: Request, p: ReturnType<typeof params>) => Promise<Response>;
const call = async (handler: Handler, method: string, path: string, body?: unknown) => {
  const response = await handler(apiRequest(path, { defaultKey: key, method, ...(body === undefined ? {} : { body }) }), params({}));
  return { status: response.status, body: await response.json() };
};
const product = (fields: Record<string, unknown>) =>
  call(createProduct, 'POST', '/api/v1/products', {
    name: 'API calls',
    type: 'usage',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: '0.015' }],
    ...fields,
  });
const fieldsOf = (response: { body: { error: { fields: Record<string, string> } } }) => response.body.error.fields;

beforeAll(async () => {
  key = await givenApiKey(db(), 'admin');
  customerId = (await givenCustomer(db(), { name: 'Acme Corp' })).id;
});

describe('usage products over REST', () => {
  it('takes a sub-cent price per unit and answers it as its decimal string, with included credits and a tax code', async () => {
    const created = await product({ included_credits: { amount: 5000, rollover: true }, tax_code: '998315' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'usage',
      prices: [{ cycle: 'monthly', currency: 'USD', amount: '0.015', setup_fee: 0 }],
      included_credits: { amount: 5000, rollover: true },
      tax_code: '998315',
      option_groups: [],
    });
    const whole = await product({ prices: [{ cycle: 'monthly', currency: 'USD', amount: 3 }] });
    expect(whole.body).toMatchObject({ prices: [{ amount: '3' }], included_credits: null, tax_code: null });
    const recurring = await product({ type: 'recurring', prices: [{ cycle: 'monthly', currency: 'USD', amount: 1200 }] });
    expect(recurring.body).toMatchObject({ prices: [{ amount: 1200 }] });
  });

  it.each([
    [{ prices: [{ cycle: 'monthly', currency: 'USD', amount: '0.0000001' }] }, 'prices.0.amount', 'must be an amount in minor units with at most 6 decimals'],
    [{ prices: [{ cycle: 'monthly', currency: 'USD', amount: '-0.5' }] }, 'prices.0.amount', 'must not be negative'],
    [{ prices: [{ cycle: 'monthly', currency: 'USD', amount: -1 }] }, 'prices.0.amount', 'must not be negative'],
    [{ type: 'recurring' }, 'prices.0.amount', 'must be an integer amount in minor units (decimals only for a usage product)'],
    [{ prices: [{ cycle: 'monthly', currency: 'USD', amount: 1, setup_fee: 100 }] }, 'prices.0.setup_fee', 'must be empty for a usage product'],
    [
      { option_groups: [{ name: 'Region', kind: 'select', options: [{ name: 'EU' }] }] },
      'option_groups',
      'must be empty for a usage product (it is priced per unit used)',
    ],
    [{ prices: [{ cycle: 'one_time', currency: 'USD', amount: 1 }] }, 'prices.0.cycle', 'must be a billing cycle for a usage product'],
    [{ included_credits: { amount: 0, rollover: false } }, 'included_credits.amount', 'must be greater than 0'],
  ])('refuses %j: 400 on %s', async (fields, field, message) => {
    const refused = await product(fields);
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)).toEqual({ [field]: message });
  });

  it('orders usage on a contract only, without seats, at the catalog or a custom decimal unit price', async () => {
    const usage = (await product({})).body.id as string;
    const order = (items: unknown[], contract = true) =>
      call(placeOrder, 'POST', '/api/v1/orders', { customer_id: customerId, ...(contract ? { draft: true, billing_day: 1 } : {}), items });

    const store = await order([{ product_id: usage, cycle: 'monthly' }], false);
    expect(store.status).toBe(400);
    expect(fieldsOf(store)).toEqual({ 'items.0.product_id': 'is a usage product, billed on a contract order only' });
    const seats = await order([{ product_id: usage, cycle: 'monthly', quantity: 2 }]);
    expect(fieldsOf(seats)).toEqual({ 'items.0.quantity': 'must be 1 for a usage product (it is billed per unit used)' });
    const tooFine = await order([{ product_id: usage, cycle: 'monthly', price: '0.0000001' }]);
    expect(fieldsOf(tooFine)).toEqual({ 'items.0.price': 'must be an amount in minor units with at most 6 decimals' });

    const placed = await order([
      { product_id: usage, cycle: 'monthly' },
      { product_id: usage, cycle: 'monthly', price: '0.0125' },
    ]);
    expect(placed.status).toBe(201);
    expect(placed.body.items.map((i: { quantity: string; unit_price: unknown }) => [i.quantity, i.unit_price])).toEqual([
      ['1', '0.015'],
      ['1', '0.0125'],
    ]);
    // Usage is billed in arrears: nothing of it is in the total per period.
    expect(placed.body.total).toBe(0);

    const recurring = (await product({ type: 'recurring', prices: [{ cycle: 'monthly', currency: 'USD', amount: 1200 }] })).body.id as string;
    const decimalOnPlan = await order([{ product_id: recurring, cycle: 'monthly', price: '12.5' }]);
    expect(fieldsOf(decimalOnPlan)).toEqual({ 'items.0.price': 'must be an integer amount in minor units (decimals only for a usage product)' });
  });
});
