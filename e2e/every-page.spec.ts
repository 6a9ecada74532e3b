import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apiKey, apiPost, givenInvoice, shot, signIn } from './support';

// Every page of app/**/page.tsx, as each role that may open it, on a phone: nothing wider than
// the screen and no serious or critical accessibility violation. docs/accessibility.md says how
// to add a page. A path ending in "/*" is a detail page: its id is the first link to one on
// the page visited just before it (the list), so the ids are real demo records in the role's
// own book.
test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: 'parallel' });
// A handful of pages each rendered, measured and checked by axe, on a loaded machine.
test.setTimeout(180_000);

type Problem = { path: string; problem: string };

async function check(page: Page, path: string, problems: Problem[]) {
  const response = await page.goto(path);
  if (!response || response.status() >= 400) problems.push({ path, problem: `HTTP ${response?.status()}` });
  // Client components hydrate; a page that polls (the pay return page) never goes idle.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  if (width.scroll > width.inner) {
    problems.push({ path, problem: `${width.scroll} px wide` });
    await shot(page, `overflow${path.replace(/[^a-z0-9]+/gi, '-')}`);
  }
  // What is spoken starts with what is seen, so a voice-control user can say the button's text.
  const mismatched = await page.evaluate(() =>
    [...document.querySelectorAll('button[aria-label], a[aria-label]')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ seen: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(), spoken: el.getAttribute('aria-label')!.trim() }))
      .filter(({ seen, spoken }) => seen && !spoken.toLowerCase().startsWith(seen.toLowerCase()))
      .map(({ seen, spoken }) => `"${seen}" spoken as "${spoken}"`),
  );
  for (const problem of mismatched) problems.push({ path, problem });
  // Frames are left out: ours only preview e-mails (sandboxed, no scripts, where axe cannot run and
  // waits until the test times out), and a gateway's are not ours to fix.
  const { violations } = await new AxeBuilder({ page }).exclude('iframe').analyze();
  for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
    problems.push({ path, problem: `${v.id}: ${v.nodes.map((n) => `${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`).join(' | ')}` });
}

/**
 * The record under `prefix` to open next: the current page when it is one (an order, then its
 * edit page), else the first link or `data-href` row to one on it.
 */
async function firstRecord(page: Page, prefix: string): Promise<string | null> {
  return page.evaluate((prefix) => {
    // A record's link may carry a query (the store's product links keep the billing cycle).
    const pattern = new RegExp(`^${prefix.replace(/[/]/g, '\\/')}/[0-9a-f-]{36}(\\?.*)?$`);
    if (pattern.test(location.pathname)) return location.pathname;
    for (const el of document.querySelectorAll('a[href], [data-href]')) {
      const href = el.getAttribute('data-href') ?? el.getAttribute('href') ?? '';
      if (pattern.test(href)) return href;
    }
    return null;
  }, prefix);
}

async function visitAll(page: Page, paths: string[]) {
  const problems: Problem[] = [];
  const missing: string[] = [];
  let last: string | null = null;
  for (const entry of paths) {
    let path: string | null = entry;
    if (entry.includes('/*')) {
      const [prefix = '', rest = ''] = entry.split('/*');
      path = await firstRecord(page, prefix);
      if (!path) {
        missing.push(`${entry} (none on ${last})`);
        continue;
      }
      path += rest;
    }
    await check(page, path, problems);
    last = path;
  }
  expect(missing, 'every detail page has a record to open').toEqual([]);
  expect(problems).toEqual([]);
}

// The admin's pages in groups of a few, each group one test (one sign-in), so a slow machine
// stays inside a test's time and the groups run side by side when there are workers for it.
const adminPages = {
  customers: ['/admin', '/admin/customers', '/admin/customers/*', '/account', '/account/two-factor'],
  invoices: ['/admin/invoices', '/admin/invoices/*', '/admin/payments', '/admin/transactions'],
  orders: ['/admin/orders', '/admin/orders/*', '/admin/orders/new', '/admin/services'],
  catalog: ['/admin/catalog', '/admin/catalog/*', '/admin/catalog/new', '/admin/resellers', '/admin/resellers/*'],
  reports: [
    '/admin/reports',
    '/admin/reports/revenue',
    '/admin/reports/mrr',
    '/admin/reports/aging',
    '/admin/reports/tax',
    '/admin/reports/commissions',
    '/admin/reports/resellers',
  ],
  administration: [
    '/admin/outbox',
    '/admin/outbox/*',
    '/admin/email-templates',
    '/admin/jobs',
    '/admin/audit',
    '/admin/staff',
    '/admin/settings',
    '/admin/webhooks',
  ],
};

