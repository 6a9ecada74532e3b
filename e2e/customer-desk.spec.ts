import { expect, test } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

const tagged = () => `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

// A customer's details change over time; its currency only until something is billed in it.
test('an admin edits a customer, and the currency locks once something is billed', async ({ page, request }) => {
  const tag = tagged();
  const customer = await apiPost<{ id: string }>(request, '/customers', { name: `Edit Co ${tag}`, email: `edit-${tag}@example.test`, currency: 'USD' });
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/customers/${customer.id}`);

  await page.getByRole('button', { name: 'Edit customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit customer' });
  await dialog.getByLabel('Company (optional)').fill(`Edit Holdings ${tag}`);
  await dialog.getByLabel('Phone (optional)').fill('+45 12 34 56 78');
  await dialog.getByLabel('Currency').fill('EUR');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Customer saved')).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`Edit Holdings ${tag}`);

  await apiPost(request, '/invoices', { customer_id: customer.id, items: [{ description: 'Setup', quantity: 1, unit_price: 5000 }] });
  await page.reload();
  await page.getByRole('button', { name: 'Edit customer' }).click();
  await dialog.getByLabel('Currency').fill('GBP');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('cannot change: this customer already has invoices in its currency')).toBeVisible();
  await shot(page, 'customer-edit-currency-locked');
});

// One person, two profiles (their own, and their company's with them as a contact): an order
// placed on the wrong one moves, with its unpaid invoice.
test('an admin moves an order to another profile of the same person', async ({ page, request }) => {
  const tag = tagged();
  const email = `jane-${tag}@example.test`;
  const own = await apiPost<{ id: string }>(request, '/customers', { name: `Jane Own ${tag}`, email, currency: 'USD' });
  const company = await apiPost<{ id: string; name: string }>(request, '/customers', {
    name: `Jane Corp ${tag}`,
    email: `billing-${tag}@example.test`,
    currency: 'USD',
  });
  await apiPost(request, `/customers/${company.id}/contacts`, { name: 'Jane', email });
  const product = await apiPost<{ id: string }>(request, '/products', {
    name: `Moved VPS ${tag}`,
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 2500 }],
  });
  const order = await apiPost<{ id: string }>(request, '/orders', { customer_id: own.id, items: [{ product_id: product.id, cycle: 'monthly' }] });

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/orders/${order.id}`);
  await page.getByRole('button', { name: 'Change customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change customer' });
  await expect(dialog).toContainText('paid, refunded and cancelled invoices stay with the current customer');
  const profiles = dialog.getByLabel('Customer profile');
  await expect(profiles.locator('option', { hasText: company.name })).toHaveCount(1);
  await profiles.selectOption({ label: await profiles.locator('option', { hasText: company.name }).innerText() });
  await dialog.getByRole('button', { name: 'Change customer' }).click();
  await expect(page.getByText(`Order moved to ${company.name}`)).toBeVisible();
  await expect(page.getByRole('main')).toContainText(company.name);
  await shot(page, 'order-changed-customer');
});

// A clerk's usual filters, kept under a name and opened again with one click.
test('a clerk saves the current invoice filters as a view and opens it again', async ({ page }) => {
  const name = `Overdue USD ${tagged()}`;
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/invoices?status=overdue&currency=USD');
  await page.getByRole('button', { name: 'Save view…' }).click();
  const save = page.getByRole('dialog', { name: 'Save view' });
  await save.getByLabel('Name').fill(name);
  await save.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByText(`View “${name}” saved`)).toBeVisible();

  await page.goto('/admin/invoices');
  const views = page.getByRole('navigation', { name: 'Saved views' });
  await views.getByRole('link', { name }).click();
  await expect(page).toHaveURL(/status=overdue/);
  await expect(page).toHaveURL(/currency=USD/);
  await shot(page, 'invoices-saved-view');

  await views.getByRole('button', { name: `Delete view ${name}` }).click();
  await page.getByRole('dialog', { name: 'Delete view' }).getByRole('button', { name: 'Delete view' }).click();
  await expect(page.getByText(`View “${name}” deleted`)).toBeVisible();
  await expect(views.getByRole('link', { name })).toHaveCount(0);
});
