import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const demoPassword = 'cashdesk';

/** Signs in through the form, as a person would, and waits for the landing page. */
export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(email);
}

/**
 * Signs out with the console header's button. A click that lands before the page has hydrated
 * does nothing (the button is a client component), so it is clicked again until the sign-in page
 * shows; a second sign-out is harmless.
 */
export async function signOut(page: Page) {
  await expect(async () => {
    await page.getByRole('button', { name: 'Sign out' }).click({ timeout: 2_000 });
    await expect(page).toHaveURL(/\/sign-in/, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

/** Screenshots go to e2e/.artifacts (git-ignored) to be looked at after a run. */
export const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/.artifacts/${name}.png`, fullPage: true });

/** Test data goes in through the public API, as an integrator would put it there. */
export const apiKey = 'cd_e2e_bootstrap_key_0123456789abcdef';

export async function apiPost<T = Record<string, unknown>>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  // A kept-alive socket the server closes as idle just as it is reused fails with ECONNRESET
  // before the request is read; Playwright retries exactly that error.
  const response = await request.post(`/api/v1${path}`, { data, headers: { authorization: `Bearer ${apiKey}` }, maxRetries: 2 });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A customer of this test alone, and an invoice for it. */
export async function givenInvoice(
  request: APIRequestContext,
  items: Array<{ description: string; quantity: number; unit_price: number }>,
  customerName?: string,
) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const customer = await apiPost<{ id: string; name: string }>(request, '/customers', {
    name: customerName ?? `E2E Customer ${tag}`,
    email: `e2e-${tag}@example.test`,
    currency: 'USD',
  });
  const invoice = await apiPost<{ id: string; number: string }>(request, '/invoices', { customer_id: customer.id, items });
  return { customer, invoice };
}

/** The page fits a phone's width: nothing scrolls sideways (the issue's `scrollWidth ≤ innerWidth`). */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

/** Fills the sign-up form (checkout's or /sign-up's) as a new customer would, and sends it. */
export async function signUpAs(page: Page, person: { name: string; email: string; password?: string }) {
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Your name').fill(person.name);
  await form.getByLabel('E-mail').fill(person.email);
  await form.getByLabel('Address', { exact: true }).fill('12 Harbour Road');
  await form.getByLabel('City').fill('Bristol');
  await form.getByLabel('Postal code (optional)').fill('BS1 4RN');
  await form.getByLabel('Country').selectOption('GB');
  await form.getByLabel('Password').fill(person.password ?? 'a long enough password');
  await form.getByRole('button', { name: 'Create account' }).click();
}
