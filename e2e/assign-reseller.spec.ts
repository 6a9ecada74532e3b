import { expect, test } from '@playwright/test';
import { apiPost, givenInvoice, shot, signIn } from './support';

test('an admin assigns a reseller on the customer page, sees it there, and filters the invoices by that reseller', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  // A reseller of this test alone, so the filtered list holds exactly this test's invoice.
  const reseller = await apiPost<{ id: string; name: string }>(request, '/resellers', {
    name: `Assign Reseller ${tag}`,
    email: `assign-${tag}@example.test`,
    password: 'a-long-enough-password',
    commission_percent: '5',
  });
  const { customer, invoice } = await givenInvoice(request, [{ description: 'Assigned hosting', quantity: 1, unit_price: 2500 }], `Assigned Customer ${tag}`);

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/customers/${customer.id}`);
  await expect(page.getByRole('heading', { name: customer.name, level: 1 })).toBeVisible();
  const resellerRow = page.getByTestId('customer-reseller');
  await expect(resellerRow).toContainText('None (direct customer)');

  await resellerRow.getByRole('button', { name: 'Assign reseller' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign reseller' });
  await expect(dialog.getByLabel('Reseller')).toHaveValue('');
  await dialog.getByLabel('Reseller').selectOption({ label: reseller.name });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Customer assigned to ${reseller.name}`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(resellerRow.getByRole('link', { name: reseller.name })).toHaveAttribute('href', `/admin/resellers/${reseller.id}`);
  await expect(resellerRow.getByRole('button', { name: 'Change reseller' })).toBeVisible();
  await shot(page, 'customer-reseller-assigned');

  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invoices');
  const form = page.getByRole('form', { name: 'Filters' });
  await form.getByLabel('Reseller').selectOption({ label: reseller.name });
  await expect(page).toHaveURL(new RegExp(`reseller_id=${reseller.id}`));
  const rows = page.getByRole('table', { name: 'Invoices' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(invoice.number);
  await expect(rows.first()).toContainText(customer.name);
  await expect(rows.first()).toContainText(reseller.name);
  await shot(page, 'invoices-by-reseller');
});
