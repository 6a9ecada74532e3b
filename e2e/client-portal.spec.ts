import { expect, test } from '@playwright/test';
import { dayFromToday, givenClient, markOverdue } from './portal-support';
import { apiPost, shot, signIn } from './support';

type Invoice = { id: string; number: string };

test('a client finds unpaid invoices on top, opens one, downloads its PDF, edits the address and reads the credit ledger', async ({ page, request }) => {
  // In pounds: its overdue invoice must not change the dollar totals other specs read on the
  // admin dashboard while they run in parallel.
  const { customer, email } = await givenClient(request, undefined, 'GBP');
  const item = (description: string, unit_price: number) => ({ description, quantity: 1, unit_price });
  const paid = await apiPost<Invoice>(request, '/invoices', { customer_id: customer.id, items: [item('Domain renewal', 1500)] });
  await apiPost(request, `/invoices/${paid.id}/mark-paid`, {});
  const overdue = await apiPost<Invoice>(request, '/invoices', {
    customer_id: customer.id,
    issue_date: dayFromToday(-45),
    due_date: dayFromToday(-15),
    items: [item('VPS March', 4200)],
  });
  await markOverdue(overdue.id);
  const pending = await apiPost<Invoice>(request, '/invoices', { customer_id: customer.id, items: [item('VPS April', 4200), item('Backup', 800)] });
  await apiPost(request, `/customers/${customer.id}/credit`, { amount: 1250, reason: 'Goodwill for the outage' });
  const stranger = await givenClient(request);
  const theirs = await apiPost<Invoice>(request, '/invoices', { customer_id: stranger.customer.id, items: [item('Not yours', 999)] });

  await signIn(page, email);
  await expect(page).toHaveURL('/client');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
  await expect(page.getByTestId('amount-due')).toHaveText('£92.00');
  await expect(page.getByTestId('credit-balance')).toHaveText('£12.50');
  await shot(page, 'portal-overview');

  // Unpaid first (overdue before pending), then the paid one; overdue in red.
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Invoices' }).click();
  await expect(page).toHaveURL('/client/invoices');
  const rows = page.getByRole('table', { name: 'Invoices' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(overdue.number);
  await expect(rows.nth(0)).toContainText('overdue', { ignoreCase: true });
  await expect(rows.nth(0)).toHaveClass(/text-danger/);
  await expect(rows.nth(1)).toContainText(pending.number);
  await expect(rows.nth(2)).toContainText(paid.number);
  await expect(rows.nth(2).getByRole('link', { name: /^Pay / })).toHaveCount(0);
  await shot(page, 'portal-invoices');

  // The invoice page, its PDF and its pay page.
  await rows.nth(0).getByRole('link', { name: overdue.number, exact: true }).click();
  await expect(page).toHaveURL(`/client/invoices/${overdue.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(overdue.number);
  await expect(page.getByTestId('balance-due')).toHaveText('£42.00');
  await expect(page.getByTestId('bill-to')).toHaveText(customer.name);
  await expect(page.getByText(/Overdue since/)).toBeVisible();
  await shot(page, 'portal-invoice');
  const pdfHref = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  await page.getByRole('link', { name: 'Pay now' }).click();
  await expect(page).toHaveURL(`/client/invoices/${overdue.id}/pay`);
  await expect(page.getByLabel('Invoice summary')).toContainText(overdue.number);
  await expect(page.getByTestId('balance-due')).toHaveText('£42.00');
  await expect(page.getByTestId('pay-panel')).toBeVisible();
  await shot(page, 'portal-pay');

  // A paid invoice has nothing to pay; another customer's invoice and its PDF do not exist.
  await page.goto(`/client/invoices/${paid.id}/pay`);
  await expect(page.getByTestId('nothing-to-pay')).toContainText('Paid');
  await expect(page.getByTestId('pay-panel')).toHaveCount(0);
  const foreign = await page.goto(`/client/invoices/${theirs.id}`);
  expect(foreign?.status()).toBe(404);
  await expect(page.getByText('This page could not be found.')).toBeVisible();
  expect((await page.request.get(`/client/invoices/${theirs.id}/pdf`)).status()).toBe(404);

  // Profile: a bad country is refused inline, a good address is saved.
  await page.goto('/client/profile');
  const form = page.getByRole('form', { name: 'Profile' });
  await form.getByLabel('Company').fill('Lovelace Analytics');
  await form.getByLabel('Address line 1').fill('12 Engine Street');
  await form.getByLabel('City').fill('London');
  await form.getByLabel('Postal code').fill('SW1A 1AA');
  await form.getByLabel(/^Country/).fill('X');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.locator('#address-country-error')).toHaveText('must be a two-letter country code, like US');
  await shot(page, 'portal-profile-error');
  await form.getByLabel(/^Country/).fill('gb');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved')).toBeVisible();
  await expect(form.locator('#address-country-error')).toHaveCount(0);
  await page.reload();
  await expect(form.getByLabel('Address line 1')).toHaveValue('12 Engine Street');
  await expect(form.getByLabel(/^Country/)).toHaveValue('GB');
  await shot(page, 'portal-profile');
  // An issued invoice keeps the addressee it was numbered with; the next one carries the new address.
  await page.goto(`/client/invoices/${pending.id}`);
  await expect(page.getByRole('region', { name: 'Parties' })).not.toContainText('12 Engine Street');
  const next = await apiPost<Invoice>(request, '/invoices', { customer_id: customer.id, items: [item('VPS May', 4200)] });
  await page.goto(`/client/invoices/${next.id}`);
  await expect(page.getByRole('region', { name: 'Parties' })).toContainText('12 Engine Street');
  await expect(page.getByRole('region', { name: 'Parties' })).toContainText('Lovelace Analytics');

  // Credit balance and its ledger.
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Credit' }).click();
  await expect(page.getByTestId('credit-balance')).toHaveText('£12.50');
  const ledger = page.getByRole('table', { name: 'Credit ledger' });
  await expect(ledger.locator('tbody tr')).toHaveCount(1);
  await expect(ledger).toContainText('Goodwill for the outage');
  await expect(ledger).toContainText('+£12.50');
  await shot(page, 'portal-credit');

  // The storefront is one click away.
  await expect(page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Store' })).toHaveAttribute('href', '/store');
});

test('a client sees their services with status and next due date, and their orders', async ({ page, request }) => {
  const { customer, email } = await givenClient(request);
  const tag = Date.now();
  const product = await apiPost<{ id: string }>(request, '/products', {
    name: `Cloud VPS ${tag}`,
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 2500 }],
  });
  const order = await apiPost<{ id: string; number: string; invoice_id: string }>(request, '/orders', {
    customer_id: customer.id,
    items: [{ product_id: product.id, cycle: 'monthly' }],
  });
  await apiPost(request, `/invoices/${order.invoice_id}/mark-paid`, {});

  await signIn(page, email);
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Services' }).click();
  const services = page.getByRole('table', { name: 'Services' });
  await expect(services.locator('tbody tr')).toHaveCount(1);
  await expect(services).toContainText(`Cloud VPS ${tag}`);
  await expect(services).toContainText('active', { ignoreCase: true });
  await expect(services).toContainText('$25.00');
  await shot(page, 'portal-services');

  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Orders' }).click();
  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(orders.locator('tbody tr')).toHaveCount(1);
  await expect(orders).toContainText(order.number);
  await orders.getByRole('link', { name: 'View invoice' }).click();
  await expect(page).toHaveURL(`/client/invoices/${order.invoice_id}`);
  await expect(page.getByTestId('balance-due')).toHaveText('$0.00');
  await shot(page, 'portal-orders');
});
