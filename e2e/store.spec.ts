import { expect, test } from '@playwright/test';
import { apiKey, apiPost, shot } from './support';

/** A product of this test alone (its own category) with every kind of option, and two coupons. */
async function givenShop(request: Parameters<typeof apiPost>[0]) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const both = (monthly: number) => [
    { cycle: 'monthly', currency: 'USD', amount: monthly },
    { cycle: 'annual', currency: 'USD', amount: monthly * 10 },
  ];
  const product = await apiPost<{ id: string; name: string }>(request, '/products', {
    name: `Store VPS ${tag}`,
    category: `E2E Store ${tag}`,
    description: 'A virtual server with a choice of system, memory and backups.',
    type: 'recurring',
    prices: [
      { cycle: 'monthly', currency: 'USD', amount: 2000, setup_fee: 500 },
      { cycle: 'annual', currency: 'USD', amount: 20000 },
    ],
    option_groups: [
      {
        name: 'Operating system',
        kind: 'radio',
        required: true,
        options: [
          { name: 'Linux', prices: both(0) },
          { name: 'Windows', prices: both(1500) },
        ],
      },
      { name: 'Extra RAM (GB)', kind: 'quantity', options: [{ name: 'GB', prices: both(300) }] },
      { name: 'Backups', kind: 'checkbox', options: [{ name: 'Daily backups', prices: both(500) }] },
    ],
  });
  const code = `SAVE${tag.replace(/\W/g, '').slice(-8).toUpperCase()}`;
  await apiPost(request, '/coupons', { code, type: 'percent', value: 10, duration: 'once', product_ids: [product.id] });
  const expired = `OLD${tag.replace(/\W/g, '').slice(-8).toUpperCase()}`;
  await apiPost(request, '/coupons', { code: expired, type: 'percent', value: 50, duration: 'once', expires_at: '2020-01-01T00:00:00Z' });
  return { product, code, expired, tag };
}

test('a visitor configures a product, applies a coupon, opens an account and orders', async ({ page, request }) => {
  const { product, code, expired, tag } = await givenShop(request);

  await page.goto('/store');
  const card = page.getByRole('article', { name: product.name });
  await expect(card.getByRole('table')).toContainText('save 17%');
  await shot(page, 'store');
  await card.getByRole('link', { name: `Configure ${product.name}` }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.name);
  const price = page.getByTestId('configured-price');
  // Monthly with Linux (required, chosen first) and the setup fee, due today.
  await expect(price).toHaveText('$25.00');
  await expect(page.getByTestId('configured-renewal')).toHaveText('then $20.00/mo');
  await page.getByRole('radio', { name: /Yearly/ }).check();
  await expect(price).toHaveText('$200.00');
  await page.getByRole('radio', { name: /Windows/ }).check();
  await expect(price).toHaveText('$350.00');
  await page.getByRole('spinbutton', { name: 'Extra RAM (GB)' }).fill('2');
  await expect(price).toHaveText('$410.00');
  await page.getByRole('checkbox', { name: /Daily backups/ }).check();
  await expect(price).toHaveText('$460.00');
  await shot(page, 'store-configure');
  await page.getByRole('button', { name: 'Add to cart' }).click();

  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByTestId('cart-link')).toContainText('1');
  const cart = page.getByRole('list', { name: 'Cart' });
  await expect(cart).toContainText(`${product.name} (Yearly)`);
  await expect(cart).toContainText('Windows');
  const total = page.getByTestId('summary-total');
  await expect(total).toHaveText('$460.00');

  const coupon = page.getByRole('form', { name: 'Coupon' });
  await coupon.getByLabel('Coupon code').fill('NO-SUCH-CODE');
  await coupon.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#coupon_code-error')).toHaveText('There is no coupon with this code');
  await coupon.getByLabel('Coupon code').fill(expired);
  await coupon.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#coupon_code-error')).toHaveText('This coupon has expired');
  await expect(total).toHaveText('$460.00');
  await coupon.getByLabel('Coupon code').fill(code.toLowerCase());
  await coupon.getByRole('button', { name: 'Apply' }).click();
  // 10% of the plan and its options.
  await expect(page.getByTestId('summary-discount')).toHaveText('−$46.00');
  await expect(total).toHaveText('$414.00');

  // Opening an account: a too-short password is answered inline, then the account is made.
  const email = `shopper-${tag}@example.test`;
  const signUp = page.getByRole('form', { name: 'Create an account' });
  await signUp.getByLabel('Your name').fill('Sam Shopper');
  await signUp.getByLabel('E-mail').fill(email);
  await signUp.getByLabel('Password').fill('short');
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await expect(signUp.locator('#signup-password-error')).toHaveText('must be at least 10 characters');
  await signUp.getByLabel('Password').fill('a long enough password');
  await signUp.getByRole('button', { name: 'Create account' }).click();

  // The page reloads signed in; the cart and its coupon came through.
  await expect(page.getByTestId('checkout-signed-in')).toContainText(email);
  await expect(page.getByTestId('shop-account')).toHaveText('My account');
  await expect(total).toHaveText('$414.00');

  const placeOrder = page.getByRole('button', { name: /^Place order/ });
  await page.getByRole('radio', { name: /Bank transfer/ }).check();
  await placeOrder.click();
  await expect(page.locator('#accept_terms-error')).toHaveText('You must accept the terms to order');
  await page.getByRole('checkbox', { name: /I accept the terms/ }).check();
  await shot(page, 'checkout');
  await placeOrder.click();

  await page.waitForURL(/\/client\/invoices\/[0-9a-f-]{36}\/pay/);
  const orders = await request.get(`/api/v1/orders?customer=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(orders.status()).toBe(200);
  const { data } = (await orders.json()) as {
    data: Array<{
      total: number;
      currency: string;
      status: string;
      payment_method: string;
      invoice_id: string;
      items: Array<{ product_id: string; cycle: string; unit_price: number }>;
    }>;
  };
  expect(data).toHaveLength(1);
  expect(data[0]).toMatchObject({ total: 41400, currency: 'USD', status: 'pending', payment_method: 'bank_transfer' });
  expect(data[0]!.items).toEqual([expect.objectContaining({ product_id: product.id, cycle: 'annual', unit_price: 46000 })]);
  expect(page.url()).toContain(`/client/invoices/${data[0]!.invoice_id}/pay`);

  // The order is placed; the cart is empty again.
  await page.goto('/checkout');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});

test('a visitor sees the store without signing in, and an empty cart', async ({ page }) => {
  await page.goto('/checkout');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  await page.getByRole('link', { name: 'Browse the store' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Store' })).toBeVisible();
  // The demo catalog, grouped by category.
  await expect(page.getByRole('heading', { level: 2, name: 'Hosting' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Cloud VPS', exact: true })).toContainText('save 17%');
  await expect(page.getByTestId('shop-account')).toHaveText('Sign in');
});
