import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

/** A customer of this test with a paid order for a product that needs approval. */
async function givenPaidOrder(request: Parameters<typeof apiPost>[0]) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string; name: string }>(request, '/customers', { name: `Order Buyer ${tag}`, email: `buyer-${tag}@example.test`, currency: 'USD' });
  const product = await apiPost<{ id: string }>(request, '/products', {
    name: `Dedicated ${tag}`,
    type: 'recurring',
    auto_activate: false,
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 12900, setup_fee: 5000 }],
  });
  const order = await apiPost<{ id: string; number: string; invoice_id: string }>(request, '/orders', { customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] });
  await apiPost(request, `/invoices/${order.invoice_id}/mark-paid`, {});
  return { customer, order };
}

test('an admin filters orders and exports exactly the filtered set', async ({ page, request }) => {
  const { customer, order } = await givenPaidOrder(request);
  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Orders' }).click();
  const form = page.getByRole('form', { name: 'Filters' });
  await form.getByLabel('Status').selectOption('pending');
  await form.getByLabel('Customer').fill(customer.name);
  const today = new Date().toISOString().slice(0, 10);
  await form.getByLabel('Placed from').fill(today);
  await form.getByLabel('Placed to').fill(today);
  await form.getByRole('button', { name: 'Apply filters' }).click();
  const rows = page.getByRole('table', { name: 'Orders' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(order.number);
  await expect(rows.first()).toContainText('needs approval');
  await shot(page, 'orders-filtered');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = (await readFile((await (await download).path())!, 'utf8')).trim().split('\n');
  expect(csv).toHaveLength(2);
  expect(csv[0]).toBe('number,status,customer,name,currency,total,created_at');
  expect(csv[1]).toContain(`${order.number},pending,${customer.name}`);
  expect(csv[1]).toContain(',USD,179.00,');
});

test('an admin approves an order, then moves it only along allowed transitions', async ({ page, request }) => {
  const { order } = await givenPaidOrder(request);
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/orders/${order.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${order.number}`);
  await expect(page.getByText('Awaiting approval', { exact: true })).toBeVisible();
  const statuses = page.getByRole('combobox', { name: 'Change status' });
  await expect(statuses.locator('option:not([disabled])')).toHaveText(['active', 'cancelled']);

  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('dialog', { name: 'Approve order' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Order approved; it is live')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Services' })).toContainText('active');
  await expect(statuses.locator('option:not([disabled])')).toHaveText(['suspended', 'cancelled', 'terminated']);

  await statuses.selectOption('suspended');
  await page.getByRole('dialog', { name: 'Make the order suspended' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Order is now suspended')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Services' })).toContainText('suspended');
  await expect(statuses.locator('option:not([disabled])')).toHaveText(['active', 'cancelled', 'terminated']);
  await expect(page.getByRole('list', { name: 'Audit log' })).toContainText('status changed');
  await shot(page, 'order-detail');
});

test('the dashboard shows what is owed, late and waiting', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await expect(page.getByRole('heading', { name: 'Overdue' })).toBeVisible();
  await expect(page.getByText('$159.00')).toBeVisible();
  await expect(page.getByRole('link', { name: /Cloud VPS/ })).toBeVisible();
  await shot(page, 'dashboard');
});
