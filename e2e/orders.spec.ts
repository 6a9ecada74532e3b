import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiKey, apiPost, shot, signIn } from './support';

/** A customer of this test with a paid order for a product that needs approval. */
async function givenPaidOrder(request: Parameters<typeof apiPost>[0]) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string; name: string }>(request, '/customers', {
    name: `Order Buyer ${tag}`,
    email: `buyer-${tag}@example.test`,
    currency: 'USD',
  });
  const product = await apiPost<{ id: string }>(request, '/products', {
    name: `Dedicated ${tag}`,
    type: 'recurring',
    auto_activate: false,
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 12900, setup_fee: 5000 }],
  });
  const order = await apiPost<{ id: string; number: string; invoice_id: string }>(request, '/orders', {
    customer_id: customer.id,
    items: [{ product_id: product.id, cycle: 'monthly' }],
  });
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
  // The badge by the heading (the log below also words the step: "Awaiting approval").
  await expect(page.getByText('Awaiting approval', { exact: true }).first()).toBeVisible();
  const statuses = page.getByRole('combobox', { name: 'Change status' });
  await expect(statuses.locator('option:not([disabled])')).toHaveText(['active', 'cancelled']);

  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('dialog', { name: 'Approve order' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Order approved; it is live')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Services' })).toContainText('active', { ignoreCase: true });
  await expect(statuses.locator('option:not([disabled])')).toHaveText(['suspended', 'cancelled', 'terminated']);

  await statuses.selectOption('suspended');
  await page.getByRole('dialog', { name: 'Make the order suspended' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Order is now suspended')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Services' })).toContainText('suspended', { ignoreCase: true });
  await expect(statuses.locator('option:not([disabled])')).toHaveText(['active', 'cancelled', 'terminated']);
  await expect(page.getByRole('list', { name: 'Audit log' })).toContainText('Status changed');
  await shot(page, 'order-detail');
});

test('the dashboard shows what is owed, late and waiting', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await expect(page.getByRole('heading', { name: 'Overdue' })).toBeVisible();
  // The demo's direct customers owe $159.00 overdue, its resellers' books $134.00 more: the
  // Overdue key figure and the Overdue list agree.
  await expect(page.getByTestId('kpi-overdue-value')).toHaveText('$293.00');
  await expect(page.getByText('$293.00')).toHaveCount(2);
  await expect(page.getByRole('link', { name: /Cloud VPS/ })).toBeVisible();
  await shot(page, 'dashboard');
});

test('the order desk edits the price, payment method, labels and notes, all in the log', async ({ page, request }) => {
  const { customer, order } = await givenPaidOrder(request);
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/orders/${order.id}`);

  await page.getByRole('button', { name: 'Edit price' }).click();
  const price = page.getByRole('dialog', { name: 'Edit price' });
  await expect(price).toContainText('a debit note bills a rise');
  await expect(price.getByLabel('New price per unit and cycle (USD)')).toHaveValue('129.00');
  await price.getByLabel('New price per unit and cycle (USD)').fill('149.00');
  await price.getByRole('button', { name: 'Change price' }).click();
  await expect(price.getByText('Reason is required').or(price.getByText('is required'))).toBeVisible();
  await price.getByLabel('Reason').fill('Moved to the larger machine');
  await price.getByRole('button', { name: 'Change price' }).click();
  await expect(page.getByText('Price raised; a debit note bills the difference')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Order invoices' })).toContainText('debit note');
  const pdfLink = page.getByRole('table', { name: 'Order invoices' }).getByRole('link', { name: /^Download DN-.* as PDF$/ });
  const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByRole('table', { name: 'Order lines' })).toContainText('$149.00');

  await page.getByRole('button', { name: 'Change payment method' }).click();
  const method = page.getByRole('dialog', { name: 'Change payment method' });
  await method.getByLabel('Payment method').selectOption('paypal');
  await method.getByRole('button', { name: 'Change method' }).click();
  await expect(page.getByText('Payment method is now PayPal')).toBeVisible();

  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByRole('dialog', { name: 'Add label' }).getByLabel('Label').fill('VIP');
  await page.getByRole('dialog', { name: 'Add label' }).getByRole('button', { name: 'Add label' }).click();
  await expect(page.getByRole('list', { name: 'Labels' })).toHaveText('VIP');

  await page.getByLabel('New note').fill('Wants the invoice on company letterhead');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('list', { name: 'Order notes' })).toContainText('Wants the invoice on company letterhead');
  await page.getByRole('list', { name: 'Order notes' }).getByRole('button', { name: 'Edit note' }).click();
  await page.getByRole('list', { name: 'Order notes' }).getByLabel('Note').fill('Letterhead sent');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('list', { name: 'Order notes' })).toContainText('Letterhead sent');

  const log = page.getByRole('list', { name: 'Audit log' });
  for (const action of ['Price edited', 'Payment method changed', 'Label added', 'Note added', 'Note edited']) await expect(log).toContainText(action);
  await shot(page, 'order-desk');

  await page.getByRole('link', { name: customer.name }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/customers/${customer.id}$`));
  await page.getByLabel('New note').fill('Prefers e-mail over phone');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('list', { name: 'Customer notes' })).toContainText('Prefers e-mail over phone');
  await page.goto(`/admin/orders/${order.id}`);
  const aboutCustomer = page.getByRole('list', { name: 'Customer notes' });
  await expect(aboutCustomer).toContainText('Prefers e-mail over phone');
  await expect(aboutCustomer.getByRole('button', { name: 'Edit note' })).toHaveCount(0);
});

