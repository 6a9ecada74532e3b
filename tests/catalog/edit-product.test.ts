import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { createProductInput, updateProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { createProduct } from '@/server/services/catalog/create-product';
import { getProduct } from '@/server/services/catalog/get-product';
import { updateProduct } from '@/server/services/catalog/update-product';
import { placeOrder } from '@/server/services/orders/place';
import { loadOrder } from '@/server/services/orders/store';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer } from '../support/fixtures';

const { db } = withTestDatabase();
const ctx = () => ctxOf(db(), systemActor());

async function givenVps() {
  return createProduct(
    ctx(),
    camelized(createProductInput).parse({
      name: 'Cloud VPS',
      type: 'recurring',
      prices: [{ cycle: 'monthly', currency: 'USD', amount: 2000 }],
      option_groups: [
        {
          name: 'Location',
          kind: 'select',
          required: true,
          options: [
            { name: 'Frankfurt', prices: [{ cycle: 'monthly', currency: 'USD', amount: 0 }] },
            { name: 'New York', prices: [{ cycle: 'monthly', currency: 'USD', amount: 100 }] },
          ],
        },
        { name: 'Backups', kind: 'checkbox', options: [{ name: 'Daily', prices: [{ cycle: 'monthly', currency: 'USD', amount: 300 }] }] },
      ],
    }),
  );
}

describe('editing a product', () => {
  it('reprices new orders, keeps the ids of the options it keeps, and leaves placed orders as sold', async () => {
    const vps = await givenVps();
    const [location, backups] = vps.optionGroups;
    const customer = await givenCustomer(db());
    const newYork = location!.options[1]!.id;
    const before = await placeOrder(
      ctx(),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: vps.id, cycle: 'monthly', options: [{ option_id: newYork }] }] }),
    );
    expect(before.total).toBe(2100n);

    const edited = await updateProduct(
      ctx(),
      camelized(updateProductInput).parse({
        id: vps.id,
        name: 'Cloud VPS 2',
        type: 'recurring',
        prices: [
          { cycle: 'monthly', currency: 'USD', amount: 2500 },
          { cycle: 'annual', currency: 'USD', amount: 25000 },
        ],
        option_groups: [
          {
            id: location!.id,
            name: 'Region',
            kind: 'radio',
            required: true,
            options: [
              { id: newYork, name: 'New York', prices: [{ cycle: 'monthly', currency: 'USD', amount: 150 }] },
              { name: 'Singapore', prices: [{ cycle: 'monthly', currency: 'USD', amount: 200 }] },
            ],
          },
        ],
      }),
    );

    expect(edited.name).toBe('Cloud VPS 2');
    expect(edited.prices.map((p) => [p.cycle, p.amount]).sort()).toEqual([
      ['annual', 25000n],
      ['monthly', 2500n],
    ]);
    expect(edited.optionGroups.map((g) => [g.id, g.name, g.kind, g.options.map((o) => o.name)])).toEqual([
      [location!.id, 'Region', 'radio', ['New York', 'Singapore']],
    ]);
    expect(edited.optionGroups[0]!.options[0]!.id).toBe(newYork);
    expect(edited.optionGroups.some((g) => g.id === backups!.id)).toBe(false);

    const after = await placeOrder(
      ctx(),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: vps.id, cycle: 'monthly', options: [{ option_id: newYork }] }] }),
    );
    expect(after.total).toBe(2650n);
    const placed = await loadOrder(db(), { kind: 'all' }, before.id);
    expect(placed.total).toBe(2100n);
    expect(placed.services[0]!.price).toBe(2100n);

    const log = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'product'), eq(auditLog.entityId, vps.id)))
      .orderBy(desc(auditLog.id));
    expect(log.map((e) => e.action)).toEqual(['product.updated', 'product.created']);
  });

  it('takes a product off sale, so it can no longer be ordered', async () => {
    const vps = await givenVps();
    await updateProduct(
      ctx(),
      camelized(updateProductInput).parse({
        id: vps.id,
        name: vps.name,
        type: 'recurring',
        active: false,
        prices: [{ cycle: 'monthly', currency: 'USD', amount: 2000 }],
      }),
    );
    const customer = await givenCustomer(db());
    await expect(
      placeOrder(ctx(), camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: vps.id, cycle: 'monthly' }] })),
    ).rejects.toMatchObject({
      fields: { 'items.0.product_id': 'is not a product on sale' },
    });
  });

  it('refuses to turn an ordered product one-time, and changes nothing', async () => {
    const vps = await givenVps();
    const customer = await givenCustomer(db());
    const frankfurt = vps.optionGroups[0]!.options[0]!.id;
    await placeOrder(
      ctx(),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: vps.id, cycle: 'monthly', options: [{ option_id: frankfurt }] }] }),
    );
    await expect(
      updateProduct(
        ctx(),
        camelized(updateProductInput).parse({ id: vps.id, name: 'Changed', type: 'one_time', prices: [{ cycle: 'one_time', currency: 'USD', amount: 100 }] }),
      ),
    ).rejects.toMatchObject({ code: 'validation', fields: { type: 'cannot change once the product has been ordered' } });
    const unchanged = await getProduct(ctx(), { id: vps.id });
    expect(unchanged).toMatchObject({ name: 'Cloud VPS', type: 'recurring' });
    expect(unchanged.optionGroups).toHaveLength(2);
  });

  it('rejects a price whose cycle does not fit the product type', () => {
    const result = updateProductInput.safeParse({
      id: crypto.randomUUID(),
      name: 'X',
      type: 'recurring',
      prices: [{ cycle: 'one_time', currency: 'USD', amount: 1 }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['prices', 0, 'cycle'], message: 'must be a billing cycle for a recurring product' });
  });
});
