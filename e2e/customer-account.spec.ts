import { expect, test } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

async function givenCustomer(request: Parameters<typeof apiPost>[0]) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  return apiPost<{ id: string; name: string }>(request, '/customers', { name: `Account ${tag}`, email: `account-${tag}@example.test`, currency: 'USD' });
}

test('an admin consolidates three pending invoices into one', async ({ page, request }) => {
  const customer = await givenCustomer(request);
  for (const amount of [1000, 2000, 3000]) {
    await apiPost(request, '/invoices', { customer_id: customer.id, items: [{ description: `Item ${amount}`, quantity: 1, unit_price: amount }] });
  }
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/customers/${customer.id}`);
  await page.getByRole('button', { name: 'Consolidate pending' }).click();
  await page.getByRole('dialog', { name: 'Consolidate pending' }).getByRole('button', { name: 'Consolidate' }).click();
  await expect(page.getByText(/Open invoices merged into [A-Z]+-/)).toBeVisible();
  const invoices = page.getByRole('list', { name: 'Customer invoices' }).locator('li');
  await expect(invoices).toHaveCount(4);
  await expect(invoices.filter({ hasText: 'Cancelled' })).toHaveCount(3);
  await expect(invoices.filter({ hasText: 'Pending' })).toContainText('$60.00');
});

test('an admin adjusts credit and takes quick pay of everything owed', async ({ page, request }) => {
  const customer = await givenCustomer(request);
  await apiPost(request, '/invoices', { customer_id: customer.id, items: [{ description: 'Older', quantity: 1, unit_price: 1500 }] });
  await apiPost(request, '/invoices', { customer_id: customer.id, items: [{ description: 'Newer', quantity: 1, unit_price: 2500 }] });
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/customers/${customer.id}`);

  await page.getByRole('button', { name: 'Adjust credit' }).click();
  const credit = page.getByRole('dialog', { name: 'Adjust credit' });
  await credit.getByLabel('Amount (USD)').fill('-5');
  await credit.getByLabel('Reason').fill('Oops');
  await credit.getByRole('button', { name: 'Save' }).click();
  await expect(credit.locator('#amount-error')).toHaveText('would take the balance of $0.00 below zero');
  await credit.getByLabel('Amount (USD)').fill('12.50');
  await credit.getByLabel('Reason').fill('Goodwill');
  await credit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('credit-balance')).toHaveText('$12.50');

  await page.getByRole('button', { name: 'Quick pay $40.00' }).click();
  await page.getByRole('dialog', { name: 'Quick pay' }).getByRole('button', { name: 'Pay $40.00' }).click();
  await expect(page.getByText('2 invoice(s) paid, $40.00 in all')).toBeVisible();
  await expect(page.getByRole('button', { name: /Quick pay/ })).toHaveCount(0);
  await shot(page, 'customer-account');
});

test('an admin previews a plan change with proration, then confirms it', async ({ page, request }) => {
  const customer = await givenCustomer(request);
  const tag = Date.now();
  const small = await apiPost<{ id: string }>(request, '/products', {
    name: `Starter ${tag}`,
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 3000 }],
  });
  await apiPost(request, '/products', { name: `Business ${tag}`, type: 'recurring', prices: [{ cycle: 'monthly', currency: 'USD', amount: 6000 }] });
  const order = await apiPost<{ invoice_id: string }>(request, '/orders', { customer_id: customer.id, items: [{ product_id: small.id, cycle: 'monthly' }] });
  await apiPost(request, `/invoices/${order.invoice_id}/mark-paid`, {});

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/customers/${customer.id}`);
  await page.getByRole('button', { name: `Change plan of Starter ${tag}` }).click();
  const dialog = page.getByRole('dialog', { name: `Change plan: Starter ${tag}` });
  await dialog.getByLabel('New plan').selectOption({ label: `Business ${tag}` });
  const breakdown = dialog.getByRole('definition').first();
  await expect(breakdown).toBeVisible();
  await expect(dialog.getByText('To invoice')).toBeVisible();
  await expect(dialog.getByTestId('prorate')).toHaveText(/^\$\d+\.\d\d$/);
  await shot(page, 'change-plan-preview');
  await dialog.getByRole('button', { name: 'Confirm change' }).click();
  await expect(page.getByText('Plan changed; the difference is invoiced')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Services' })).toContainText(`Business ${tag}`);
});
