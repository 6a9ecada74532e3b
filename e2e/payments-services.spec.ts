import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { apiPost, givenInvoice, shot, signIn } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

/** The page fits the window and the list its card: no horizontal scroll at this width. */
async function expectNoHorizontalScroll(page: Page, list: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  const region = page.getByRole('region', { name: `${list} list` });
  const fits = await region.evaluate((element) => element.scrollWidth <= element.clientWidth);
  expect(fits, `the ${list} table scrolls sideways`).toBe(true);
}

const csvOf = async (page: Page, link: string) => {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: link }).click();
  return (await readFile((await (await download).path())!, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => line.split(','));
};

test('an admin finds a payment in Payments by method and customer, opens its invoice from the row, and exports services by status', async ({
  page,
  request,
}) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const { customer, invoice } = await givenInvoice(request, [{ description: 'Managed hosting', quantity: 1, unit_price: 4500 }], `Payments Co ${tag}`);
  const reference = `PAY-${tag}`;
  await apiPost(request, `/invoices/${invoice.id}/payments`, { amount: 4500, method: 'bank_transfer', reference });
  const product = await apiPost<{ id: string }>(request, '/products', {
    name: `Lists VPS ${tag}`,
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 2500 }],
  });
  await apiPost(request, '/orders', { customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] });

  await signIn(page, 'admin@cashdesk.test');
  const nav = page.getByRole('navigation', { name: 'Main', exact: true });
  await nav.getByRole('link', { name: 'Payments' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments');
  const form = page.getByRole('form', { name: 'Filters' });
  await form.getByLabel('Method').selectOption({ label: 'Bank transfer' });
  await form.getByLabel('Customer').fill(customer.name);
  await expect(page).toHaveURL(/method=bank_transfer/);
  const rows = page.getByRole('table', { name: 'Payments' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  for (const text of ['Payment', '$45.00', 'Bank transfer', reference, invoice.number, customer.name]) await expect(row).toContainText(text);
  await expect(row.getByRole('link', { name: customer.name })).toHaveAttribute('href', `/admin/customers/${customer.id}`);
  await expectNoHorizontalScroll(page, 'Payments');
  await shot(page, 'payments-filtered');

  const [header, ...lines] = await csvOf(page, 'Export CSV');
  expect(lines).toHaveLength(1);
  const cell = (name: string) => lines[0]![header!.indexOf(name)];
  expect([cell('type'), cell('amount'), cell('method'), cell('reference'), cell('invoice_number')]).toEqual([
    'payment',
    '45.00',
    'bank_transfer',
    reference,
    invoice.number,
  ]);

  // The whole row opens the invoice, not only its links.
  await row.getByText('Bank transfer').click();
  await expect(page).toHaveURL(`/admin/invoices/${invoice.id}`);

  await nav.getByRole('link', { name: 'Services' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Services');
  await form.getByLabel('Status').selectOption({ label: 'Pending' });
  await form.getByLabel('Customer').fill(customer.name);
  await expect(page).toHaveURL(/status=pending/);
  const services = page.getByRole('table', { name: 'Services' }).locator('tbody tr');
  await expect(services).toHaveCount(1);
  await expect(services.first()).toContainText(`Lists VPS ${tag}`);
  await expect(services.first()).toContainText('$25.00');
  await expectNoHorizontalScroll(page, 'Services');
  await shot(page, 'services-filtered');

  const [serviceHeader, ...serviceLines] = await csvOf(page, 'Export CSV');
  expect(serviceLines).toHaveLength(1);
  expect(serviceLines[0]![serviceHeader!.indexOf('status')]).toBe('pending');
  expect(serviceLines[0]![serviceHeader!.indexOf('customer_id')]).toBe(customer.id);
});

test('a reseller opens Payments and Services in its console', async ({ page }) => {
  await signIn(page, 'reseller@cashdesk.test');
  const nav = page.getByRole('navigation', { name: 'Main', exact: true });
  await nav.getByRole('link', { name: 'Payments' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments');
  await expect(page.getByRole('form', { name: 'Filters' }).getByLabel('Reseller')).toHaveCount(0);
  await expectNoHorizontalScroll(page, 'Payments');
  await shot(page, 'reseller-payments');
  await nav.getByRole('link', { name: 'Services' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Services');
  await expectNoHorizontalScroll(page, 'Services');
  await shot(page, 'reseller-services');
});