// Pages of records the demo has none of: a draft contract order's edit page and a webhook
// endpoint's page, each made here first.
test("the admin's draft order and webhook endpoint pages", async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const { customer } = await givenInvoice(request, [{ description: 'Setup', quantity: 1, unit_price: 1000 }], `Draft Co ${tag}`);
  const product = await apiPost<{ id: string }>(request, '/products', {
    name: `Draft VPS ${tag}`,
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 2500 }],
  });
  const order = await apiPost<{ id: string }>(request, '/orders', {
    customer_id: customer.id,
    draft: true,
    items: [{ product_id: product.id, cycle: 'monthly' }],
  });
  // A public address that is never called: the endpoint hears only refunds, and this test makes none.
  const endpoint = await apiPost<{ id: string }>(request, '/webhook-endpoints', {
    url: 'https://93.184.215.14/hooks',
    events: ['refund.created'],
    description: `Pages ${tag}`,
  });
  await signIn(page, 'admin@cashdesk.test');
  await visitAll(page, [`/admin/orders/${order.id}/edit`, `/admin/webhooks/${endpoint.id}`]);
});

for (const [group, paths] of Object.entries(adminPages)) {
  test(`the admin's ${group} pages`, async ({ page }) => {
    await signIn(page, 'admin@cashdesk.test');
    await visitAll(page, paths);
  });
}

test('the prepaid card pages as the admin', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/prepaid-cards');
  await page.getByRole('button', { name: 'New batch' }).click();
  const dialog = page.getByRole('dialog', { name: 'New batch of prepaid cards' });
  await dialog.getByLabel('Value per card').fill('10.00');
  await dialog.getByLabel('Currency').fill('USD');
  await dialog.getByLabel('Expires on').fill('2099-12-31');
  await dialog.getByLabel('Number of cards').fill('2');
  await dialog.getByRole('button', { name: 'Generate cards' }).click();
  await expect(page.getByTestId('prepaid-card')).toHaveCount(2);
  await visitAll(page, ['/admin/prepaid-cards', '/admin/prepaid-cards/*', '/admin/prepaid-cards/*/sheet']);
});

test('every console page as read-only staff', async ({ page }) => {
  await signIn(page, 'viewer@cashdesk.test');
  await visitAll(page, ['/admin', '/admin/customers', '/admin/customers/*', '/admin/invoices', '/admin/invoices/*', '/admin/orders', '/admin/orders/*']);
});

test('every reseller page', async ({ page }) => {
  await signIn(page, 'reseller@cashdesk.test');
  await visitAll(page, [
    '/reseller',
    '/reseller/customers',
    '/reseller/customers/*',
    '/reseller/invoices',
    '/reseller/invoices/*',
    '/reseller/orders',
    '/reseller/orders/*',
    '/reseller/payments',
    '/reseller/services',
    '/reseller/commissions',
    '/reseller/sub-resellers',
    '/reseller/sub-resellers/*',
    '/reseller/api-keys',
    '/reseller/profile',
  ]);
});

test('every portal page as the customer', async ({ page }) => {
  await signIn(page, 'client@cashdesk.test');
  await visitAll(page, [
    '/client',
    '/client/services',
    '/client/services/*',
    '/client/orders',
    '/client/orders/*',
    '/client/credit',
    '/client/profile',
    '/client/invoices',
    '/client/invoices/*',
    '/client/invoices',
    '/client/invoices/*/pay',
    '/store',
    '/store/*',
    '/checkout',
  ]);
  // The page a checkout ends on, for one of the customer's own orders.
  await page.goto('/client/orders');
  const order = await firstRecord(page, '/client/orders');
  expect(order, 'the demo customer has an order').not.toBeNull();
  await visitAll(page, [`/checkout/complete/${order!.split('/').pop()}`]);
});

test('the collector page', async ({ page }) => {
  await signIn(page, 'collector@cashdesk.test');
  await visitAll(page, ['/collect']);
});

test('every public page as a visitor', async ({ page, request }) => {
  const invoices = await request.get('/api/v1/invoices?limit=1&status=pending', { headers: { authorization: `Bearer ${apiKey}` } });
  const [invoice] = ((await invoices.json()) as { data: Array<{ public_url: string }> }).data;
  const link = new URL(invoice!.public_url);
  await visitAll(page, ['/sign-in', '/sign-up', '/reset-password', '/store', '/store/*', '/checkout', link.pathname + link.search, '/pay/return']);
});
