import { expect, test } from '@playwright/test';
import { apiPost, givenInvoice, shot } from './support';

type Invoice = { id: string; number: string; public_url: string };

const pathOf = (url: string) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

test('the public link shows the invoice with its pay panel, printable and as PDF, outside the console', async ({ page, request }) => {
  const { customer, invoice } = await givenInvoice(request, [
    { description: 'Managed hosting', quantity: 1, unit_price: 12_000 },
    { description: 'Extra IP', quantity: 2, unit_price: 300 },
  ]);
  // Created pending, so it has its public link already.
  const { public_url } = invoice as Invoice;
  const response = await page.goto(pathOf(public_url));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(invoice.number);
  await expect(page.getByTestId('seller-name')).toHaveText('Northwind Hosting Ltd');
  await expect(page.getByTestId('bill-to')).toHaveText(customer.name);
  await expect(page.getByRole('table', { name: 'Lines' })).toContainText('Extra IP');
  await expect(page.getByTestId('balance-due')).toHaveText('$126.00');
  await expect(page.getByTestId('pay-panel')).toBeVisible();
  // No console around it: no signed-in user, no navigation.
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await shot(page, 'public-invoice');

  const pdf = await page.request.get((await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByTestId('pay-panel')).toBeHidden();
  await shot(page, 'public-invoice-print');
});

test('a wrong, missing or old token is the 404 page; a paid invoice shows no pay panel', async ({ page, request }) => {
  const { invoice } = await givenInvoice(request, [{ description: 'Support hours', quantity: 3, unit_price: 5000 }]);
  const { public_url } = invoice as Invoice;
  const good = pathOf(public_url);
  expect((await page.goto(good))?.status()).toBe(200);

  for (const bad of [good.replace(/token=.{4}/, 'token=AAAA'), `/p/invoice/${invoice.id}`, `/p/invoice/${invoice.id}?token=`]) {
    const response = await page.goto(bad);
    expect(response?.status(), bad).toBe(404);
    await expect(page.getByText('This page could not be found.')).toBeVisible();
  }
  await shot(page, 'public-invoice-404');
  expect((await page.request.get(`/p/invoice/${invoice.id}/pdf?token=wrong`)).status()).toBe(404);

  const regenerated = await apiPost<{ public_url: string }>(request, `/invoices/${invoice.id}/regenerate-token`, {});
  expect((await page.goto(good))?.status()).toBe(404);
  const fresh = pathOf(regenerated.public_url);
  expect((await page.goto(fresh))?.status()).toBe(200);
  await expect(page.getByTestId('pay-panel')).toBeVisible();

  await apiPost(request, `/invoices/${invoice.id}/mark-paid`, {});
  await page.goto(fresh);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(invoice.number);
  await expect(page.getByText(/^Paid in full/)).toBeVisible();
  await expect(page.getByTestId('balance-due')).toHaveText('$0.00');
  await expect(page.getByTestId('pay-panel')).toHaveCount(0);
  await shot(page, 'public-invoice-paid');
});
