import { expect, test } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

test('an admin sees a 10 % reseller’s commission on a paid invoice, marks it paid, and the reseller sees the payout', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const name = `Commission Partner ${tag}`;
  const email = `commission-${tag}@example.test`;
  // A 10 % reseller with one customer, invoiced $123.45 today and paid in full: 12.345 earned
  // rounds half away from zero to $12.35.
  const reseller = await apiPost<{ id: string }>(request, '/resellers', { name, email, password: 'a-long-enough-password', commission_percent: '10' });
  const customer = await apiPost<{ id: string }>(request, '/customers', {
    name: `Commission Customer ${tag}`,
    email: `commission-customer-${tag}@example.test`,
    currency: 'USD',
    reseller_id: reseller.id,
  });
  const invoice = await apiPost<{ id: string; total: number }>(request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Managed hosting', quantity: 1, unit_price: 12345, tax_rate: 0 }],
  });
  expect(invoice.total).toBe(12345);
  await apiPost(request, `/invoices/${invoice.id}/payments`, { amount: 12345, method: 'cash' });

  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Commissions' }).click();
  await expect(page.getByRole('heading', { name: 'Commissions', level: 1 })).toBeVisible();
  // Without a range the report shows the current month, which holds today's invoice.
  const row = page.getByRole('table', { name: 'Commissions' }).getByRole('row', { name: new RegExp(name) });
  const cells = row.getByRole('cell');
  await expect(cells.nth(1)).toHaveText('USD');
  await expect(cells.nth(2)).toHaveText('1');
  await expect(cells.nth(3)).toHaveText('$123.45');
  await expect(cells.nth(4)).toHaveText('$123.45');
  await expect(cells.nth(5)).toHaveText('10 %');
  await expect(cells.nth(6)).toHaveText('$12.35');
  await expect(cells.nth(7)).toHaveText('$0.00');
  await expect(cells.nth(8)).toHaveText('$12.35');
  await shot(page, 'commissions');

  await row.getByRole('button', { name: 'Mark paid' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark paid' });
  await expect(dialog).toContainText(`Records a commission payout of $12.35 to ${name}`);
  await dialog.getByRole('button', { name: 'Pay $12.35' }).click();
  await expect(page.getByText(`Commission of $12.35 paid to ${name}`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(cells.nth(7)).toHaveText('$12.35');
  await expect(cells.nth(8)).toHaveText('$0.00');
  await expect(row.getByRole('button', { name: 'Mark paid' })).toHaveCount(0);
  await shot(page, 'commissions-paid');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, 'a-long-enough-password');
  await page.goto('/reseller/commissions');
  await expect(page.getByRole('heading', { name: 'My commissions', level: 1 })).toBeVisible();
  const own = page.getByRole('table', { name: 'Commissions' }).getByRole('row', { name: new RegExp(name) });
  await expect(own.getByRole('cell').nth(6)).toHaveText('$12.35');
  await expect(own.getByRole('cell').nth(8)).toHaveText('$0.00');
  const payouts = page.getByRole('table', { name: 'Payouts received' }).locator('tbody tr');
  await expect(payouts).toHaveCount(1);
  await expect(payouts.first()).toContainText('$12.35');
  await shot(page, 'my-commissions');
});
