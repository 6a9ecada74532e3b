import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

const password = 'a-long-enough-password';

/** A reseller of this test alone, made by the desk through the API, with the invoice flags given. */
async function givenReseller(request: APIRequestContext, permissions: string[]) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const email = `reseller-${tag}@example.test`;
  const reseller = await apiPost<{ id: string; name: string }>(request, '/resellers', {
    name: `Console Reseller ${tag}`,
    email,
    password,
    commission_percent: '10',
    permissions,
  });
  return { ...reseller, email, tag };
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main', exact: true });

test('a reseller without invoices.edit sees its invoice but no Add payment', async ({ page, request }) => {
  const reseller = await givenReseller(request, ['invoices.view', 'invoices.create']);
  const customer = await apiPost<{ id: string }>(request, '/customers', {
    name: `Read-only Customer ${reseller.tag}`,
    email: `read-only-${reseller.tag}@example.test`,
    currency: 'USD',
    reseller_id: reseller.id,
  });
  const invoice = await apiPost<{ id: string; number: string }>(request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Resold backup', quantity: 1, unit_price: 1200 }],
  });

  await signIn(page, reseller.email, password);
  await nav(page).getByRole('link', { name: 'Invoices' }).click();
  await page.getByRole('link', { name: invoice.number }).click();
  await expect(page).toHaveURL(`/reseller/invoices/${invoice.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Invoice ${invoice.number}`);
  await expect(page.getByTestId('balance')).toHaveText('$12.00');
  await expect(page.getByRole('link', { name: 'Download PDF' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add payment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark as paid' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send' })).toHaveCount(0);
  await shot(page, 'reseller-invoice-read-only');
});
