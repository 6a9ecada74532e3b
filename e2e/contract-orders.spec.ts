import { expect, test } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

// The seed's onboarding example (../shared/seeds/004), click by click: a customer, then Orders →
// Create order → three steps → Done saves a draft → Activate. Running billing and Mark as paid
// are a later slice's.
test('the desk puts a new customer on a contract order: wizard, draft, activate', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string; name: string }>(request, '/customers', {
    name: `Acme Corp ${tag}`,
    email: `acme-${tag}@example.test`,
    currency: 'USD',
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
    .getByRole('list', { name: 'Matching customers' })
    .getByRole('button', { name: new RegExp(customer.name) })
    .click();
  await expect(page.getByTestId('picked-customer')).toContainText(customer.name);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#name-error')).toHaveText('is required');
  await page.getByLabel('Order name').fill(orderName);
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: billing day 1, due in 30 days, from today, no end date.
  await expect(page.getByRole('heading', { name: 'Step 2 of 3 — Order details' })).toBeVisible();
  await page.getByLabel('Billing day').fill('1');
  await page.getByLabel('Payment due days').fill('30');
  await expect(page.getByLabel('No end date')).toBeChecked();
  await expect(page.getByLabel('Invoice e-mail', { exact: true })).toHaveValue('invoice');
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 3: one line, the demo's Shared Hosting, monthly at the catalog price.
  await expect(page.getByRole('heading', { name: 'Step 3 of 3 — Lines' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Lines: add at least one product')).toBeVisible();
  await page.getByLabel('Search products').fill('Shared Hosting');
  await page.getByRole('list', { name: 'Matching products' }).getByRole('button', { name: 'Shared Hosting', exact: true }).click();
  await page.getByLabel('Cycle 1').selectOption('monthly');
  await expect(page.getByLabel('Seats 1')).toHaveValue('1');
  await expect(page.getByLabel('Price 1', { exact: true })).toHaveValue('catalog');
  await expect(page.getByTestId('period-total')).toContainText('$8.99 monthly');
  await shot(page, 'contract-order-wizard');
  await page.getByRole('button', { name: 'Done' }).click();

  // The order page: a draft with its contract.
  await expect(page).toHaveURL(/\/admin\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Order ORD-/);
  await expect(page.getByText(orderName, { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('contract-status')).toHaveText('draft');
  await expect(page.getByText('Day 1 of the month', { exact: true })).toBeVisible();
  await expect(page.getByText('30 days after the invoice date', { exact: true })).toBeVisible();
  await expect(page.getByText('No end date', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Order lines' })).toContainText('Shared Hosting');
  await expect(page.getByRole('table', { name: 'Order lines' })).toContainText('$8.99');
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();

  // Activate, after a sentence saying what happens to billing.
  await page.getByRole('toolbar', { name: 'Order actions' }).getByRole('button', { name: 'Activate', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Activate order' });
  await expect(confirm).toContainText('Billing starts: the billing run invoices this order on day 1 of each month from');
  await confirm.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(page.getByText('Order activated; billing runs on day 1')).toBeVisible();
  await expect(page.getByTestId('contract-status')).toHaveText('active');
  await expect(page.getByRole('table', { name: 'Services' })).toContainText('active');
  await expect(page.getByRole('toolbar', { name: 'Order actions' }).getByRole('button', { name: 'Deactivate', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await shot(page, 'contract-order-active');
});
