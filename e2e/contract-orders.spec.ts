import { expect, test } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

// The seed's onboarding example (../shared/seeds/004), click by click: a customer, then Orders →
// Create order → three steps → Done saves a draft → Activate → the billing run → the invoice with
// the order's name → Mark as paid → the plan's included credits become available in the wallet.
test('the desk puts a new customer on a contract order: wizard, draft, activate, bill, pay, credits', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string; name: string }>(request, '/customers', {
    name: `Acme Corp ${tag}`,
    email: `acme-${tag}@example.test`,
    currency: 'USD',
    tax_rate_override: '10',
  });
  // The Pro plan: yearly, with $50 of prepaid credits a year that lapse unused.
  const agent = `Support Agent ${tag}`;
  await apiPost(request, '/products', {
    name: agent,
    type: 'recurring',
    prices: [
      { cycle: 'monthly', currency: 'USD', amount: 4900 },
      { cycle: 'annual', currency: 'USD', amount: 49000 },
    ],
    included_credits: { amount: 5000, rollover: false },
  });
  const orderName = `Acme — Support Agent Annual ${tag}`;

  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Orders' }).click();
  await page.getByRole('link', { name: 'Create order' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create order');
  await expect(page.getByRole('heading', { name: 'Step 1 of 3 — Order info' })).toBeVisible();

  // Step 1: the customer, found by name; each step is checked before the next.
  await page.getByLabel('Customer', { exact: true }).fill(customer.name);
  await page
    .getByRole('listbox', { name: 'Matching customers' })
    .getByRole('option', { name: new RegExp(customer.name) })
    .click();
  await expect(page.getByTestId('picked-customer')).toContainText(customer.name);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#name-error')).toHaveText('is required');
  await page.getByLabel('Order name').fill(orderName);
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: billing day 1, due in 30 days, no end date, from a fixed day (the run below bills
  // that day, whatever the date the suite runs on); the customer's tax default is shown.
  await expect(page.getByRole('heading', { name: 'Step 2 of 3 — Order details' })).toBeVisible();
  await expect(page.getByTestId('wizard-customer-tax')).toHaveText('10 % (customer override)');
  await page.getByLabel('Billing day').fill('1');
  await page.getByLabel('Payment due days').fill('30');
  await page.getByLabel('Start date').fill('2026-11-01');
  await expect(page.getByLabel('No end date')).toBeChecked();
  await expect(page.getByLabel('Invoice e-mail', { exact: true })).toHaveValue('invoice');
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 3: one line, the Support Agent's yearly plan at the catalog price.
  await expect(page.getByRole('heading', { name: 'Step 3 of 3 — Lines' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Lines: add at least one product')).toBeVisible();
  await page.getByLabel('Search products').fill(agent);
  await page.getByRole('list', { name: 'Matching products' }).getByRole('button', { name: agent, exact: true }).click();
  await page.getByLabel('Cycle 1').selectOption('annual');
  await expect(page.getByLabel('Seats 1')).toHaveValue('1');
  await expect(page.getByLabel('Price 1', { exact: true })).toHaveValue('catalog');
  await expect(page.getByTestId('period-total')).toContainText('$490.00 annual');
  await shot(page, 'contract-order-wizard');
  await page.getByRole('button', { name: 'Done' }).click();

  // The order page: a draft with its contract.
  await expect(page).toHaveURL(/\/admin\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Order ORD-/);
  await expect(page.getByText(orderName, { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('contract-status')).toHaveText('draft', { ignoreCase: true });
  await expect(page.getByText('Day 1 of the month', { exact: true })).toBeVisible();
  await expect(page.getByText('30 days after the invoice date', { exact: true })).toBeVisible();
  await expect(page.getByText('No end date', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Order lines' })).toContainText(agent);
  await expect(page.getByRole('table', { name: 'Order lines' })).toContainText('$490.00');
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByTestId('next-invoice')).toContainText('Bills from 1 Nov 2026 once activated');

  // Activate, after a sentence saying what happens to billing.
  await page.getByRole('toolbar', { name: 'Order actions' }).getByRole('button', { name: 'Activate', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Activate order' });
  await expect(confirm).toContainText('Billing starts: the billing run invoices this order on day 1 of each month from');
  await confirm.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(page.getByText('Order activated; billing runs on day 1')).toBeVisible();
  await expect(page.getByTestId('contract-status')).toHaveText('active', { ignoreCase: true });
  await expect(page.getByRole('table', { name: 'Services' })).toContainText('active', { ignoreCase: true });
  await expect(page.getByRole('toolbar', { name: 'Order actions' }).getByRole('button', { name: 'Deactivate', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  // The first year is due on its start day: $490 and the customer's 10 % tax.
  await expect(page.getByTestId('next-invoice')).toContainText('1 Nov 2026 · $539.00');
  await shot(page, 'contract-order-active');

  // The billing run (the daily job; run here for the start day) invoices it under its name.
  await apiPost(request, '/billing-runs', { date: '2026-11-01' });
  await page.reload();
  await expect(page.getByTestId('next-invoice')).toContainText('1 Nov 2027 · $539.00');
  const invoices = page.getByRole('table', { name: 'Order invoices' });
  await expect(invoices.getByRole('row')).toHaveCount(2);
  await expect(invoices).toContainText('$539.00');
  await invoices.getByRole('link', { name: /^INV-/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Invoice INV-/);
  await expect(page.getByText(orderName, { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('$539.00');

  // Mark as paid: the plan's credits move from pending to available.
  await page.getByRole('button', { name: 'Mark as paid' }).click();
  await page.getByRole('dialog', { name: 'Mark as paid' }).getByRole('button', { name: 'Mark as paid' }).click();
  await expect(page.getByText('Invoice marked as paid')).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('$0.00');
  await page.goto(`/admin/customers/${customer.id}`);
  const wallet = page.getByTestId('wallet');
  await expect(wallet.getByTestId('wallet-available')).toContainText('$50.00');
  await expect(wallet.getByTestId('wallet-pending')).toContainText('$0.00');
  await expect(wallet.getByRole('table', { name: 'Wallet entries' })).toContainText('Credits available');
  await wallet.scrollIntoViewIfNeeded();
  await shot(page, 'contract-wallet');
});

test('the desk changes a contract’s seats after seeing what it will bill', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string }>(request, '/customers', { name: `Seats Co ${tag}`, email: `seats-${tag}@example.test`, currency: 'USD' });
  const product = await apiPost<{ id: string }>(request, '/products', {
    name: `Helpdesk seat ${tag}`,
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 1000 }],
  });
  const order = await apiPost<{ id: string }>(request, '/orders', {
    customer_id: customer.id,
    name: `Seats Co helpdesk ${tag}`,
    billing_day: 1,
    // Far ahead, so no billing run of the other specs bills it.
    start_date: '2099-01-01',
    items: [{ product_id: product.id, cycle: 'monthly', quantity: 5 }],
  });

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/orders/${order.id}`);
  await page.getByRole('button', { name: `Change seats of Helpdesk seat ${tag}` }).click();
  const dialog = page.getByRole('dialog', { name: `Change seats: Helpdesk seat ${tag}` });
  await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  await dialog.getByLabel('Seats').fill('8');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('seats-new-price')).toContainText('$80.00');
  await expect(dialog.getByTestId('seats-now')).toBeVisible();
  await shot(page, 'contract-seats-preview');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText(/^Seats changed to 8/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Services' })).toContainText('8');
});

test('the desk sets a customer’s tax defaults, checked as typed', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string }>(request, '/customers', { name: `Tax Co ${tag}`, email: `tax-${tag}@example.test`, currency: 'USD' });
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/customers/${customer.id}`);
  await expect(page.getByTestId('customer-tax')).toContainText('(settings default)');
  await page.getByRole('button', { name: 'Edit tax defaults' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit tax defaults' });
  await dialog.getByLabel('Tax rate override (%)').fill('101');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toContainText('must be between 0 and 100');
  await dialog.getByLabel('Tax rate override (%)').fill('7.5');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Tax defaults saved')).toBeVisible();
  await expect(page.getByTestId('customer-tax')).toContainText('7.5 % (customer override)');
});
