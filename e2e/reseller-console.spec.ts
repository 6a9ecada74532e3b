import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

const password = 'a-long-enough-password';

/** A reseller of this test alone, made by the desk through the API, with the invoice flags given. */
async function givenReseller(request: APIRequestContext, permissions: string[]) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const email = `reseller-${tag}@example.test`;
  const reseller = await apiPost<{ id: string; name: string }>(request, '/resellers', {
    name: `Console Reseller ${tag}`,
    email,
    password,
    commission_percent: '10',
    permissions,
  });
  return { ...reseller, email, tag };
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main', exact: true });

test('a reseller sees its dashboard, creates a customer and an invoice for it, and records a cash payment', async ({ page, request }) => {
  const reseller = await givenReseller(request, ['invoices.view', 'invoices.create', 'invoices.edit']);
  const customerName = `Book Customer ${reseller.tag}`;
  const customerEmail = `book-${reseller.tag}@example.test`;

  await signIn(page, reseller.email, password);
  await expect(page).toHaveURL('/reseller');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Welcome back/);
  await expect(page.getByRole('heading', { name: 'Unpaid' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'My commissions' })).toBeVisible();
  await shot(page, 'reseller-dashboard');

  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await expect(page).toHaveURL('/reseller/customers');
  await expect(page.getByRole('heading', { name: 'My customers', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New customer' }).click();
  const newCustomer = page.getByRole('dialog', { name: 'New customer' });
  await newCustomer.getByLabel('Name').fill(customerName);
  await newCustomer.getByLabel('E-mail').fill(customerEmail);
  await newCustomer.getByLabel('Currency (optional)').fill('USD');
  await newCustomer.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByText(`Customer ${customerName} created`)).toBeVisible();
  await expect(newCustomer).toBeHidden();
  // A new reseller's book holds only what it created.
  const rows = page.getByRole('table', { name: 'Customers' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(customerEmail);

  await nav(page).getByRole('link', { name: 'Invoices' }).click();
  await expect(page).toHaveURL('/reseller/invoices');
  await page.getByRole('button', { name: 'Create invoice' }).click();
  const editor = page.getByRole('dialog', { name: 'Create invoice' });
  await editor.getByLabel('Customer').fill(customerName);
  await editor
    .getByRole('list', { name: 'Matching customers' })
    .getByRole('button', { name: new RegExp(customerName) })
    .click();
  await expect(editor.getByTestId('picked-customer')).toContainText(customerName);
  await editor.getByLabel('Description 1').fill('Resold hosting, one month');
  await editor.getByLabel('Quantity 1').fill('1');
  await editor.getByLabel('Unit price 1').fill('25.00');
  await editor.getByLabel('Tax rate 1').fill('0');
  await expect(editor.getByTestId('live-total')).toContainText('$25.00');
  await editor.getByRole('button', { name: 'Create invoice' }).click();
  await expect(page).toHaveURL(/\/reseller\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Invoice INV-');
  await expect(page.getByTestId('balance')).toHaveText('$25.00');

  await page.getByRole('button', { name: 'Add payment' }).click();
  const payment = page.getByRole('dialog', { name: 'Add payment' });
  await payment.getByLabel('Amount (USD)').fill('25');
  await payment.getByLabel('Method').selectOption('cash');
  await payment.getByLabel('Reference (optional)').fill('Counter receipt 17');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText('Payment recorded; invoice is paid')).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('$0.00');
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText(/cash/i);
  await expect(page.getByRole('button', { name: 'Add payment' })).toHaveCount(0);
  await shot(page, 'reseller-invoice-paid');

  // The customer's page in the reseller's console lists the paid invoice.
  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: customerName }).click();
  await expect(page).toHaveURL(/\/reseller\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('list', { name: 'Customer invoices' })).toContainText('paid');
});

test('a reseller without invoices.edit sees its invoice but no Add payment', async ({ page, request }) => {
  const reseller = await givenReseller(request, ['invoices.view', 'invoices.create']);
  const customer = await apiPost<{ id: string }>(request, '/customers', {
    name: `Read-only Customer ${reseller.tag}`,
    email: `read-only-${reseller.tag}@example.test`,
    currency: 'USD',
    reseller_id: reseller.id,
  });
  const invoice = await apiPost<{ id: string; number: string }>(request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Resold backup', quantity: 1, unit_price: 1200 }],
  });

  await signIn(page, reseller.email, password);
  await nav(page).getByRole('link', { name: 'Invoices' }).click();
  await page.getByRole('link', { name: invoice.number }).click();
  await expect(page).toHaveURL(`/reseller/invoices/${invoice.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Invoice ${invoice.number}`);
  await expect(page.getByTestId('balance')).toHaveText('$12.00');
  await expect(page.getByRole('link', { name: 'Download PDF' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add payment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark as paid' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send' })).toHaveCount(0);
  await shot(page, 'reseller-invoice-read-only');
});
