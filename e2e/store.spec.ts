import { expect, test } from '@playwright/test';
import { apiKey, apiPost, expectNoSidewaysScroll, shot, signUpAs } from './support';

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
    description: 'A virtual server with a choice of **system**, memory and backups. [Status page](https://status.example.com)',
    // The last bullet is what a careless (or hostile) editor might type: it must not become a live link.
    features: ['2 vCPU, 4 GB RAM', '80 GB *NVMe* storage', 'Free [script](javascript:alert(1))'],
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

test('a visitor compares plans yearly, configures one, applies a coupon, opens an account and orders', async ({ page, request }) => {
  const { product, code, expired, tag } = await givenShop(request);
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.goto('/store');
  // A category is a grid: the demo's three hosting plans sit side by side at this width.
  const hosting = page.getByRole('region', { name: 'Hosting', exact: true }).getByRole('article');
  await expect(hosting).toHaveCount(3);
  const tops = await hosting.evaluateAll((cards) => cards.map((card) => Math.round(card.getBoundingClientRect().top)));
  expect(new Set(tops).size, 'the hosting cards share one row').toBe(1);
  const card = page.getByRole('article', { name: product.name });
  await expect(card.getByRole('list', { name: `${product.name} features` })).toContainText('80 GB NVMe storage');
  await expect(card.locator('strong')).toHaveText('system');
  await expect(card.getByTestId('product-price')).toContainText('$20.00/mo');
  await shot(page, 'store');

  // Yearly: the price per year and what it saves against twelve months.
  const billing = page.getByRole('group', { name: 'Billing cycle' });
  await expect(billing.getByRole('link', { name: /Yearly/ })).toContainText('save up to 17%');
  await billing.getByRole('link', { name: /Yearly/ }).click();
  await expect(page).toHaveURL(/billing=yearly/);
  await expect(card.getByTestId('product-price')).toContainText('$200.00/yr');
  await expect(card.getByTestId('product-price')).toContainText('Save 17% · $40.00 a year');
  await shot(page, 'store-yearly');
  await card.getByRole('link', { name: `Configure ${product.name}` }).click();

  await expect(page).toHaveURL(/cycle=annual/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.name);
  // The description and bullets, sanitized: the javascript: link keeps its words and loses its address.
  await expect(page.getByRole('link', { name: 'Status page' })).toHaveAttribute('href', 'https://status.example.com');
  const features = page.getByRole('list', { name: `${product.name} features` });
  await expect(features).toContainText('Free script');
  await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(features.getByRole('link')).toHaveCount(0);
  const price = page.getByTestId('configured-price');
  // The store's yearly choice comes along.
  await expect(page.getByRole('radio', { name: /Yearly/ })).toBeChecked();
  await expect(price).toHaveText('$200.00');
  await page.getByRole('radio', { name: /Monthly/ }).check();
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
  // The rule is there before the first try; the currency offered first is the store's.
  await expect(signUp.getByText(/At least 10 characters/)).toBeVisible();
  await expect(signUp.getByLabel('Currency')).toHaveValue('USD');
  await expect(signUp.getByLabel('Currency').locator('option')).toContainText(['EUR', 'GBP', 'USD']);
  await signUpAs(page, { name: 'Sam Shopper', email, password: 'short' });
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

  // The confirmation: the order number, what happens next, and the bank details to pay with.
  await page.waitForURL(/\/checkout\/complete\/[0-9a-f-]{36}$/);
  const confirmation = page.getByTestId('order-confirmation');
  await expect(confirmation.getByRole('heading', { level: 1 })).toHaveText('Thank you for your order');
  const orders = await request.get(`/api/v1/orders?customer=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(orders.status()).toBe(200);
  const { data } = (await orders.json()) as {
    data: Array<{
      id: string;
      number: string;
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
  expect(page.url()).toContain(`/checkout/complete/${data[0]!.id}`);
  await expect(page.getByTestId('order-number')).toHaveText(data[0]!.number);
  await expect(page.getByRole('list', { name: 'What happens next' })).toContainText('Transfer $414.00 with the reference');
  await expect(page.getByTestId('bank-transfer')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your account' })).toHaveAttribute('href', '/client');
  await shot(page, 'store-confirmation');

  // On a phone nothing scrolls sideways: the store, a product, checkout and the confirmation.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await shot(page, 'store-confirmation-390');
  for (const [path, name] of [
    ['/store?billing=yearly', 'store-390'],
    [`/store/${product.id}`, 'store-product-390'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, name);
  }
  await page.getByRole('radio', { name: /Windows/ }).check();
  await page.getByRole('button', { name: 'Add to cart' }).last().click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(total).toHaveText('$40.00');
  await expectNoSidewaysScroll(page);
  await shot(page, 'checkout-390');
  await page.getByRole('button', { name: `Remove ${product.name}` }).click();

  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});

test('a visitor sees the store without signing in, and an empty cart', async ({ page }) => {
  await page.goto('/checkout');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  await page.getByRole('link', { name: 'Browse the store' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Store' })).toBeVisible();
  // The demo catalog, grouped by category.
  await expect(page.getByRole('heading', { level: 2, name: 'Hosting' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Cloud VPS', exact: true }).getByTestId('product-price')).toContainText('$24.00/mo');
  await expect(page.getByRole('group', { name: 'Billing cycle' })).toContainText('save up to 17%');
  await expect(page.getByTestId('shop-account')).toHaveText('Sign in');
});

test('the sign-in page offers a new password and a new account; signing up lands in the portal', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/reset-password');
  await shot(page, 'sign-in-links');
  await page.getByRole('link', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create your account');
  // The password rule shows before any attempt.
  await expect(page.getByText(/At least 10 characters/)).toBeVisible();
  await shot(page, 'sign-up');
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const email = `signup-${tag}@example.test`;
  await page.getByRole('form', { name: 'Create an account' }).getByLabel('Currency').selectOption('EUR');
  await signUpAs(page, { name: 'Sia Signup', email });
  await expect(page).toHaveURL(/\/client$/);
  await expect(page.getByTestId('signed-in-user')).toContainText(email);

  const found = await page.request.get(`/api/v1/customers?q=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${apiKey}` } });
  const { data } = (await found.json()) as { data: Array<{ currency: string; billing_address: { city: string; country: string } | null }> };
  expect(data[0]).toMatchObject({ currency: 'EUR', billing_address: { city: 'Bristol', country: 'GB' } });
});
