import { expect, test } from '@playwright/test';
import { shot, signIn } from './support';

test('a visitor is sent to sign in, then back where they were going', async ({ page }) => {
  await page.goto('/admin/customers');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('E-mail').fill('admin@cashdesk.test');
  await page.getByLabel('Password').fill('cashdesk');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/admin');
});

test('a client cannot open the admin console or call its procedures', async ({ page }) => {
  await signIn(page, 'client@cashdesk.test');
  await page.goto('/admin/customers');
  await expect(page).toHaveURL('/client');
  await page.goto('/reseller');
  await expect(page).toHaveURL('/client');

  const status = await page.evaluate(async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { json: { limit: 5 } } }));
    const response = await fetch(`/api/trpc/customers.list?batch=1&input=${input}`);
    return response.status;
  });
  expect(status).toBe(403);
  await expect(page.getByText('Ada Lovelace').first()).toBeVisible();
  await shot(page, 'client-account');
});

test('a reseller sees only their own customers', async ({ page }) => {
  await signIn(page, 'reseller@cashdesk.test');
  await page.goto('/admin');
  await expect(page).toHaveURL('/reseller');
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Customers' }).click();
  await expect(page).toHaveURL('/reseller/customers');
  // Its three customers and the two of its sub-reseller (Sally Sub), newest first; no one else's.
  const rows = page.getByRole('table', { name: 'Customers' }).locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText('Rebecca Heineman');
  await expect(rows.nth(2)).toContainText('Roberta Williams');
  await shot(page, 'reseller-customers');
});

test('a mutation from another site is refused', async ({ page, request }) => {
  await signIn(page, 'admin@cashdesk.test');
  const cookies = await page.context().cookies();
  const response = await request.post('/api/trpc/customers.create?batch=1', {
    headers: {
      origin: 'https://evil.example.net',
      cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      'content-type': 'application/json',
    },
    data: { 0: { json: { name: 'Evil', email: 'evil@example.net' } } },
  });
  expect(response.status()).toBe(403);
});
