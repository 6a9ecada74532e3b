import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, couponRedemptions, customers, invoices, orders, settings, users } from '@/db/schema';
import { anonymousActor, systemActor } from '@/server/auth/actor';
import { verifyPassword } from '@/server/auth/password';
import { createCouponInput, createProductInput, updateProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { checkoutInput, quoteInput, signUpInput } from '@/server/schemas/store';
import { signUp } from '@/server/services/account/sign-up';
import { createCoupon } from '@/server/services/catalog/create-coupon';
import { createProduct } from '@/server/services/catalog/create-product';
import { updateProduct } from '@/server/services/catalog/update-product';
import { adjustCredit } from '@/server/services/credit/adjust';
import { getInvoice } from '@/server/services/invoices/get';
import { placeOrder } from '@/server/services/orders/place';
import { orderConfirmation } from '@/server/services/storefront/confirmation';
import { placeStoreOrder } from '@/server/services/storefront/place-order';
import { quoteCart } from '@/server/services/storefront/quote-cart';
import { readStorefront, readStoreProduct } from '@/server/services/storefront/read';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const visitor = () => ctxOf(db(), anonymousActor('203.0.113.7'));
const tag = () => Math.random().toString(36).slice(2, 8);

/** A customer with a client login, as signing up at checkout leaves them. */
async function givenClient(currency = 'USD') {
  const customer = await givenCustomer(db(), { currency });
  const user = await givenUser(db(), 'client', { customerId: customer.id });
  return { customer, ctx: ctxOf(db(), user.actor) };
}

async function givenCoupon(extra: Record<string, unknown> = {}, at = new Date()) {
  const code = `C${tag()}`;
  return createCoupon(ctxOf(db(), systemActor(), at), camelized(createCouponInput).parse({ code, type: 'percent', value: 10, duration: 'once', ...extra }));
}

const address = { line1: '1 Harbour Road', city: 'Bristol', postal_code: 'BS1 4RN', country: 'gb' };
/** What the sign-up form sends, with an address. */
const signUpOf = (fields: Record<string, unknown>) => camelized(signUpInput).parse({ billing_address: address, ...fields });

const countOf = async (table: typeof customers | typeof users | typeof orders) => (await db().select({ n: count() }).from(table))[0]!.n;

describe('signing up at checkout', () => {
  it('creates a customer at their address in the default currency and its client login, with an audit row', async () => {
    const email = `new-${tag()}@example.test`;
    const result = await signUp(visitor(), signUpOf({ name: 'Nia New', email: email.toUpperCase(), company: 'Nia Ltd', password: 'correct horse battery' }));

    const [customer] = await db().select().from(customers).where(eq(customers.id, result.customerId));
    expect(customer).toMatchObject({
      name: 'Nia New',
      email,
      company: 'Nia Ltd',
      currency: 'USD',
      resellerId: null,
      billingAddress: { line1: '1 Harbour Road', city: 'Bristol', postalCode: 'BS1 4RN', country: 'GB' },
    });
    const [user] = await db().select().from(users).where(eq(users.id, result.userId));
    expect(user).toMatchObject({ email, role: 'client', customerId: customer!.id, disabled: false });
    expect(user!.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('correct horse battery', user!.passwordHash)).toBe(true);

    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.signed_up'), eq(auditLog.entityId, customer!.id)));
    expect(entry).toMatchObject({ actorType: 'user', actorId: user!.id, ip: '203.0.113.7' });
    expect(JSON.stringify(entry!.after)).not.toContain(user!.passwordHash);
  });

  it.each([
    ['a customer', async () => (await givenCustomer(db())).email],
    [
      'a staff login',
      async () => {
        const staff = await givenUser(db(), 'staff');
        return (await db().select().from(users).where(eq(users.id, staff.id)))[0]!.email;
      },
    ],
  ])('refuses an e-mail that %s already has (any case) and writes nothing', async (_who, existing) => {
    const email = (await existing()).toUpperCase();
    const [customersBefore, usersBefore] = [await countOf(customers), await countOf(users)];
    await expect(signUp(visitor(), signUpOf({ name: 'Copy Cat', email, password: 'long enough password' }))).rejects.toMatchObject({
      code: 'conflict',
      fields: { email: 'already has an account; sign in instead' },
    });
    expect([await countOf(customers), await countOf(users)]).toEqual([customersBefore, usersBefore]);
  });

  it('refuses someone already signed in', async () => {
    const { ctx } = await givenClient();
    await expect(signUp(ctx, signUpOf({ name: 'Again', email: `a-${tag()}@example.test`, password: 'long enough password' }))).rejects.toMatchObject({
      code: 'invalid_state',
    });
  });

  it('validates the form with field messages', () => {
    const parsed = signUpInput.safeParse({ name: ' ', email: 'nope', billing_address: { line1: '', city: '', country: 'Germany' }, password: 'short' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'is required'],
      ['email', 'must be a valid e-mail address'],
      ['billing_address.line1', 'is required'],
      ['billing_address.city', 'is required'],
      ['billing_address.country', 'must be a two-letter country code, like US'],
      ['password', 'must be at least 10 characters'],
    ]);
  });
});

