import { expect, test } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

// The Reports section as an owner reads it: revenue over a range in one currency with its chart,
// table and CSV, then who owes what in the aging report, each cell opening the invoices behind it.
test('an admin reads revenue for a range and currency, downloads it, and drills into aging', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  // A Swiss franc customer of this test alone, paid in a fixed month, so the figures are its own.
  const customer = await apiPost<{ id: string; name: string }>(request, '/customers', {
    name: `Report Co ${tag}`,
    email: `report-${tag}@example.test`,
    currency: 'NOK',
  });
  const invoice = await apiPost<{ id: string }>(request, '/invoices', {
    customer_id: customer.id,
    issue_date: '2026-03-02',
    due_date: '2026-03-16',
    items: [{ description: 'Report consulting', quantity: 1, unit_price: 12345 }],
  });
  await apiPost(request, `/invoices/${invoice.id}/payments`, { amount: 2345, method: 'bank_transfer', paid_at: '2026-03-10T12:00:00Z' });

  await signIn(page, 'admin@cashdesk.test');
  const nav = page.getByRole('navigation', { name: 'Main', exact: true });
  await nav.getByRole('link', { name: 'Revenue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revenue');
  await page.getByRole('form', { name: 'Custom range' }).getByLabel('From').fill('2026-03-01');
  await page.getByRole('form', { name: 'Custom range' }).getByLabel('To').fill('2026-03-31');
  await page.getByRole('button', { name: 'Apply range' }).click();
  await page.getByRole('navigation', { name: 'Currency' }).getByRole('link', { name: 'NOK' }).click();
  await expect(page).toHaveURL(/currency=NOK/);
  await expect(page.getByTestId('revenue-invoiced-value')).toContainText('123.45');
  await expect(page.getByTestId('revenue-collected-value')).toContainText('23.45');
  await expect(page.getByTestId('revenue-chart')).toBeVisible();
  const table = page.getByRole('table', { name: 'Revenue' });
  await expect(table.getByRole('row', { name: /Total/ })).toContainText('123.45');
  await shot(page, 'reports-revenue');

  const csv = await page.request.get((await page.getByTestId('report-csv').getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('123.45');
  const pdf = await page.request.get((await page.getByTestId('report-pdf').getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="revenue-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf"$/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  await nav.getByRole('link', { name: 'Receivables aging' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receivables aging');
  await page.getByRole('navigation', { name: 'Currency' }).getByRole('link', { name: 'NOK' }).click();
  const aging = page.getByRole('table', { name: 'Receivables aging' });
  const cell = aging.getByRole('link', { name: new RegExp(`\\(${customer.name}, Over 90 days\\)$`) });
  await expect(cell).toContainText('100.00');
  await shot(page, 'reports-aging');
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`/admin/invoices\\?.*customer=${customer.id}`));
  await expect(page.getByRole('table').first()).toContainText('123.45');
});

// The owner's other view of the money: the dashboard's key figures with their twelve-month lines,
// read in dark mode, then how each reseller's book did in a month, from its own figures.
test('an admin reads the key figures in dark mode and a reseller’s performance for a month', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const reseller = await apiPost<{ id: string; name: string }>(request, '/resellers', {
    name: `Perf Partner ${tag}`,
    email: `perf-${tag}@example.test`,
    commission_percent: 10,
  });
  // A currency of this test alone, billed and partly paid in a fixed month.
  const customer = await apiPost<{ id: string }>(request, '/customers', {
    name: `Perf Client ${tag}`,
    email: `perf-client-${tag}@example.test`,
    currency: 'SEK',
    reseller_id: reseller.id,
  });
  const invoice = await apiPost<{ id: string }>(request, '/invoices', {
    customer_id: customer.id,
    issue_date: '2026-02-03',
    due_date: '2026-02-17',
    items: [{ description: 'Managed hosting', quantity: 1, unit_price: 40000 }],
  });
  await apiPost(request, `/invoices/${invoice.id}/payments`, { amount: 30000, method: 'bank_transfer', paid_at: '2026-02-10T12:00:00Z' });

  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  const kpis = page.getByTestId('kpis');
  await expect(kpis.getByText('Collected this month')).toBeVisible();
  // Each trend says in words what its line shows, and draws it.
  await expect(page.getByTestId('kpi-collected-trend')).toHaveAttribute('aria-label', /^Collected per month, \w{3} \d{4} to \w{3} \d{4}: /);
  await expect(page.getByTestId('kpi-mrr-trend')).toHaveAttribute('aria-label', /^MRR at each month's end, /);
  await expect(page.getByTestId('kpi-collected-trend').locator('path.recharts-line-curve')).toBeVisible();
  await shot(page, 'dashboard-dark');

  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Reseller performance' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reseller performance');
  await page.getByRole('form', { name: 'Custom range' }).getByLabel('From').fill('2026-02-01');
  await page.getByRole('form', { name: 'Custom range' }).getByLabel('To').fill('2026-02-28');
  await page.getByRole('button', { name: 'Apply range' }).click();
  await page.getByRole('navigation', { name: 'Currency' }).getByRole('link', { name: 'SEK' }).click();
  await expect(page).toHaveURL(/currency=SEK/);
  const row = page.getByTestId(`reseller-row-${reseller.id}`);
  // Billed 400.00, collected 300.00 (75 %), a tenth of the invoice as commission.
  await expect(row).toContainText(reseller.name);
  await expect(row).toContainText('400.00');
  await expect(row).toContainText('300.00');
  await expect(row).toContainText('75');
  await expect(page.getByTestId('resellers-billed')).toContainText('400.00');
  await shot(page, 'reports-resellers-dark');
});

// What an accountant takes to a VAT return, and what the owner reads as recurring revenue.
test('an admin reads tax per rate for a month, and MRR with ARR beside it', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  // A currency of this test alone, so the month's figures are its own.
  const customer = await apiPost<{ id: string }>(request, '/customers', { name: `Tax Co ${tag}`, email: `tax-${tag}@example.test`, currency: 'PLN' });
  await apiPost(request, '/invoices', {
    customer_id: customer.id,
    issue_date: '2026-05-05',
    due_date: '2026-05-19',
    items: [
      { description: 'Hosting', quantity: 1, unit_price: 10000, tax_rate: 23 },
      { description: 'Printed manual', quantity: 2, unit_price: 2500, tax_rate: 8 },
    ],
  });

  await signIn(page, 'admin@cashdesk.test');
  const nav = page.getByRole('navigation', { name: 'Main', exact: true });
  await nav.getByRole('link', { name: 'Tax', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tax');
  await page.getByRole('form', { name: 'Custom range' }).getByLabel('From').fill('2026-05-01');
  await page.getByRole('form', { name: 'Custom range' }).getByLabel('To').fill('2026-05-31');
  await page.getByRole('button', { name: 'Apply range' }).click();
  await page.getByRole('navigation', { name: 'Currency' }).getByRole('link', { name: 'PLN' }).click();
  const rates = page.getByRole('table', { name: 'Tax by rate' });
  await expect(rates.getByRole('row', { name: /^8\s*%/ })).toContainText('50.00');
  await expect(rates.getByRole('row', { name: /^8\s*%/ })).toContainText('4.00');
  await expect(rates.getByRole('row', { name: /^23\s*%/ })).toContainText('100.00');
  await expect(rates.getByRole('row', { name: /^23\s*%/ })).toContainText('23.00');
  await expect(page.getByTestId('tax-taxable-value')).toHaveText('PLN 150.00');
  await expect(page.getByTestId('tax-tax-value')).toHaveText('PLN 27.00');
  await shot(page, 'reports-tax');

  await nav.getByRole('link', { name: 'MRR' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('MRR');
  await page.getByRole('navigation', { name: 'Currency' }).getByRole('link', { name: 'USD' }).click();
  await expect(page.getByRole('table', { name: 'MRR movements' })).toBeVisible();
  // ARR is twelve times the MRR at the range's last month end.
  const amountOf = async (testId: string) => Number((await page.getByTestId(testId).textContent())!.replace(/[^\d.]/g, ''));
  const mrr = await amountOf('mrr-mrr-value');
  expect(mrr).toBeGreaterThan(0);
  expect(await amountOf('mrr-arr-value')).toBeCloseTo(12 * mrr, 2);
  await shot(page, 'reports-mrr');
});
