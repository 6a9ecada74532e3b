import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

const password = 'a-long-enough-password';

test('a reseller the admin allowed creates a sub-reseller, at a commission not above its own', async ({ page }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const parentName = `Parent ${tag}`;
  const parentEmail = `parent-${tag}@example.test`;
  const subName = `Sub ${tag}`;
  const nav = () => page.getByRole('navigation', { name: 'Main', exact: true });

  // The admin makes the parent: 10 %, allowed to create sub-resellers, with a password.
  await signIn(page, 'admin@cashdesk.test');
  await nav().getByRole('link', { name: 'Resellers' }).click();
  await expect(page.getByRole('heading', { name: 'Resellers', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New reseller' }).click();
  const newReseller = page.getByRole('dialog', { name: 'New reseller' });
  await newReseller.getByLabel('Name').fill(parentName);
  await newReseller.getByLabel('E-mail').fill(parentEmail);
  await newReseller.getByLabel('Starting password (optional)').fill(password);
  await newReseller.getByLabel('Commission %').fill('10');
  await newReseller.getByLabel('May create sub-resellers').check();
  await newReseller.getByRole('button', { name: 'Create reseller' }).click();
  await expect(page.getByText(`Reseller ${parentName} created`)).toBeVisible();
  await expect(newReseller).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(parentName) })).toContainText('10 %');
  await signOut(page);

  // The parent signs in and opens its Sub-resellers: none yet, and it may create one.
  await signIn(page, parentEmail, password);
  await expect(page).toHaveURL('/reseller');
  await nav().getByRole('link', { name: 'Sub-resellers' }).click();
  await expect(page).toHaveURL('/reseller/sub-resellers');
  await expect(page.getByRole('heading', { name: 'Sub-resellers', level: 1 })).toBeVisible();
  await expect(page.getByText('No sub-resellers yet.')).toBeVisible();
  await page.getByRole('button', { name: 'New sub-reseller' }).click();
  const dialog = page.getByRole('dialog', { name: 'New sub-reseller' });
  // Placed below itself unless it picks one of its sub-resellers; the commission's ceiling is its own.
  await expect(dialog.getByLabel('Parent reseller').locator('option:checked')).toHaveText(`${parentName} (you)`);
  await expect(dialog.getByText('at most 10 %')).toBeVisible();
  await dialog.getByLabel('Name').fill(subName);
  await dialog.getByLabel('E-mail').fill(`sub-${tag}@example.test`);
  await dialog.getByLabel('Starting password (optional)').fill(password);
  await dialog.getByLabel('Commission %').fill('15');
  await dialog.getByRole('button', { name: 'Create sub-reseller' }).click();
  await expect(dialog.locator('#commission_percent-error')).toHaveText('must not be above your own 10 %');
  await shot(page, 'sub-reseller-above-own');

  await dialog.getByLabel('Commission %').fill('5');
  await dialog.getByRole('button', { name: 'Create sub-reseller' }).click();
  await expect(page.getByText(`Sub-reseller ${subName} created`)).toBeVisible();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(subName) });
  await expect(row).toContainText('5 %');
  await expect(row).toContainText(`${parentName} (you)`);
  await shot(page, 'sub-resellers');

  // Its page lists the sub-reseller's customers and offers Edit and Disable, but no API keys.
  await row.getByRole('link', { name: subName }).click();
  await expect(page).toHaveURL(/\/reseller\/sub-resellers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: subName, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Disable', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Issue API key' })).toHaveCount(0);
});
