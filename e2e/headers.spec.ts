import { expect, test, type Page, type Response } from '@playwright/test';
import { apiPost, givenInvoice, shot, signIn } from './support';

/**
 * Everything the browser refused or failed at on this page: CSP violations (reported by an
 * init script, which CDP injects outside the page's policy), console errors and uncaught
 * exceptions. A favicon the app does not have is the one 404 every page logs.
 */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** The policy's directives as name → sources. */
function directives(response: Response | null): Record<string, string[]> {
  const csp = response?.headers()['content-security-policy'] ?? '';
  return Object.fromEntries(
    csp.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function expectBaseHeaders(response: Response | null, referrerPolicy: string) {
  const headers = response?.headers() ?? {};
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe(referrerPolicy);
  // The e2e server's public URL is http://127.0.0.1:…, so no HSTS.
  expect(headers['strict-transport-security']).toBeUndefined();
  const csp = directives(response);
  expect(csp['script-src']).toEqual(expect.arrayContaining(["'strict-dynamic'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{16,}'$/)]));
  expect(csp['script-src']).not.toContain("'unsafe-inline'");
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  return csp;
}

test('the storefront runs under its CSP, with a fresh nonce per response', async ({ page }) => {
  const problems = problemsOf(page);
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const product = await apiPost<{ id: string }>(page.request, '/products', {
    name: `Headers VPS ${tag}`,
    category: `E2E Headers ${tag}`,
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 1000 }],
    option_groups: [{ name: 'Backups', kind: 'checkbox', options: [{ name: 'Daily backups', prices: [{ cycle: 'monthly', currency: 'USD', amount: 500 }] }] }],
  });

  const store = await page.goto('/store');
  const csp = expectBaseHeaders(store, 'strict-origin-when-cross-origin');
  await expect(page.getByRole('heading', { name: `E2E Headers ${tag}` })).toBeVisible();

  const again = await page.goto(`/store/${product.id}`);
  expect(directives(again)['script-src']).not.toEqual(csp['script-src']);
  // The configurator prices in the browser: it only answers once React has hydrated.
  await page.getByRole('checkbox', { name: /Daily backups/ }).check();
  await expect(page.getByTestId('configured-price')).toHaveText('$15.00');
  await shot(page, 'headers-store');
  expect(problems).toEqual([]);
});

test('an admin page runs under the same policy: the theme script, a dialog and the API calls work', async ({ page }) => {
  const problems = problemsOf(page);
  const { invoice } = await givenInvoice(page.request, [{ description: 'Support hours', quantity: 2, unit_price: 4000 }]);
  await signIn(page, 'admin@cashdesk.test');
  const response = await page.goto(`/admin/invoices/${invoice.id}`);
  const csp = expectBaseHeaders(response, 'strict-origin-when-cross-origin');
  // The console never pays: no gateway is named.
  expect(csp['form-action']).toEqual(["'self'"]);
  expect(Object.values(csp).flat().join(' ')).not.toMatch(/paypal|stripe|127\.0\.0\.1:\d+/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(invoice.number);

  // next-themes applies the stored theme from an inline script before hydration: it needs the nonce.
  await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Send invoice' })).toBeVisible();
  await shot(page, 'headers-admin-invoice');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the public pay page loads PayPal’s SDK and posts on to Stripe Checkout, and sends no Referer', async ({ page }) => {
  const problems = problemsOf(page);
  const { invoice } = await givenInvoice(page.request, [{ description: 'Managed VPS', quantity: 1, unit_price: 3100 }]);
  const { pathname, search } = new URL((invoice as { public_url?: string }).public_url!);

  const response = await page.goto(`${pathname}${search}`);
  const csp = expectBaseHeaders(response, 'no-referrer');
  // playwright.config.ts serves the fake PayPal SDK on the app's port + 92.
  const paypal = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 92}`;
  expect(csp['script-src']).toContain(paypal);
  expect(csp['connect-src']).toContain(paypal);
  expect(csp['form-action']).toEqual(expect.arrayContaining(["'self'", 'https://checkout.stripe.com']));

  await expect(page.getByTestId('paypal-buttons').getByRole('button', { name: 'PayPal' })).toBeVisible();
  await shot(page, 'headers-public-pay-page');
  await page.getByRole('button', { name: 'Pay $31.00 by card' }).click();
  await expect(page).toHaveTitle(/Stripe Checkout/);
  expect(problems).toEqual([]);

  const pdf = await page.request.get(`${pathname}/pdf${search}`);
  expect(pdf.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  expect(pdf.headers()['referrer-policy']).toBe('no-referrer');
});
