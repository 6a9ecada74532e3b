import { expect, test } from '@playwright/test';
import { shot, signIn } from './support';

test('an admin creates a reseller with 10 %, who signs in with that password and lands in /reseller', async ({ page }) => {
  const email = `partner-${Date.now()}@example.test`;
  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Resellers' }).click();
  await expect(page.getByRole('heading', { name: 'Resellers', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New reseller' }).click();
  const dialog = page.getByRole('dialog', { name: 'New reseller' });
  await dialog.getByLabel('Name').fill('Pat Partner');
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Starting password (optional)').fill('a-long-enough-password');
  await dialog.getByLabel('Commission %').fill('10.5555');
  await dialog.getByRole('button', { name: 'Create reseller' }).click();
  await expect(dialog.locator('#commission_percent-error')).toHaveText('must be a percent from 0 to 100 with at most 3 decimals, like "12.5"');
  await dialog.getByLabel('Commission %').fill('10');
  await dialog.getByRole('button', { name: 'Create reseller' }).click();
  await expect(page.getByText('Reseller Pat Partner created')).toBeVisible();
  const row = page.getByRole('row', { name: /Pat Partner/ });
  await expect(row).toContainText('10 %');
  await expect(row).toContainText('invoices.view, invoices.create, invoices.edit');
  await shot(page, 'resellers');

  await row.getByRole('link', { name: 'Pat Partner' }).click();
  await expect(page.getByRole('heading', { name: 'Pat Partner', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Issue API key' }).click();
  const issue = page.getByRole('dialog', { name: 'Issue an API key' });
  await issue.getByLabel('Name').fill('shop');
  await issue.getByRole('button', { name: 'Issue' }).click();
  await expect(page.getByTestId('issued-key')).toContainText('cd_');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row', { name: /shop/ })).toBeVisible();
  await shot(page, 'reseller-page');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, 'a-long-enough-password');
  await expect(page).toHaveURL('/reseller');
  await shot(page, 'reseller-landing');
});
