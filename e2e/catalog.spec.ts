import { expect, test } from '@playwright/test';
import { shot, signIn } from './support';

test('an admin creates a coupon with its rules and sees it in the catalog', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('table', { name: 'Products' })).toContainText('Cloud VPS');
  await expect(page.getByRole('table', { name: 'Coupons' })).toContainText('WELCOME10');

  await page.getByRole('button', { name: 'New coupon' }).click();
  const dialog = page.getByRole('dialog', { name: 'New coupon' });
  const code = `SAVE${Date.now().toString().slice(-6)}`;
  await dialog.getByLabel('Code').fill(code);
  await dialog.getByLabel('Percent off').fill('150');
  await dialog.getByRole('button', { name: 'Create coupon' }).click();
  await expect(dialog.locator('#value-error')).toHaveText('must be a percent above 0 and at most 100');
  await dialog.getByLabel('Percent off').fill('12.5');
  await dialog.getByLabel('Applies').selectOption('repeating');
  await dialog.getByLabel('Cycles').fill('3');
  await dialog.getByLabel('Max uses (optional)').fill('100');
  await dialog.getByLabel('Once per customer').check();
  await dialog.getByRole('button', { name: 'Create coupon' }).click();
  await expect(page.getByText(`Coupon ${code} created`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('12.5%');
  await expect(row).toContainText('3 cycles');
  await expect(row).toContainText('0 / 100');
  await shot(page, 'catalog');
});

test('an admin creates a product with option groups, then edits its price and options', async ({ page }) => {
  const name = `Game Server ${Date.now().toString().slice(-6)}`;
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/catalog');
  await page.getByRole('link', { name: 'New product' }).click();
  const form = page.getByRole('form', { name: 'Product' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Category').fill('Games');
  await form.getByLabel('Amount of price 1').fill('12.5.0');
  await form.getByRole('button', { name: 'Create product' }).click();
  await expect(form.getByText('must be an amount like 12.50 in USD')).toBeVisible();
  await form.getByLabel('Amount of price 1').fill('12.50');
  await form.getByLabel('Setup fee of price 1').fill('5');
  await form.getByRole('button', { name: 'Add price' }).click();
  await form.getByLabel('Cycle of price 2').selectOption('annual');
  await form.getByLabel('Amount of price 2').fill('125');

  await form.getByRole('button', { name: 'Add option group' }).click();
  await form.getByLabel('Group name').fill('Slots');
  await form.getByLabel('Shown as').selectOption('quantity');
  await form.getByLabel('Option 1 of group 1', { exact: true }).fill('Player slot');
  await form.getByLabel('Player slot monthly USD').fill('0.50');
  await form.getByLabel('Player slot annual USD').fill('5');
  await shot(page, 'product-new');
  await form.getByRole('button', { name: 'Create product' }).click();

  await expect(page.getByText(`${name} created`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('$12.50 monthly + $5.00 setup');
  await expect(row).toContainText('$125.00 annual');
  await expect(row).toContainText('Slots (1)');

  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await form.getByLabel('Amount of price 1').fill('14');
  await form.getByRole('button', { name: 'Add option', exact: true }).click();
  await form.getByLabel('Option 2 of group 1', { exact: true }).fill('Mod pack');
  await form.getByLabel('Mod pack monthly USD').fill('3');
  await form.getByLabel('On sale').uncheck();
  await form.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText(`${name} saved`)).toBeVisible();
  const saved = page.getByRole('row', { name: new RegExp(name) });
  await expect(saved).toContainText('$14.00 monthly');
  await expect(saved).toContainText('Slots (2)');
  await expect(saved).toContainText('off sale');
  await shot(page, 'product-edited');
});
