import { expect, test } from '@playwright/test';
import { apiPost, givenInvoice, shot, signIn } from './support';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
// The public link as a path: the server's own origin may differ from the test's.
const pathOf = (url: string) => {
  const { pathname, search } = new URL(url, 'http://localhost');
  return `${pathname}${search}`;
};
const daysFrom = (days: number) => isoDay(new Date(Date.now() + days * 86_400_000));

// Each card opens exactly the set it counts: the open invoices (pending, part-paid, overdue), the
// ones due within the week, the payments of the last 30 days.
test('the dashboard cards open exactly what they count', async ({ page, request }) => {
  const { invoice } = await givenInvoice(request, [{ description: 'Backup storage', quantity: 1, unit_price: 5000 }]);
  await apiPost(request, `/invoices/${invoice.id}/payments`, { amount: 1000, method: 'cash' });
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin');
  const today = isoDay(new Date());

  const unpaid = page.getByRole('link', { name: 'View all →' }).first();
  await expect(unpaid).toHaveAttribute('href', '/admin/invoices?status=pending,partial,overdue');
  const dueSoon = page.getByRole('heading', { name: 'Due this week' }).locator('..').getByRole('link', { name: 'View all →' });
  await expect(dueSoon).toHaveAttribute('href', `/admin/invoices?status=pending,partial&date_field=due&from=${today}&to=${daysFrom(7)}`);
  const payments = page.getByRole('heading', { name: 'Recent payments' }).locator('..').getByRole('link', { name: 'View all →' });
  await expect(payments).toHaveAttribute('href', `/admin/payments?from=${daysFrom(-29)}&to=${today}`);
  await expect(page.getByTestId('payment-count')).toContainText(/\d+ payments? in the last 30 days/);
  await shot(page, 'dashboard-cards');

  await unpaid.click();
  await expect(page).toHaveURL(/status=pending,partial,overdue/);
  const rows = page.getByRole('table', { name: 'Invoices' }).locator('tbody tr');
  await expect(rows.filter({ hasText: invoice.number })).toHaveCount(1);
  await shot(page, 'dashboard-unpaid-list');
});

// One convention on every surface: net line amounts, the tax rate per line, tax per rate below.
test('an invoice shows net line amounts and tax per rate, and an overpayment is refused next to Amount in money', async ({ page, request }) => {
  const tag = `${Date.now()}`;
  const customer = await apiPost<{ id: string }>(request, '/customers', { name: `Taxed ${tag}`, email: `taxed-${tag}@example.test`, currency: 'USD' });
  const taxed = await apiPost<{ id: string; public_url: string }>(request, '/invoices', {
    customer_id: customer.id,
    items: [
      { description: 'Managed VPS', quantity: 1, unit_price: 2500, tax_rate: 20 },
      { description: 'Domain', quantity: 2, unit_price: 1000, tax_rate: 0 },
    ],
  });
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/invoices/${taxed.id}`);
  const lines = page.getByRole('table', { name: 'Lines' });
  await expect(lines.locator('tbody tr').first()).toContainText('$25.00');
  await expect(lines.locator('tbody tr').first()).not.toContainText('$30.00');
  const totals = page.locator('dl[aria-label="Totals"]');
  await expect(totals).toContainText('20% on $25.00');
  await expect(totals).toContainText('$5.00');
  await expect(totals).toContainText('$50.00');
  await shot(page, 'invoice-net-lines');

  await page.getByRole('button', { name: 'Add payment' }).click();
  const pay = page.getByRole('dialog', { name: 'Add payment' });
  await pay.getByLabel('Amount (USD)').fill('80');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(pay.locator('#amount-error')).toHaveText('must be at most the balance of $50.00');
  await shot(page, 'overpayment-field-error');
  await pay.getByRole('button', { name: 'Cancel' }).click();

  // The public page and the portal share the sheet: the same net amounts and rate bands.
  await page.goto(pathOf(taxed.public_url));
  await expect(page.getByRole('table', { name: 'Lines' }).locator('tbody tr').first()).toContainText('$25.00');
  await expect(page.locator('dl[aria-label="Totals"]')).toContainText('20% on $25.00');
});

test('a credit note reads as credited, with the invoice it corrects, and a draft is a draft invoice', async ({ page, request }) => {
  const { invoice, customer } = await givenInvoice(request, [{ description: 'Quarterly plan', quantity: 1, unit_price: 12000 }]);
  await apiPost(request, `/invoices/${invoice.id}/mark-paid`, { method: 'card' });
  const note = await apiPost<{ id: string }>(request, `/invoices/${invoice.id}/credit-notes`, {
    items: [{ description: 'Outage goodwill', quantity: 1, unit_price: 2000 }],
    reason: 'SLA',
  });
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/invoices/${note.id}`);
  const main = page.getByRole('main');
  await expect(main.getByText('Credited', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  await expect(page.getByTestId('balance')).toHaveCount(0);
  await expect(page.locator('dl[aria-label="Totals"]')).not.toContainText('Due');
  await expect(page.getByTestId('corrects').getByRole('link', { name: invoice.number })).toHaveAttribute('href', `/admin/invoices/${invoice.id}`);
  await shot(page, 'credit-note-console');

  const { public_url } = await (
    await request.get(`/api/v1/invoices/${note.id}`, { headers: { authorization: 'Bearer cd_e2e_bootstrap_key_0123456789abcdef' } })
  ).json();
  await page.goto(pathOf(public_url as string));
  await expect(page.getByTestId('balance-due')).toHaveCount(0);
  await expect(page.getByTestId('due-date')).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText(`Corrects invoice ${invoice.number}`);
  await expect(page.getByRole('main')).toContainText('Credited');
  await shot(page, 'credit-note-public');

  const draft = await apiPost<{ id: string }>(request, '/invoices', {
    customer_id: customer.id,
    status: 'draft',
    items: [{ description: 'Setup 2026-03-01', quantity: 1, unit_price: 900 }],
  });
  await page.goto(`/admin/invoices/${draft.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Draft invoice');
  await expect(page.getByRole('table', { name: 'Lines' })).toContainText('Setup 1 Mar 2026');
  await shot(page, 'draft-invoice');
});
