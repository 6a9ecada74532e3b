import { expect, test } from '@playwright/test';
import { shot, signIn } from './support';

// Creating a customer changes the first page, so these run one after another.
test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
});

const rows = (page: import('@playwright/test').Page) => page.getByRole('table', { name: 'Customers' }).locator('tbody tr');

test('searches by name or e-mail and keeps the search in the URL', async ({ page }) => {
  await page.getByRole('searchbox').fill('lovelace');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/q=lovelace/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('ada@analytical.test');
  await page.getByRole('searchbox').fill('KERNEL.TEST');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Linus Torvalds');
  await page.getByRole('searchbox').fill('nobody-here');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('No customer matches “nobody-here”.')).toBeVisible();
});

test('pages forward through the list and back to the first page', async ({ page }) => {
  await expect(rows(page)).toHaveCount(20);
  const firstPage = await rows(page).allTextContents();
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/cursor=/);
  const secondPage = await rows(page).allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);
  await shot(page, 'customers-page-2');
  await page.getByRole('link', { name: 'First page' }).click();
  await expect(rows(page)).toHaveCount(20);
  // Other specs add customers meanwhile: they may only appear above the rows seen before.
  const back = await rows(page).allTextContents();
  const seen = back.filter((row) => firstPage.includes(row));
  expect(seen).toEqual(firstPage.slice(0, seen.length));
  expect(back.slice(back.length - seen.length)).toEqual(seen);
});

test('creates a customer, with inline errors until the form is right', async ({ page }) => {
  const email = `new-${Date.now()}@e2e.test`;
  await page.getByRole('button', { name: 'New customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'New customer' });
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog.locator('#name-error')).toHaveText('is required');
  await expect(dialog.locator('#email-error')).toHaveText('is required');

  await dialog.getByLabel('Name').fill('Hopper Hosting');
  await dialog.getByLabel('E-mail').fill('not-an-email');
  await dialog.getByLabel('Street').fill('1 Navy Way');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog.locator('#email-error')).toHaveText('must be a valid e-mail address');
  await expect(dialog.locator('[id="billing_address.city-error"]')).toHaveText('is required');
  await expect(dialog.locator('[id="billing_address.country-error"]')).toHaveText('is required');
  await expect(dialog.locator('#name-error')).toHaveCount(0);
  await shot(page, 'customer-form-errors');

  // The server has the last word: an e-mail already in use comes back under its field.
  await dialog.getByLabel('E-mail').fill('ada@analytical.test');
  await dialog.getByLabel('Street').fill('');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog.locator('#email-error')).toHaveText('is already used by another customer');

  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Currency (optional)').fill('eur');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByText('Customer Hopper Hosting created')).toBeVisible();
  await expect(dialog).toBeHidden();
  // Other specs add customers meanwhile, so the new one is found by its e-mail, not its place.
  const created = rows(page).filter({ hasText: email });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('EUR');
  await shot(page, 'customers-after-create');
});