describe('the storefront', () => {
  it('shows active products priced in the shopper currency, by category, with savings', async () => {
    const name = `Store VPS ${tag()}`;
    const product = await createProduct(
      ctxOf(db(), systemActor()),
      camelized(createProductInput).parse({
        name,
        category: 'Servers',
        type: 'recurring',
        description: 'A server with **root** access.',
        features: ['2 vCPU', '', '  4 GB RAM  '],
        prices: [
          { cycle: 'annual', currency: 'USD', amount: 10000 },
          { cycle: 'monthly', currency: 'USD', amount: 1000, setup_fee: 500 },
          { cycle: 'monthly', currency: 'EUR', amount: 900 },
        ],
        option_groups: [
          {
            name: 'OS',
            kind: 'radio',
            options: [
              {
                name: 'Linux',
                prices: [
                  { cycle: 'monthly', currency: 'USD', amount: 0 },
                  { cycle: 'monthly', currency: 'EUR', amount: 0 },
                ],
              },
            ],
          },
        ],
      }),
    );
    const gbpOnly = await createProduct(
      ctxOf(db(), systemActor()),
      camelized(createProductInput).parse({ name: `Pound plan ${tag()}`, type: 'recurring', prices: [{ cycle: 'monthly', currency: 'GBP', amount: 500 }] }),
    );
    const loose = await givenProduct(db(), { name: `Loose ${tag()}` });
    const retired = await givenProduct(db(), { name: `Retired ${tag()}` });
    await updateProduct(
      ctxOf(db(), systemActor()),
      camelized(updateProductInput).parse({
        id: retired.id,
        name: retired.name,
        type: 'recurring',
        active: false,
        prices: [{ cycle: 'monthly', currency: 'USD', amount: 1 }],
      }),
    );

    const store = await readStorefront(visitor());
    expect(store.currency).toBe('USD');
    const all = store.categories.flatMap((c) => c.products.map((p) => p.id));
    expect(all).not.toContain(gbpOnly.id);
    expect(all).not.toContain(retired.id);
    const servers = store.categories.find((c) => c.name === 'Servers')!;
    const shown = servers.products.find((p) => p.id === product.id)!;
    // Blank feature lines drop out; the markdown is kept as typed, for the page to render sanitized.
    expect(shown).toMatchObject({ description: 'A server with **root** access.', features: ['2 vCPU', '4 GB RAM'] });
    expect(shown.prices).toEqual([
      { cycle: 'monthly', currency: 'USD', amount: 1000n, setupFee: 500n, savingsPercent: null, savings: null },
      { cycle: 'annual', currency: 'USD', amount: 10000n, setupFee: 0n, savingsPercent: 17, savings: 2000n },
    ]);
    expect(shown.optionGroups[0]!.options[0]!.prices).toEqual([{ cycle: 'monthly', currency: 'USD', amount: 0n }]);
    // Uncategorised products are listed last, under "Other".
    expect(store.categories.map((c) => c.name)).toEqual(['Servers', 'Other']);
    expect(store.categories[1]!.products.map((p) => p.id)).toEqual([loose.id]);

    const { ctx } = await givenClient('EUR');
    const euro = await readStoreProduct(ctx, { id: product.id });
    expect(euro).toMatchObject({ currency: 'EUR', product: { prices: [{ cycle: 'monthly', amount: 900n }] } });
    expect(await readStoreProduct(visitor(), { id: gbpOnly.id })).toBeNull();
    expect(await readStoreProduct(visitor(), { id: retired.id })).toBeNull();
  });
});

