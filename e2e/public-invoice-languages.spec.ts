import { expect, test } from '@playwright/test';
import { apiKey, givenInvoice, shot } from './support';

// The browser asks for English (Playwright's en-US); the page follows the invoice, not the visitor.
test('the public invoice page in German: labels, money and dates, its PDF too, the data as written', async ({ page, request }) => {
  const { customer, invoice } = await givenInvoice(request, [
    { description: 'Managed hosting', quantity: 1, unit_price: 123_456 },
    { description: 'Extra IP', quantity: 2, unit_price: 300 },
  ]);
  // The customer reads German: set as an integrator would.
  const patched = await request.patch(`/api/v1/customers/${customer.id}`, { data: { locale: 'de' }, headers: { authorization: `Bearer ${apiKey}` } });
  expect(patched.status(), await patched.text()).toBe(200);
  const { pathname, search } = new URL((invoice as unknown as { public_url: string }).public_url);
  expect((await page.goto(`${pathname}${search}`))?.status()).toBe(200);

  await expect(page.locator('main')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(invoice.number);
  await expect(page.getByText('Rechnungsempfänger')).toBeVisible();
  await expect(page.getByTestId('bill-to')).toHaveText(customer.name);
  await expect(page.getByRole('table', { name: 'Positionen' })).toContainText('Extra IP');
  await expect(page.getByRole('columnheader', { name: 'Einzelpreis' })).toBeVisible();
  await expect(page.getByTestId('balance-due')).toHaveText(/^1\.240,56\s\$$/);
  await expect(page.getByTestId('due-date')).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
  await expect(page.getByText(/^Bitte zahlen Sie 1\.240,56\s\$ bis zum \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Drucken' })).toBeVisible();
  await shot(page, 'public-invoice-de');

  const href = await page.getByRole('link', { name: 'PDF herunterladen' }).getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  // `locale` overrides the customer's language.
  await page.goto(`${pathname}${search}&locale=en`);
  await expect(page.getByText('Bill to')).toBeVisible();
  await expect(page.getByTestId('balance-due')).toHaveText('$1,240.56');
});
