import { describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { withTestDatabase } from '../support/database';
import { givenProduct } from '../support/fixtures';

const { db } = withTestDatabase();
const asVisitor = () => createCaller({ db: db(), actor: null, origin: 'http://localhost' });

describe('tRPC store router', () => {
  it('quotes a cart for a visitor without a session', async () => {
    const product = await givenProduct(db(), { monthly: 1250, setupFee: 100 });
    const quote = await asVisitor().store.quote({ items: [{ product_id: product.id, cycle: 'monthly' }] });
    expect(quote).toMatchObject({ currency: 'USD', itemsTotal: 1350n, total: 1350n, creditBalance: null, coupon: null });
  });

  it('answers a refused coupon as BAD_REQUEST with the coupon field', async () => {
    const product = await givenProduct(db());
    await expect(asVisitor().store.quote({ coupon_code: 'NOPE', items: [{ product_id: product.id, cycle: 'monthly' }] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { fields: { coupon_code: 'There is no coupon with this code' } },
    });
  });

  it('refuses a cart carrying prices, before any service runs', async () => {
    const product = await givenProduct(db());
    await expect(asVisitor().store.quote({ items: [{ product_id: product.id, cycle: 'monthly', unit_price: 1 } as never] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