describe('quoting a cart', () => {
  it('prices from the catalog, applies a coupon, and equals the order it becomes', async () => {
    await db()
      .insert(settings)
      .values({ key: 'billing', value: { currency: 'USD', tax_rate: '20' } })
      .onConflictDoUpdate({ target: settings.key, set: { value: { currency: 'USD', tax_rate: '20' } } });
    try {
      const product = await givenProduct(db(), { monthly: 2000, setupFee: 500 });
      const coupon = await givenCoupon({ value: 25 });
      const items = [{ product_id: product.id, cycle: 'monthly' as const, quantity: 2, options: [] }];
      const quote = await quoteCart(visitor(), camelized(quoteInput).parse({ items, coupon_code: coupon.code.toLowerCase() }));
      expect(quote).toMatchObject({
        currency: 'USD',
        coupon: { code: coupon.code },
        itemsTotal: 5000n,
        discount: 1000n,
        tax: 800n,
        total: 4800n,
        creditBalance: null,
      });
      expect(quote.lines).toEqual([expect.objectContaining({ productId: product.id, unitPrice: 2000n, setupFee: 500n, quantity: 2, discount: 1000n })]);

      const { ctx } = await givenClient();
      const order = await placeStoreOrder(
        ctx,
        camelized(checkoutInput).parse({ items, coupon_code: coupon.code, payment_method: 'bank_transfer', accept_terms: true }),
      );
      const invoice = await getInvoice(ctxOf(db(), systemActor()), { id: order.invoiceId! });
      expect(invoice.total).toBe(quote.total);
    } finally {
      await db().delete(settings).where(eq(settings.key, 'billing'));
    }
  });

  it.each([
    ['unknown', async () => 'NO-SUCH-CODE', 'There is no coupon with this code'],
    ['expired', async () => (await givenCoupon({ expires_at: '2020-01-01T00:00:00Z' }, new Date('2019-01-01'))).code, 'This coupon has expired'],
    [
      'exhausted',
      async () => {
        const coupon = await givenCoupon({ max_uses: 1 });
        const product = await givenProduct(db());
        const someone = await givenCustomer(db());
        await placeOrder(
          ctxOf(db(), systemActor()),
          camelized(placeOrderInput).parse({ customer_id: someone.id, coupon_code: coupon.code, items: [{ product_id: product.id, cycle: 'monthly' }] }),
        );
        return coupon.code;
      },
      'This coupon has been used up',
    ],
    ['not applicable', async () => (await givenCoupon({ product_ids: [(await givenProduct(db())).id] })).code, 'This coupon does not apply to these products'],
    ['for another currency', async () => (await givenCoupon({ type: 'fixed', value: 100, currency: 'EUR' })).code, 'This coupon is for another currency'],
  ])('refuses a coupon that is %s, on the coupon field', async (_what, codeOf, message) => {
    const code = await codeOf();
    const product = await givenProduct(db());
    await expect(
      quoteCart(visitor(), camelized(quoteInput).parse({ coupon_code: code, items: [{ product_id: product.id, cycle: 'monthly' }] })),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: { coupon_code: message },
    });
  });

  it('refuses a once-per-customer coupon the signed-in client already used, which a visitor cannot know yet', async () => {
    const coupon = await givenCoupon({ once_per_customer: true });
    const product = await givenProduct(db());
    const { ctx } = await givenClient();
    const items = [{ product_id: product.id, cycle: 'monthly' as const }];
    await placeStoreOrder(ctx, camelized(checkoutInput).parse({ items, coupon_code: coupon.code, payment_method: 'bank_transfer', accept_terms: true }));
    await expect(quoteCart(ctx, camelized(quoteInput).parse({ coupon_code: coupon.code, items }))).rejects.toMatchObject({
      fields: { coupon_code: 'You have already used this coupon' },
    });
    await expect(quoteCart(visitor(), camelized(quoteInput).parse({ coupon_code: coupon.code, items }))).resolves.toMatchObject({
      coupon: { code: coupon.code },
    });
  });

  it('quotes a client in their own currency, with their credit balance', async () => {
    const product = await givenProduct(db(), { monthly: 1500 });
    const { customer, ctx } = await givenClient('EUR');
    await adjustCredit(ctxOf(db(), systemActor()), { customerId: customer.id, amount: 700n, reason: 'Goodwill' });
    const quote = await quoteCart(ctx, camelized(quoteInput).parse({ items: [{ product_id: product.id, cycle: 'monthly' }] }));
    expect(quote).toMatchObject({ currency: 'EUR', total: 1500n, creditBalance: 700n });
    // The product has no EUR annual price: the item's cycle says so.
    await expect(quoteCart(ctx, camelized(quoteInput).parse({ items: [{ product_id: product.id, cycle: 'annual' }] }))).rejects.toMatchObject({
      fields: { 'items.0.cycle': expect.stringContaining('is not offered') },
    });
  });
});

