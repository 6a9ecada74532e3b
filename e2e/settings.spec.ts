import { expect, test } from '@playwright/test';
import { shot, signIn } from './support';

// Settings are shared by every test of the run: this file changes them one test at a time and
// puts them back.
test.describe.configure({ mode: 'serial' });

test('an admin creates an API key shown once, uses it, and revokes it', async ({ page, request }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.locator('#name-error')).toHaveText('is required');
  const name = `Bot ${Date.now()}`;
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())!;
  expect(key).toMatch(/^cd_[\w-]{32}$/);
  await shot(page, 'api-key-created');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'API keys' })).toContainText(key.slice(0, 8));
  expect((await request.get('/api/v1/customers?limit=1', { headers: { authorization: `Bearer ${key}` } })).status()).toBe(200);

  await page
    .getByRole('row', { name: new RegExp(name) })
    .getByRole('button', { name: 'Revoke' })
    .click();
  await page
    .getByRole('dialog', { name: `Revoke ${name}` })
    .getByRole('button', { name: 'Revoke' })
    .click();
  await expect(page.getByText('Key revoked; it no longer opens the API')).toBeVisible();
  expect((await request.get('/api/v1/customers?limit=1', { headers: { authorization: `Bearer ${key}` } })).status()).toBe(401);
});

test('an admin changes the invoice number format with a live preview', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Billing settings' });
  const year = new Date().getUTCFullYear();
  await expect(page.getByTestId('number-preview')).toHaveText(new RegExp(`^INV-${year}-\\d{5}$`));
  await form.getByLabel('Prefix', { exact: true }).fill('ACME');
  await form.getByLabel('Digits').fill('3');
  await form.getByLabel('Include the year').uncheck();
  await expect(page.getByTestId('number-preview')).toHaveText(/^ACME-\d{3,}$/);
  await form.getByLabel('Default tax rate (%)').fill('7.3755');
  await form.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(form.locator('[id="tax_rate-error"]')).toHaveText('must be a percent with at most 3 decimals');
  await form.getByLabel('Default tax rate (%)').fill('0');
  await form.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByText('Billing settings saved')).toBeVisible();
  await shot(page, 'settings');
  await page.reload();
  await expect(page.getByTestId('number-preview')).toHaveText(/^ACME-\d{3,}$/);

  await form.getByLabel('Prefix', { exact: true }).fill('INV');
  await form.getByLabel('Digits').fill('5');
  await form.getByLabel('Include the year').check();
  await form.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByText('Billing settings saved')).toBeVisible();
});

test('staff cannot open settings', async ({ page }) => {
  await signIn(page, 'staff@cashdesk.test');
  await expect(page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  const response = await page.goto('/admin/settings');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page', level: 1 })).toBeVisible();
});

test('an admin keeps the company details printed on documents', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Company' });
  await expect(form.getByLabel('Company name')).toHaveValue('Northwind Hosting Ltd');
  await form.getByLabel('E-mail').fill('not-an-address');
  await form.getByRole('button', { name: 'Save company details' }).click();
  await expect(form.getByText('must be a valid e-mail address')).toBeVisible();
  await form.getByLabel('E-mail').fill('accounts@northwind.test');
  await form.getByLabel('Phone').fill('+44 117 496 0999');
  await form.getByRole('button', { name: 'Save company details' }).click();
  await expect(page.getByText('Company details saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('form', { name: 'Company' }).getByLabel('Phone')).toHaveValue('+44 117 496 0999');
});

test('an admin runs the billing run now, follows it to its summary, and finds it among the jobs', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/settings');
  await expect(page.getByRole('list', { name: 'Schedules' })).toContainText('Billing run');
  const run = page.getByRole('form', { name: 'Run now' });
  const runNow = async () => {
    await run.getByLabel('Workflow').selectOption('billing-run');
    await run.getByRole('button', { name: 'Run now' }).click();
    await page
      .getByRole('dialog', { name: /Start the billing run for/ })
      .getByRole('button', { name: 'Start billing run' })
      .click();
    await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 20_000 });
  };
  // What is due depends on the day the demo was seeded and what other specs ordered; whatever
  // the first run bills, a second one the same day bills nothing.
  await runNow();
  await expect(page.getByTestId('run-summary')).toContainText(/Invoices created: \d+/);
  await page.reload();
  await runNow();
  await expect(page.getByTestId('run-summary')).toContainText('Invoices created: 0');
  await shot(page, 'automation-run');

  await page.getByRole('link', { name: 'See all jobs →' }).click();
  const firstRow = page.getByRole('table', { name: 'Jobs' }).locator('tbody tr').first();
  await expect(firstRow).toContainText('Billing run');
  await expect(firstRow).toContainText('Completed');
});

test('an admin sets the schedules’ time zone and sees the next firings on its clock, then puts UTC back', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Time zone' });
  const schedules = page.getByRole('list', { name: 'Schedules' });
  await expect(form.getByLabel('Time zone')).toHaveValue('UTC');
  await expect(schedules.getByRole('listitem').filter({ hasText: 'Billing run' })).toContainText(/\(5 0 \* \* \* UTC\) next at .*00:05 UTC$/);

  await form.getByLabel('Time zone').fill('Mars/Olympus_Mons');
  await form.getByRole('button', { name: 'Save time zone' }).click();
  await expect(form.getByText('must be an IANA time zone such as Europe/Berlin or UTC')).toBeVisible();

  // Typed in any case, saved as the zone is spelled; the list shows Berlin's clock and UTC's.
  await form.getByLabel('Time zone').fill('europe/berlin');
  await form.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByText('Schedules now follow Europe/Berlin')).toBeVisible();
  await expect(form.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  const billing = schedules.getByRole('listitem').filter({ hasText: 'Billing run' });
  await expect(billing).toContainText(/\(5 0 \* \* \* Europe\/Berlin\) next at .*00:05 (CET|CEST|GMT\+1|GMT\+2) \(2[23]:05 UTC\)/);
  await expect(schedules.getByRole('listitem').filter({ hasText: 'Dunning' })).toContainText(/00:15 .*\(2[23]:15 UTC\)/);
  await shot(page, 'automation-time-zone');

  // Other specs run beside this one: the zone goes back at once.
  await form.getByLabel('Time zone').fill('UTC');
  await form.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByText('Schedules now follow UTC')).toBeVisible();
  await expect(billing).toContainText('(5 0 * * * UTC)');
});

test('the paper size shows its shape as it is chosen', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Billing settings' });
  await expect(form.getByTestId('paper-preview')).toHaveText('210 × 297 mm');
  await form.getByLabel('Paper size').selectOption('receipt-80');
  await expect(form.getByTestId('paper-preview')).toHaveText('80 mm wide, as long as the content');
  await form.getByLabel('Paper size').selectOption('custom');
  await form.getByLabel('Width (mm)').fill('100');
  await form.getByLabel('Height (mm)').fill('150');
  await expect(form.getByTestId('paper-preview')).toHaveText('100 × 150 mm');
  await form.getByLabel('Width (mm)').fill('20');
  await expect(form.getByText('between 40 and 1000 mm each way')).toBeVisible();
});
