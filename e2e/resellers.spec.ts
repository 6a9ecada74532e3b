import { expect, test, type Page } from '@playwright/test';
import { shot, signIn, signOut } from './support';

const password = 'a-long-enough-password';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main', exact: true });

test('a reseller’s journey: the admin creates it at 10 %, it bills and collects cash from its own customer, the admin pays its commission, and it sees the payout', async ({
  page,
}) => {
  // Four sign-ins and a dozen pages: about 40 s on a quiet machine, so the default minute leaves
  // too little room on a busy one.
  test.slow();
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const name = `Pat Partner ${tag}`;
  const email = `partner-${tag}@example.test`;
  const customerName = `Book Customer ${tag}`;

  // The admin creates the reseller, with a starting password, and issues it a key.
  await signIn(page, 'admin@cashdesk.test');
  await nav(page).getByRole('link', { name: 'Resellers' }).click();
  await expect(page.getByRole('heading', { name: 'Resellers', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New reseller' }).click();
  const dialog = page.getByRole('dialog', { name: 'New reseller' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Starting password (optional)').fill(password);
  await dialog.getByLabel('Commission %').fill('10.5555');
  await dialog.getByRole('button', { name: 'Create reseller' }).click();
  await expect(dialog.locator('#commission_percent-error')).toHaveText('must be a percent from 0 to 100 with at most 3 decimals, like "12.5"');
  await dialog.getByLabel('Commission %').fill('10');
  await dialog.getByRole('button', { name: 'Create reseller' }).click();
  await expect(page.getByText(`Reseller ${name} created`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('10 %');
  await expect(row).toContainText('invoices.view, invoices.create, invoices.edit');
  await shot(page, 'resellers');

  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Issue API key' }).click();
  const issue = page.getByRole('dialog', { name: 'Issue an API key' });
  await issue.getByLabel('Name').fill('shop');
  await issue.getByRole('button', { name: 'Issue' }).click();
  await expect(page.getByTestId('issued-key')).toContainText('cd_');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row', { name: /shop/ })).toBeVisible();
  await shot(page, 'reseller-page');
  await signOut(page);

  // The reseller signs in to its own console and works its book.
  await signIn(page, email, password);
  await expect(page).toHaveURL('/reseller');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Welcome back/);
  await expect(page.getByRole('heading', { name: 'Unpaid' })).toBeVisible();
  await shot(page, 'reseller-dashboard');

  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await expect(page).toHaveURL('/reseller/customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  const newCustomer = page.getByRole('dialog', { name: 'New customer' });
  await newCustomer.getByLabel('Name').fill(customerName);
  await newCustomer.getByLabel('E-mail').fill(`book-${tag}@example.test`);
  await newCustomer.getByLabel('Currency (optional)').fill('USD');
  await newCustomer.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByText(`Customer ${customerName} created`)).toBeVisible();
  // A new reseller's book holds only what it created.
  const customers = page.getByRole('table', { name: 'Customers' }).locator('tbody tr');
  await expect(customers).toHaveCount(1);
  await expect(customers.first()).toContainText(customerName);

  await nav(page).getByRole('link', { name: 'Invoices' }).click();
  await expect(page).toHaveURL('/reseller/invoices');
  await page.getByRole('button', { name: 'Create invoice' }).click();
  const editor = page.getByRole('dialog', { name: 'Create invoice' });
  await editor.getByLabel('Customer').fill(customerName);
  await editor
    .getByRole('listbox', { name: 'Matching customers' })
    .getByRole('option', { name: new RegExp(customerName) })
    .click();
  await expect(editor.getByTestId('picked-customer')).toContainText(customerName);
  await editor.getByLabel('Description 1').fill('Resold hosting, one month');
  await editor.getByLabel('Quantity 1').fill('1');
  await editor.getByLabel('Unit price 1').fill('123.45');
  await editor.getByLabel('Tax rate 1').fill('0');
  await expect(editor.getByTestId('live-total')).toContainText('$123.45');
  await editor.getByRole('button', { name: 'Create invoice' }).click();
  await expect(page).toHaveURL(/\/reseller\/invoices\/[0-9a-f-]{36}$/);
  // Another spec may change the number format meanwhile: any number will do.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Invoice \S+$/);
  await expect(page.getByTestId('balance')).toHaveText('$123.45');

  await page.getByRole('button', { name: 'Add payment' }).click();
  const payment = page.getByRole('dialog', { name: 'Add payment' });
  await payment.getByLabel('Amount (USD)').fill('123.45');
  await payment.getByLabel('Method').selectOption('cash');
  await payment.getByLabel('Reference (optional)').fill('Counter receipt 17');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText('Payment recorded; invoice is paid')).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('$0.00');
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText(/cash/i);
  await shot(page, 'reseller-invoice-paid');
  await signOut(page);

  // The admin sees 10 % of $123.45 (12.345, half away from zero: $12.35) and pays it out.
  await signIn(page, 'admin@cashdesk.test');
  await nav(page).getByRole('link', { name: 'Commissions' }).click();
  await expect(page.getByRole('heading', { name: 'Commissions', level: 1 })).toBeVisible();
  const commission = page.getByRole('table', { name: 'Commissions' }).getByRole('row', { name: new RegExp(name) });
  const cells = commission.getByRole('cell');
  await expect(cells.nth(1)).toHaveText('USD');
  await expect(cells.nth(2)).toHaveText('1');
  await expect(cells.nth(3)).toHaveText('$123.45');
  await expect(cells.nth(4)).toHaveText('$123.45');
  await expect(cells.nth(5)).toHaveText('10 %');
  await expect(cells.nth(6)).toHaveText('$12.35');
  await expect(cells.nth(7)).toHaveText('$0.00');
  await expect(cells.nth(8)).toHaveText('$12.35');
  await shot(page, 'commissions');

  await commission.getByRole('button', { name: 'Mark paid' }).click();
  const markPaid = page.getByRole('dialog', { name: 'Mark paid' });
  await expect(markPaid).toContainText(`Records a commission payout of $12.35 to ${name}`);
  await markPaid.getByRole('button', { name: 'Pay $12.35' }).click();
  await expect(page.getByText(`Commission of $12.35 paid to ${name}`)).toBeVisible();
  await expect(markPaid).toBeHidden();
  await expect(cells.nth(7)).toHaveText('$12.35');
  await expect(cells.nth(8)).toHaveText('$0.00');
  await expect(commission.getByRole('button', { name: 'Mark paid' })).toHaveCount(0);
  await shot(page, 'commissions-paid');

  // The reseller's page sums it up: its customer's invoice and this month's commission, paid.
  await nav(page).getByRole('link', { name: 'Resellers' }).click();
  await page
    .getByRole('row', { name: new RegExp(name) })
    .getByRole('link', { name })
    .click();
  await expect(page.getByRole('list', { name: 'Reseller invoices' })).toContainText(customerName);
  const month = page
    .getByRole('table', { name: 'Commissions' })
    .getByRole('row', { name: new RegExp(name) })
    .getByRole('cell');
  await expect(month.nth(6)).toHaveText('$12.35');
  await expect(month.nth(8)).toHaveText('$0.00');
  await shot(page, 'reseller-page-paid');
  await signOut(page);

  // The reseller sees the payout it received.
  await signIn(page, email, password);
  await nav(page).getByRole('link', { name: 'My commissions' }).click();
  await expect(page.getByRole('heading', { name: 'My commissions', level: 1 })).toBeVisible();
  const own = page.getByRole('table', { name: 'Commissions' }).getByRole('row', { name: new RegExp(name) });
  await expect(own.getByRole('cell').nth(6)).toHaveText('$12.35');
  await expect(own.getByRole('cell').nth(8)).toHaveText('$0.00');
  const payouts = page.getByRole('table', { name: 'Payouts received' }).locator('tbody tr');
  await expect(payouts).toHaveCount(1);
  await expect(payouts.first()).toContainText('$12.35');
  await shot(page, 'my-commissions');
});
