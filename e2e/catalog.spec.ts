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
