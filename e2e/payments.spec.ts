import { expect, test, type Page } from '@playwright/test';
import { givenClient } from './portal-support';
import { apiKey, apiPost, givenInvoice, shot, signIn, signUpAs } from './support';

type Invoice = { id: string; number: string; public_url: string; status: string };

/** A client of this test alone, signed in, with one pending invoice of `amount` cents. */
async function signedInWithInvoice(page: Page, amount: number) {
  const { customer, email } = await givenClient(page.request);
  const invoice = await apiPost<Invoice>(page.request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Managed VPS', quantity: 1, unit_price: amount }],
  });
  await signIn(page, email);
  return { customer, invoice };
}

/** The invoice's status as the API reports it, read afresh until it settles on `expected`. */
async function expectStatus(page: Page, id: string, expected: string) {
  await expect
    .poll(async () => {
      const response = await page.request.get(`/api/v1/invoices/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
      return ((await response.json()) as Invoice).status;
    })
    .toBe(expected);
}

/**
 * A new visitor buys a product with an option and a coupon, opens an account at checkout and
 * chooses `method`; returns the page at the point the gateway takes over.
 */
async function buyAsNewVisitor(page: Page, method: 'Card' | 'PayPal', autoActivate: boolean) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const product = await apiPost<{ id: string; name: string }>(page.request, '/products', {
    name: `Pay ${method} ${tag}`,
    category: `E2E Pay ${tag}`,
    type: 'recurring',
    auto_activate: autoActivate,
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 1000 }],
    option_groups: [{ name: 'Backups', kind: 'checkbox', options: [{ name: 'Daily backups', prices: [{ cycle: 'monthly', currency: 'USD', amount: 500 }] }] }],
  });
  const code = `PAY${tag.replace(/\W/g, '').slice(-8).toUpperCase()}`;
  await apiPost(page.request, '/coupons', { code, type: 'fixed', value: 300, currency: 'USD', duration: 'once', product_ids: [product.id] });

  await page.goto(`/store/${product.id}`);
  await page.getByRole('checkbox', { name: /Daily backups/ }).check();
  await expect(page.getByTestId('configured-price')).toHaveText('$15.00');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  const coupon = page.getByRole('form', { name: 'Coupon' });
  await coupon.getByLabel('Coupon code').fill(code);
  await coupon.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('summary-total')).toHaveText('$12.00');

  const email = `buyer-${tag}@example.test`;
  await signUpAs(page, { name: `Buyer ${tag}`, email });
  await expect(page.getByTestId('checkout-signed-in')).toContainText(email);

  await page.getByRole('radio', { name: new RegExp(`^${method}`) }).check();
  await page.getByRole('checkbox', { name: /I accept the terms/ }).check();
  await page.getByRole('button', { name: /^Place order/ }).click();
  // The order's confirmation, with the chosen method's pay button first.
  await expect(page.getByTestId('order-confirmation')).toContainText(/Your order number is ORD-/);
  await expect(page.getByTestId('pay-panel').locator('[data-method]').first()).toHaveAttribute('data-method', method === 'Card' ? 'stripe' : 'paypal');
  return { email };
}

/** After the gateway: Paid with the order's state, then the invoice in the portal. */
async function expectPaidOrder(page: Page, orderState: RegExp) {
  const result = page.getByTestId('payment-result');
  await expect(result.getByRole('heading')).toHaveText('Payment received');
  await expect(result.getByTestId('order-state')).toHaveText(orderState);
  await result.getByRole('link', { name: 'View invoice' }).click();
  await expect(page).toHaveURL(/\/client\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('main')).toContainText('$12.00');
  await expect(page.getByRole('main')).toContainText('Paid');
}

test('a new visitor orders from the store and pays on Stripe Checkout: Paid, order active', async ({ page }) => {
  await buyAsNewVisitor(page, 'Card', true);
  await page.getByRole('button', { name: 'Pay $12.00 by card' }).click();
  await expect(page).toHaveTitle(/Stripe Checkout/);
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expectPaidOrder(page, /active/i);
  await shot(page, 'payments-store-stripe-portal');
});

test('a new visitor orders from the store and pays with PayPal: Paid, awaiting approval', async ({ page }) => {
  await buyAsNewVisitor(page, 'PayPal', false);
  await shot(page, 'payments-confirmation-paypal-first');
  await page.getByTestId('paypal-buttons').getByRole('button', { name: 'PayPal' }).click();
  await expectPaidOrder(page, /Awaiting approval/);
});

test('a client pays an invoice by card on Stripe Checkout and comes back to Paid', async ({ page }) => {
  const { invoice } = await signedInWithInvoice(page, 4900);
  await page.goto(`/client/invoices/${invoice.id}/pay`);
  await page.getByRole('button', { name: 'Pay $49.00 by card' }).click();

  await expect(page).toHaveTitle(/Stripe Checkout/);
  await shot(page, 'payments-stripe-checkout');
  await page.getByRole('button', { name: 'Pay', exact: true }).click();

  const result = page.getByTestId('payment-result');
  await expect(result.getByRole('heading')).toHaveText('Payment received');
  await expect(result).toContainText(invoice.number);
  await expect(result).toContainText('paid', { ignoreCase: true });
  await shot(page, 'payments-stripe-return');
  await expectStatus(page, invoice.id, 'paid');

  await result.getByRole('link', { name: 'View invoice' }).click();
  await expect(page).toHaveURL(new RegExp(`/client/invoices/${invoice.id}$`));
  await expect(page.getByRole('main')).toContainText('Paid');
});

test('a client pays with the PayPal buttons', async ({ page }) => {
  const { invoice } = await signedInWithInvoice(page, 2500);
  await page.goto(`/client/invoices/${invoice.id}/pay`);
  await page.getByTestId('paypal-buttons').getByRole('button', { name: 'PayPal' }).click();
  const result = page.getByTestId('payment-result');
  await expect(result.getByRole('heading')).toHaveText('Payment received');
  await shot(page, 'payments-paypal-return');
  await expectStatus(page, invoice.id, 'paid');
});

test('a client pays from their credit balance when it covers the invoice', async ({ page }) => {
  const { customer, invoice } = await signedInWithInvoice(page, 3000);
  await page.goto(`/client/invoices/${invoice.id}/pay`);
  await expect(page.getByRole('button', { name: /Pay from credit/ })).toHaveCount(0);

  await apiPost(page.request, `/customers/${customer.id}/credit`, { amount: 5000, reason: 'Goodwill' });
  await page.reload();
  await shot(page, 'payments-pay-page');
  await page.getByRole('button', { name: 'Pay from credit balance ($50.00 available)' }).click();
  await expect(page.getByTestId('payment-result').getByRole('heading')).toHaveText('Payment received');
  await expectStatus(page, invoice.id, 'paid');
  await page.goto('/client/credit');
  await expect(page.getByRole('main')).toContainText('$20.00');
});

test('a visitor with the public link pays by card without an account, and a cancelled checkout charges nothing', async ({ page, request }) => {
  const { invoice } = await givenInvoice(request, [{ description: 'Domain renewal', quantity: 1, unit_price: 1500 }]);
  const link = new URL((invoice as Invoice).public_url);
  await page.goto(`${link.pathname}${link.search}`);

  await page.getByRole('button', { name: 'Pay $15.00 by card' }).click();
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByTestId('payment-result').getByRole('heading')).toHaveText('Not paid');
  await expectStatus(page, invoice.id, 'pending');

  await page.getByRole('link', { name: 'View invoice' }).click();
  await page.getByRole('button', { name: 'Pay $15.00 by card' }).click();
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page.getByTestId('payment-result').getByRole('heading')).toHaveText('Payment received');
  await page.getByRole('link', { name: 'View invoice' }).click();
  await expect(page.getByTestId('balance-due')).toHaveText('$0.00');
  await expect(page.getByTestId('pay-panel')).toHaveCount(0);
  await shot(page, 'payments-public-paid');
});

test('Settings → Payments shows where each key comes from and refuses a malformed one', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Payments' });
  await expect(form).toContainText('From the environment');
  await expect(form).toContainText('/api/webhooks/stripe');
  await form.getByLabel('Secret key', { exact: true }).fill('pk_live_not_a_secret');
  await form.getByRole('button', { name: 'Save payment settings' }).click();
  await expect(form.getByRole('alert')).toContainText('must be a Stripe secret key');
  await shot(page, 'payments-settings');
});
