import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

for (const [role, email, area, heading] of [
  ['admin', 'admin@cashdesk.test', '/admin', /Welcome back/],
  ['staff', 'staff@cashdesk.test', '/admin', /Welcome back/],
  ['reseller', 'reseller@cashdesk.test', '/reseller', /Welcome back/],
  ['client', 'client@cashdesk.test', '/client', /My account/],
] as const) {
  test(`${role} signs in and lands in ${area}`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(area);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await shot(page, `landing-${role}`);
  });
}

test('a wrong password is refused with a message and no session', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('admin@cashdesk.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#password-error')).toHaveText('That e-mail and password do not match an account.');
  await shot(page, 'sign-in-error');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'staff@cashdesk.test');
  await signOut(page);
  await page.goto('/admin/customers');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the sign-out page signs out after confirming', async ({ page }) => {
  await signIn(page, 'client@cashdesk.test');
  await page.goto('/sign-out');
  await expect(page.getByRole('heading', { name: 'Sign out of Cashdesk?' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the dark theme can be switched on and stays on', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await shot(page, 'admin-dark');
});
