import { expect, test } from '@playwright/test';
import { shot, signIn } from './support';

test('staff without the permission are told they have no access; another record is still not found', async ({ page }) => {
  await signIn(page, 'viewer@cashdesk.test');
  const settings = await page.goto('/admin/settings');
  expect(settings?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page', level: 1 })).toBeVisible();
  // Inside the console's frame, with the way back.
  await expect(page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Invoices' })).toBeVisible();
  await shot(page, 'no-access');
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(page).toHaveURL('/admin');

  // The invoice page streams, so its not-found answer comes inside the page rather than as a status.
  await page.goto('/admin/invoices/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'This page could not be found.' })).toBeVisible();
});

test('Run now asks before a run that bills every customer, and Not now starts nothing', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/settings');
  const run = page.getByRole('form', { name: 'Run now' });
  await run.getByLabel('Workflow').selectOption('dunning');
  await run.getByRole('button', { name: 'Run now' }).click();
  const dialog = page.getByRole('dialog', { name: /Start the dunning for \d{4}-\d{2}-\d{2}\?/ });
  await expect(dialog).toContainText('suspends services past their grace period, for every customer');
  await shot(page, 'run-now-confirm');
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveCount(0);
});

test('Settings has a menu of its sections', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/settings');
  const menu = page.getByRole('navigation', { name: 'Settings sections' });
  await expect(menu.getByRole('link')).toHaveText(['Billing', 'Company', 'Payments', 'Communication', 'Automation', 'Security', 'API keys']);
  await menu.getByRole('link', { name: 'Security' }).click();
  await expect(page).toHaveURL(/#security$/);
  await expect(page.getByRole('heading', { name: 'Security', level: 2 })).toBeInViewport();
  await shot(page, 'settings-menu');
  // On a phone the menu wraps above the sections.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/admin/settings');
  await expect(menu.getByRole('link', { name: 'API keys' })).toBeInViewport();
  await shot(page, 'settings-menu-phone');
});

test('the customer picker of a new invoice works from the keyboard', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/invoices');
  await page.getByRole('button', { name: 'Create invoice' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create invoice' });
  const search = dialog.getByRole('combobox', { name: 'Customer' });
  await search.fill('lovelace');
  const options = dialog.getByRole('listbox', { name: 'Matching customers' }).getByRole('option');
  await expect(options.first()).toContainText('Ada Lovelace');
  await search.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(dialog.getByTestId('picked-customer')).toContainText('Ada Lovelace');
  // Enter picked; it did not submit the invoice.
  await expect(dialog).toBeVisible();
});

test('the first Tab reaches "Skip to content", which moves past the navigation', async ({ page }) => {
  await signIn(page, 'staff@cashdesk.test');
  await page.goto('/admin/customers');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page.locator('main#content')).toBeFocused();
});

test('the Staff page words every permission, grouped, with what it allows', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/staff');
  await expect(page.getByRole('row', { name: /Vera Viewer/ })).toContainText('See customers, See invoices, See orders, See the catalog');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add staff member' });
  await expect(dialog.getByRole('group', { name: 'Invoices and payments' })).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Run billing' })).toHaveAccessibleDescription(/invoice and suspend every customer/);
  await shot(page, 'staff-permissions');
});
