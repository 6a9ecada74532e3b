import { expect, test, type Page } from '@playwright/test';
import { givenClient } from './portal-support';
import { apiKey, apiPost, shot, signIn } from './support';

type Invoice = { id: string; number: string; status: string };

async function statusOf(page: Page, id: string) {
  const response = await page.request.get(`/api/v1/invoices/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
  return ((await response.json()) as Invoice).status;
}

// The desk's shortcuts on one invoice: part of the customer's credit applied, the invoice copied
// into a new draft, and that draft finalized and e-mailed in one step.
test('a clerk applies part of the credit, duplicates the invoice and finalizes & sends the copy', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const customer = await apiPost<{ id: string; email: string }>(request, '/customers', {
    name: `Shortcut Customer ${tag}`,
    email: `shortcut-${tag}@example.test`,
    currency: 'USD',
  });
  const invoice = await apiPost<Invoice>(request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Managed database, January', quantity: 1, unit_price: 5000 }],
  });
  await apiPost(request, `/customers/${customer.id}/credit`, { amount: 3000, reason: 'Goodwill for the outage' });
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/invoices/${invoice.id}`);
  await expect(page.getByTestId('invoice-customer')).toHaveAttribute('href', `/admin/customers/${customer.id}`);

  await page.getByRole('button', { name: 'Apply credit balance' }).click();
  const credit = page.getByRole('dialog', { name: 'Apply credit balance' });
  await expect(credit).toContainText('Credit balance $30.00 · balance due $50.00');
  await expect(credit.getByLabel('Amount (USD)')).toHaveValue('30.00');
  await credit.getByLabel('Amount (USD)').fill('30.01');
  await credit.getByRole('button', { name: 'Apply credit' }).click();
  await expect(credit.getByText('must be above 0 and at most $30.00')).toBeVisible();
  await credit.getByLabel('Amount (USD)').fill('12.50');
  await shot(page, 'invoice-apply-credit');
  await credit.getByRole('button', { name: 'Apply credit' }).click();
  await expect(page.getByText('$12.50 of credit applied; invoice is partial')).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('$37.50');
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText('Credit balance');

  await page.getByRole('button', { name: 'Duplicate' }).click();
  await page.getByRole('dialog', { name: 'Duplicate' }).getByRole('button', { name: 'Create draft' }).click();
  await expect(page).not.toHaveURL(new RegExp(invoice.id));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Draft');
  await expect(page.getByRole('table', { name: 'Lines' })).toContainText('Managed database, January');
  await expect(page.getByTestId('balance')).toHaveText('$0.00');
  await shot(page, 'invoice-duplicate-draft');

  await page.getByRole('button', { name: 'Finalize & send' }).click();
  const send = page.getByRole('dialog', { name: 'Finalize & send' });
  await expect(send).toContainText(`e-mailed to ${customer.email}`);
  await send.getByRole('button', { name: 'Finalize & send' }).click();
  await expect(page.getByText(new RegExp(`finalized; e-mail to ${customer.email.replace(/[.+]/g, '\\$&')} queued`))).toBeVisible();
  const log = page.getByRole('table', { name: 'Notification log' });
  await expect(async () => {
    await page.reload();
    await expect(log).toContainText(customer.email, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('balance')).toHaveText('$50.00');
  await shot(page, 'invoice-finalized-and-sent');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'invoice-finalized-and-sent-390');
});

// A client with two open invoices pays both in one card checkout; each is paid in full.
test('a client ticks two open invoices and pays them at once by card', async ({ page }) => {
  const { customer, email } = await givenClient(page.request);
  const first = await apiPost<Invoice>(page.request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Web hosting', quantity: 1, unit_price: 2000 }],
  });
  const second = await apiPost<Invoice>(page.request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'SSL certificate', quantity: 1, unit_price: 1550 }],
  });
  await signIn(page, email);
  await page.goto('/client/invoices');
  const mass = page.getByRole('region', { name: 'Pay several invoices' });
  await mass.getByRole('checkbox', { name: `Select ${first.number}` }).check();
  await mass.getByRole('checkbox', { name: `Select ${second.number}` }).check();
  await expect(mass.getByTestId('mass-pay-total')).toHaveText('$35.50');
  await shot(page, 'portal-mass-pay');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'portal-mass-pay-390');
  await page.setViewportSize({ width: 1440, height: 900 });

  await mass.getByRole('button', { name: 'Pay selected' }).click();
  await page.waitForURL(/\/client\/invoices\/[0-9a-f-]{36}\/pay$/);
  await expect(page.getByTestId('balance-due')).toHaveText('$35.50');
  await page.getByRole('button', { name: 'Pay $35.50 by card' }).click();
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page.getByTestId('payment-result').getByRole('heading')).toHaveText('Payment received');
  await expect.poll(() => statusOf(page, first.id)).toBe('paid');
  await expect.poll(() => statusOf(page, second.id)).toBe('paid');
  await page.goto('/client/invoices');
  await expect(page.getByRole('region', { name: 'Pay several invoices' })).toHaveCount(0);
});

// A client uses part of their credit on an invoice and sees where to send the rest by bank transfer.
test('a client uses part of their credit balance on an invoice', async ({ page }) => {
  const { customer, email } = await givenClient(page.request);
  const invoice = await apiPost<Invoice>(page.request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Dedicated server', quantity: 1, unit_price: 5000 }],
  });
  await apiPost(page.request, `/customers/${customer.id}/credit`, { amount: 3000, reason: 'Referral bonus' });
  await signIn(page, email);
  await page.goto(`/client/invoices/${invoice.id}`);
  const credit = page.getByRole('region', { name: 'Use credit balance' });
  await expect(credit.getByLabel('Amount (USD)')).toHaveValue('30.00');
  await expect(page.getByTestId('bank-transfer-details')).toContainText(`Reference: ${invoice.number}`);
  await credit.getByLabel('Amount (USD)').fill('10');
  await credit.getByRole('button', { name: 'Apply credit' }).click();
  await expect(page.getByText('$10.00 of your credit was applied')).toBeVisible();
  await expect(page.getByTestId('balance-due')).toHaveText('$40.00');
  await expect(credit.getByLabel('Amount (USD)')).toHaveValue('20.00');
  await shot(page, 'portal-use-credit');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'portal-use-credit-390');
});

// Bank transfer is on in the demo and Settings → Billing has no bank details: the admin is told,
// and the public invoice page still says how to pay by transfer, with the reference.
test('Settings warns that bank transfer has no details; the public invoice shows the transfer box', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const customer = await apiPost<{ id: string }>(request, '/customers', {
    name: `Transfer Payer ${tag}`,
    email: `transfer-${tag}@example.test`,
    currency: 'USD',
  });
  const invoice = await apiPost<Invoice & { public_url: string }>(request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Rack space', quantity: 1, unit_price: 9900 }],
  });
  const link = new URL(invoice.public_url);
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByTestId('bank-transfer-details')).toContainText(`Reference: ${invoice.number}`);

  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/settings');
  await expect(page.getByTestId('payment-notices')).toContainText('Bank transfer is on but there are no bank details');
  await page.getByTestId('payment-notices').scrollIntoViewIfNeeded();
  await shot(page, 'settings-bank-details-warning');
});