test('orders open from the keyboard: arrows move between rows, Enter opens one', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/orders');
  const rows = page.getByRole('table', { name: 'Orders' }).locator('tbody tr');
  const second = (await rows.nth(1).locator('a').first().textContent())!;
  await page.getByRole('region', { name: 'Orders list' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${second}`);
});

test('an order whose product is provisioned by hand waits for payment, then for an admin to mark it done', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string }>(request, '/customers', { name: `Manual Buyer ${tag}`, email: `manual-${tag}@example.test`, currency: 'USD' });
  const product = await apiPost<{ id: string }>(request, '/products', {
    name: `Colocation ${tag}`,
    type: 'recurring',
    auto_activate: true,
    provisioning_module: 'manual',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 9900 }],
  });
  const order = await apiPost<{ id: string; invoice_id: string }>(request, '/orders', {
    customer_id: customer.id,
    items: [{ product_id: product.id, cycle: 'monthly' }],
  });

  // Unpaid, nothing is offered: a service is provisioned once its order is paid.
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/orders/${order.id}`);
  const services = page.getByRole('table', { name: 'Services' });
  await expect(services).toContainText('pending', { ignoreCase: true });
  await expect(services.getByRole('button', { name: 'Mark provisioned' })).toHaveCount(0);

  await apiPost(request, `/invoices/${order.invoice_id}/mark-paid`, {});
  await page.reload();
  await expect(services).toContainText('pending', { ignoreCase: true });
  await services.getByRole('button', { name: 'Mark provisioned' }).click();
  await expect(page.getByText('Provisioned; the order is live')).toBeVisible();
  await expect(services).toContainText('active', { ignoreCase: true });
  await expect(services.getByRole('button', { name: 'Mark provisioned' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Audit log' })).toContainText('Service provisioned');
});

test('an admin issues a proforma in place of an unpaid order invoice; paying it activates the order and bills once', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string }>(request, '/customers', { name: `Proforma Buyer ${tag}`, email: `pf-${tag}@example.test`, currency: 'USD' });
  const product = await apiPost<{ id: string }>(request, '/products', {
    name: `Web hosting ${tag}`,
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 2500 }],
  });
  const order = await apiPost<{ id: string; number: string; invoice_id: string }>(request, '/orders', {
    customer_id: customer.id,
    items: [{ product_id: product.id, cycle: 'monthly' }],
  });
  const first = await (await request.get(`/api/v1/invoices/${order.invoice_id}`, { headers: { authorization: `Bearer ${apiKey}` } })).json();

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/orders/${order.id}`);
  await page.getByRole('toolbar', { name: 'Order actions' }).getByRole('button', { name: 'Create proforma' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create proforma' });
  await expect(dialog).toContainText(`Invoice ${first.number} is unpaid, so the proforma replaces it`);
  await shot(page, 'order-proforma-replaces');
  await dialog.getByRole('button', { name: 'Issue proforma' }).click();
  await expect(page.getByText(new RegExp(`Proforma PF-\\S+ issued; invoice ${first.number} cancelled`))).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/invoices\//);

  await page.getByRole('button', { name: 'Mark as paid' }).click();
  await page.getByRole('dialog', { name: 'Mark as paid' }).getByRole('button', { name: 'Mark as paid' }).click();
  await expect(page.getByTestId('balance')).toHaveText('$0.00');

  await page.goto(`/admin/orders/${order.id}`);
  const invoices = page.locator('[aria-label="Invoices"]');
  await expect(invoices.locator('tbody tr', { hasText: first.number })).toContainText('cancelled', { ignoreCase: true });
  await expect(invoices.locator('tbody tr', { hasText: 'PF-' })).toContainText('paid', { ignoreCase: true });
  // The invoice the paid proforma became is the one tax document, and the order goes live.
  await expect(invoices.locator('tbody tr', { hasText: 'paid' })).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 1 }).locator('xpath=../..')).toContainText('active', { timeout: 15_000, ignoreCase: true });
  await shot(page, 'order-proforma-paid');
});
