import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiKey, apiPost, givenInvoice, shot, signIn } from './support';

// A collector works from a phone.
test.use({ viewport: { width: 390, height: 844 } });

test('an admin puts a customer on a collector’s round; the collector takes part of an invoice in cash and hands over the receipt', async ({
  page,
  browser,
}) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const collector = await apiPost<{ id: string; name: string; email: string }>(page.request, '/staff', {
    name: `Colette Field ${tag}`,
    email: `collector-${tag}@example.test`,
    password: 'a-long-enough-password',
    permissions: [],
    role: 'collector',
  });
  const { customer, invoice } = await givenInvoice(
    page.request,
    [{ description: 'Home internet, May', quantity: 1, unit_price: 5000 }],
    `Field Customer ${tag}`,
  );

  // The desk: the customer page's Cash collector row.
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/customers/${customer.id}`);
  const row = page.getByTestId('customer-collector');
  await expect(row).toContainText('None');
  await row.getByRole('button', { name: 'Assign collector' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign collector' });
  await dialog.getByLabel('Cash collector').selectOption({ label: collector.name });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`${collector.name} now collects from this customer`)).toBeVisible();
  await expect(row).toContainText(collector.name);
  await shot(page, 'collect-assigned');

  // The collector, on its own phone: signing in lands on the Collect page, and the desk stays shut.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const field = await phone.newPage();
  await signIn(field, collector.email, 'a-long-enough-password');
  await expect(field).toHaveURL(/\/collect$/);
  await field.goto('/admin/invoices');
  await expect(field).toHaveURL(/\/collect$/);
  await expect(field.getByRole('heading', { name: 'Collect cash', level: 1 })).toBeVisible();

  await field.getByPlaceholder('Name, company, e-mail or phone').fill(tag);
  const customers = field.getByRole('list', { name: 'Customers' });
  await expect(customers.getByRole('button')).toHaveCount(1);
  await expect(customers).toContainText('1 open invoice');
  await shot(field, 'collect-find-customer');
  await customers.getByRole('button', { name: new RegExp(`Field Customer ${tag}`) }).click();

  const open = field.getByRole('list', { name: 'Open invoices' });
  await expect(open).toContainText(invoice.number);
  await expect(open).toContainText('$50.00');
  await shot(field, 'collect-open-invoices');
  await open.getByRole('button', { name: new RegExp(invoice.number) }).click();

  // More than the balance is refused under the field, before anything is sent.
  await field.getByLabel('Amount received (USD)').fill('60');
  await field.getByLabel('Receipt number').fill(`RB-${tag}`);
  await field.getByRole('button', { name: 'Continue' }).click();
  await expect(field.getByText(/must be above 0, at most the balance/)).toBeVisible();
  await field.getByLabel('Amount received (USD)').fill('20');
  await field.getByRole('button', { name: 'Continue' }).click();
  await expect(field.getByText('Balance left afterwards: $30.00')).toBeVisible();
  await shot(field, 'collect-confirm');
  await field.getByRole('button', { name: 'Confirm payment' }).click();

  const receipt = field.getByRole('region', { name: 'Receipt' });
  await expect(field.getByRole('heading', { name: 'Payment recorded' })).toBeVisible();
  await expect(receipt).toContainText(`RB-${tag}`);
  await expect(receipt).toContainText('$20.00');
  await expect(receipt).toContainText('$30.00');
  await expect(receipt).toContainText(collector.name);
  await expect(field.getByTestId('receipt-qr')).toBeVisible();
  await shot(field, 'collect-receipt');

  const [download] = await Promise.all([field.waitForEvent('download'), field.getByRole('link', { name: 'Download receipt (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe(`receipt-RB-${tag}.pdf`);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

  // What the desk sees: a part payment by the collector, with the receipt number as its reference.
  const after = await page.request.get(`/api/v1/invoices/${invoice.id}`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(await after.json()).toMatchObject({ status: 'partial', amount_paid: 2000 });
  await phone.close();
});
