import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

test('an admin adds a staff member who can only do what was ticked, and the audit log shows it', async ({ page }) => {
  const email = `clerk-${Date.now()}@example.test`;
  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add staff member' });
  await dialog.getByLabel('Name').fill('Cleo Clerk');
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Starting password').fill('short');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.locator('#password-error')).toHaveText('must be at least 10 characters');
  await dialog.getByLabel('Starting password').fill('a-long-enough-password');
  await dialog.getByLabel('See invoices').uncheck();
  await dialog.getByLabel('See orders').uncheck();
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText('Cleo Clerk can now sign in')).toBeVisible();
  await expect(page.getByRole('row', { name: /Cleo Clerk/ })).toContainText('See customers');
  await shot(page, 'staff');

  await page.getByRole('link', { name: 'Audit log' }).click();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Action').fill('staff.created');
  await expect(page.getByRole('table', { name: 'Audit entries' }).locator('tbody tr').first()).toContainText('admin@cashdesk.test');
  await shot(page, 'audit-log');

  await signOut(page);
  await signIn(page, email, 'a-long-enough-password');
  await expect(page.getByText('Your account has no billing permissions yet')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link')).toHaveText(['Dashboard', 'Customers']);
  await page.goto('/admin/customers');
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  const invoices = await page.goto('/admin/invoices');
  expect(invoices?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page', level: 1 })).toBeVisible();
});