describe('placing the order at checkout', () => {
  it('orders for the signed-in client at catalog prices, whatever the browser sent', async () => {
    const product = await givenProduct(db(), { monthly: 4200 });
    const { customer, ctx } = await givenClient();
    const items = [{ product_id: product.id, cycle: 'monthly', unit_price: 1 }];
    // A price in the cart is not part of the contract at all.
    expect(checkoutInput.safeParse({ items, payment_method: 'bank_transfer', accept_terms: true }).success).toBe(false);
    expect(
      checkoutInput.safeParse({
        items: [{ product_id: product.id, cycle: 'monthly' }],
        payment_method: 'bank_transfer',
        accept_terms: true,
        customer_id: customer.id,
      }).success,
    ).toBe(false);

    const order = await placeStoreOrder(
      ctx,
      camelized(checkoutInput).parse({ items: [{ product_id: product.id, cycle: 'monthly' }], payment_method: 'bank_transfer', accept_terms: true }),
    );
    expect(order).toMatchObject({ customerId: customer.id, status: 'pending', total: 4200n, paymentMethod: 'bank_transfer' });
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'order.checked_out'), eq(auditLog.entityId, order.id)));
    expect(entry!.after).toMatchObject({ payment_method: 'bank_transfer', terms_accepted: true });
  });

  it('refuses a client ordering for another customer, and writes nothing', async () => {
    const product = await givenProduct(db());
    const other = await givenCustomer(db());
    const { ctx } = await givenClient();
    const before = await countOf(orders);
    await expect(
      placeOrder(ctx, camelized(placeOrderInput).parse({ customer_id: other.id, items: [{ product_id: product.id, cycle: 'monthly' }] })),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: { customer_id: 'is not a customer you can sell to' },
    });
    expect(await countOf(orders)).toBe(before);
  });

  it('refuses visitors and staff: the store sells to customer accounts', async () => {
    const product = await givenProduct(db());
    const input = camelized(checkoutInput).parse({
      items: [{ product_id: product.id, cycle: 'monthly' }],
      payment_method: 'bank_transfer',
      accept_terms: true,
    });
    await expect(placeStoreOrder(visitor(), input)).rejects.toMatchObject({ code: 'forbidden' });
    const staff = await givenUser(db(), 'staff', { permissions: ['orders.create'] });
    await expect(placeStoreOrder(ctxOf(db(), staff.actor), input)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('requires the terms and a method the store offers', async () => {
    const product = await givenProduct(db());
    const items = [{ product_id: product.id, cycle: 'monthly' }];
    expect(checkoutInput.safeParse({ items, payment_method: 'bank_transfer', accept_terms: false }).error?.issues[0]).toMatchObject({
      path: ['accept_terms'],
      message: 'You must accept the terms to order',
    });
    expect(checkoutInput.safeParse({ items, payment_method: 'cash', accept_terms: true }).error?.issues[0]).toMatchObject({ path: ['payment_method'] });

    const { ctx } = await givenClient();
    await db()
      .insert(settings)
      .values({ key: 'payments', value: { bank_transfer: { enabled: false } } });
    try {
      await expect(placeStoreOrder(ctx, camelized(checkoutInput).parse({ items, payment_method: 'bank_transfer', accept_terms: true }))).rejects.toMatchObject({
        fields: { payment_method: 'is not available; choose another' },
      });
    } finally {
      await db().delete(settings).where(eq(settings.key, 'payments'));
    }
  });

  it('takes credit only when the balance covers the whole order; a refusal leaves no order', async () => {
    const product = await givenProduct(db(), { monthly: 3000 });
    const { customer, ctx } = await givenClient();
    await adjustCredit(ctxOf(db(), systemActor()), { customerId: customer.id, amount: 2999n, reason: 'Prepaid' });
    const input = camelized(checkoutInput).parse({ items: [{ product_id: product.id, cycle: 'monthly' }], payment_method: 'credit', accept_terms: true });
    const mine = async () => (await db().select({ n: count() }).from(orders).where(eq(orders.customerId, customer.id)))[0]!.n;

    await expect(placeStoreOrder(ctx, input)).rejects.toMatchObject({ fields: { payment_method: 'Your credit balance does not cover this order' } });
    expect(await mine()).toBe(0);
    expect((await db().select({ n: count() }).from(invoices).where(eq(invoices.customerId, customer.id)))[0]!.n).toBe(0);

    await adjustCredit(ctxOf(db(), systemActor()), { customerId: customer.id, amount: 1n, reason: 'Top-up' });
    await expect(placeStoreOrder(ctx, input)).resolves.toMatchObject({ total: 3000n, paymentMethod: 'credit' });
    expect(await mine()).toBe(1);
  });

  it('does not redeem a coupon when the order is refused', async () => {
    const coupon = await givenCoupon();
    const product = await givenProduct(db(), { monthly: 3000 });
    const { ctx } = await givenClient();
    await expect(
      placeStoreOrder(
        ctx,
        camelized(checkoutInput).parse({
          items: [{ product_id: product.id, cycle: 'monthly' }],
          coupon_code: coupon.code,
          payment_method: 'credit',
          accept_terms: true,
        }),
      ),
    ).rejects.toMatchObject({ code: 'validation' });
    expect((await db().select({ n: count() }).from(couponRedemptions).where(eq(couponRedemptions.couponId, coupon.id)))[0]!.n).toBe(0);
  });
});

describe('the confirmation after checkout', () => {
  it('shows the buyer their order, its first invoice and whether it is reviewed; nobody else', async () => {
    const product = await givenProduct(db(), { monthly: 2500, autoActivate: false });
    const { ctx } = await givenClient();
    const order = await placeStoreOrder(
      ctx,
      camelized(checkoutInput).parse({ items: [{ product_id: product.id, cycle: 'monthly' }], payment_method: 'bank_transfer', accept_terms: true }),
    );

    const seen = await orderConfirmation(ctx, { id: order.id });
    expect(seen).toMatchObject({
      order: { number: order.number, paymentMethod: 'bank_transfer', status: 'pending' },
      invoice: { id: order.invoiceId, status: 'pending', balance: 2500n },
      reviewed: true,
    });

    const stranger = await givenClient();
    await expect(orderConfirmation(stranger.ctx, { id: order.id })).rejects.toMatchObject({ code: 'not_found' });
    // Staff read orders in the console; this page is the buyer's.
    const staff = await givenUser(db(), 'admin');
    await expect(orderConfirmation(ctxOf(db(), staff.actor), { id: order.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});

// After the storefront's test, which expects to be the first to put products on sale.
describe('the currency chosen at sign-up', () => {
  it('opens the account in a currency the store sells in, and refuses one it does not', async () => {
    await givenProduct(db()); // priced in USD and EUR
    const euro = await signUp(visitor(), signUpOf({ name: 'Eva Euro', email: `eur-${tag()}@example.test`, currency: 'eur', password: 'long enough password' }));
    const [customer] = await db().select().from(customers).where(eq(customers.id, euro.customerId));
    expect(customer!.currency).toBe('EUR');

    const before = await countOf(customers);
    await expect(
      signUp(visitor(), signUpOf({ name: 'Yuki Yen', email: `jpy-${tag()}@example.test`, currency: 'JPY', password: 'long enough password' })),
    ).rejects.toMatchObject({ code: 'validation', fields: { currency: expect.stringMatching(/^must be one of .*EUR.*USD/) } });
    expect(await countOf(customers)).toBe(before);
  });
});
