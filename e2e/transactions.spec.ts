import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiPost, givenInvoice, shot, signIn } from './support';

test('an admin records a payment, finds it in Transactions filtered by range, currency and type, and exports that set as CSV and PDF', async ({
  page,
  request,
}) => {
  const { customer, invoice } = await givenInvoice(request, [{ description: 'Managed hosting', quantity: 1, unit_price: 4500 }]);
  // Credit granted to the same customer: a ledger row the income filter must leave out.
  await apiPost(request, `/customers/${customer.id}/credit`, { amount: 700, reason: 'Goodwill' });
  const reference = `LEDGER-${Date.now()}`;

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/invoices/${invoice.id}`);
  await page.getByRole('button', { name: 'Add payment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add payment' });
  await dialog.getByLabel('Amount (USD)').fill('45.00');
  await dialog.getByLabel('Reference (optional)').fill(reference);
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText('Payment recorded; invoice is paid')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Transactions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transactions');
  const form = page.getByRole('form', { name: 'Filters' });
  await form.getByLabel('Customer ID').fill(customer.id);
  const rows = page.getByRole('table', { name: 'Transactions' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);

  // The ledger shows a range, this month by default, and one currency or all of them.
  const range = page.getByRole('navigation', { name: 'Range' });
  await range.getByRole('link', { name: 'Last month' }).click();
  await expect(page).toHaveURL(/preset=last_month/);
  await expect(page.getByText('No transaction matches these filters.')).toBeVisible();
  await range.getByRole('link', { name: 'This month' }).click();
  await expect(rows).toHaveCount(2);
  const currency = page.getByRole('navigation', { name: 'Currency' });
  await currency.getByRole('link', { name: 'USD' }).click();
  await expect(page).toHaveURL(/currency=USD/);
  await expect(currency.getByRole('link', { name: 'USD' })).toHaveAttribute('aria-current', 'true');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('report-scope')).toContainText('USD');

  await form.getByLabel('Type').selectOption('income');
  await expect(page).toHaveURL(/type=income/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('income');
  await expect(rows.first()).toContainText('$45.00');
  await expect(rows.first()).toContainText(customer.name);
  await expect(rows.first()).toContainText(reference);
  await expect(rows.first()).toContainText('admin@cashdesk.test');
  await expect(rows.first().getByRole('link', { name: invoice.number })).toHaveAttribute('href', `/admin/invoices/${invoice.id}`);
  await shot(page, 'transactions-filtered');

  const pdf = await page.request.get((await page.getByTestId('report-pdf').getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="transactions-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.pdf"$/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  const [header, ...lines] = csv
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  expect(lines).toHaveLength(1);
  const cell = (name: string) => lines[0]![header!.indexOf(name)];
  expect([cell('type'), cell('amount'), cell('currency'), cell('customer_id'), cell('invoice_number'), cell('reference')]).toEqual([
    'income',
    '45.00',
    'USD',
    customer.id,
    invoice.number,
    reference,
  ]);
});
