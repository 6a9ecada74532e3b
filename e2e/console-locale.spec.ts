import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiKey, apiPost, shot, signIn } from './support';

// The default language is a setting every test of the run shares: this file runs after all the
// others (playwright.config.ts), changes it one test at a time and always puts English back.
test.describe.configure({ mode: 'serial' });

const resetLanguage = (request: APIRequestContext) =>
  request.patch('/api/v1/settings/billing', { data: { default_locale: 'en' }, headers: { authorization: `Bearer ${apiKey}` } });

test.afterEach(async ({ request }) => {
  expect((await resetLanguage(request)).status()).toBe(200);
});

test('with German as the default language, the console writes money and dates the German way and keeps its English words', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string }>(request, '/customers', { name: `Locale Co ${tag}`, email: `locale-${tag}@example.test`, currency: 'EUR' });
  await apiPost(request, '/invoices', { customer_id: customer.id, items: [{ description: 'Hosting', quantity: 1, unit_price: 123456 }] });

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/invoices?customer=${customer.id}`);
  const list = page.getByRole('main');
  await expect(list).toContainText('€1,234.56');

  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Billing settings' });
  await expect(form.getByLabel('Default language for customers')).toHaveValue('en');
  await form.getByLabel('Default language for customers').selectOption({ label: 'Deutsch' });
  await form.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByText('Billing settings saved')).toBeVisible();
  await page.reload();
  await expect(form.getByLabel('Default language for customers')).toHaveValue('de');

  await page.goto(`/admin/invoices?customer=${customer.id}`);
  await expect(list).toContainText('1.234,56 €');
  await expect(list).not.toContainText('€1,234.56');
  // Issued and due dates as dd.mm.yyyy; the headings stay English.
  await expect(page.getByRole('row').nth(1)).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await expect(page.getByRole('columnheader', { name: 'Issued' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Invoices', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot(page, 'console-locale-invoices-de');

  await page.goto('/admin');
  // The euros unpaid ("1.549,16 €"): Intl puts a no-break space before the symbol.
  await expect(page.getByRole('main')).toContainText(/\d\.\d{3},\d{2}\s€/);
  await expect(page.getByRole('main')).toContainText('Overdue');
  await shot(page, 'console-locale-dashboard-de');
});

test('an admin sets a customer’s language in the customer form and sees it on the customer page', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string }>(request, '/customers', { name: `Langue ${tag}`, email: `langue-${tag}@example.test`, currency: 'EUR' });
  expect((await request.patch('/api/v1/settings/billing', { data: { default_locale: 'de' }, headers: { authorization: `Bearer ${apiKey}` } })).status()).toBe(
    200,
  );

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/customers/${customer.id}`);
  await expect(page.getByTestId('customer-language')).toHaveText('Deutsch (the default)');

  await page.getByRole('button', { name: 'Edit customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit customer' });
  const language = dialog.getByLabel('Language');
  await expect(language).toHaveValue('');
  await expect(language.locator('option:checked')).toHaveText('Default (Deutsch)');
  await language.selectOption({ label: 'Français' });
  await shot(page, 'customer-language-form');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Customer saved')).toBeVisible();
  await expect(page.getByTestId('customer-language')).toHaveText('Français');
  await shot(page, 'customer-language-page');

  const read = await request.get(`/api/v1/customers/${customer.id}`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect((await read.json()).locale).toBe('fr');
});
