import { expect, test, type Page } from '@playwright/test';
import { apiPost, givenInvoice, shot, signIn } from './support';

/** Three invoices of one new customer — $12.00, $30.00 and $7.50 — the $30.00 one paid. */
async function givenThreeInvoices(request: Parameters<typeof givenInvoice>[0]) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const { customer, invoice: first } = await givenInvoice(request, [{ description: 'Hosting', quantity: 1, unit_price: 1200 }], `Lists Co ${tag}`);
  const paid = await apiPost<{ id: string; number: string }>(request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Setup', quantity: 1, unit_price: 3000 }],
  });
  await apiPost<{ id: string }>(request, '/invoices', { customer_id: customer.id, items: [{ description: 'Domain', quantity: 1, unit_price: 750 }] });
  await apiPost(request, `/invoices/${paid.id}/payments`, { amount: 3000, method: 'bank_transfer', reference: `WIRE-${tag}` });
  return { customer, first, paid };
}

const invoiceRows = (page: Page) => page.getByRole('table', { name: 'Invoices' }).locator('tbody tr');

test.describe('at 1440 px', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a clerk filters as they type, counts by status, sorts a column and opens an invoice from ⌘K', async ({ page, request }) => {
    const { customer, first, paid } = await givenThreeInvoices(request);
    await signIn(page, 'admin@cashdesk.test');
    await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Invoices' }).click();

    // Typing is enough: no button, the URL and the rows follow.
    await page.getByRole('form', { name: 'Filters' }).getByLabel('Customer').fill(customer.name);
    await expect(page).toHaveURL(/customer=Lists(\+|%20)Co/);
    await expect(invoiceRows(page)).toHaveCount(3);
    await expect(page.getByRole('button', { name: 'Apply filters' })).toHaveCount(0);

    // The chips count this customer's invoices; a chip's count is the rows it opens.
    const chips = page.getByRole('navigation', { name: 'Statuses' });
    await expect(chips.getByRole('link', { name: /^All/ }).getByTestId('chip-count')).toHaveText('3');
    const paidChip = chips.getByRole('link', { name: /^Paid/ });
    const paidCount = Number(await paidChip.getByTestId('chip-count').textContent());
    expect(paidCount).toBe(1);
    await paidChip.click();
    await expect(page).toHaveURL(/status=paid/);
    await expect(paidChip).toHaveAttribute('aria-current', 'page');
    await expect(invoiceRows(page)).toHaveCount(paidCount);
    await expect(invoiceRows(page).first()).toContainText(paid.number);

    // Back to all of them, sorted by total: up, then down.
    await chips.getByRole('link', { name: /^All/ }).click();
    await expect(invoiceRows(page)).toHaveCount(3);
    const total = page.getByRole('columnheader', { name: 'Total' });
    await expect(total).toHaveAttribute('aria-sort', 'none');
    await total.getByRole('link').click();
    await expect(page).toHaveURL(/sort=total/);
    await expect(total).toHaveAttribute('aria-sort', 'ascending');
    await expect(invoiceRows(page).first()).toContainText('$7.50');
    await expect(invoiceRows(page).last()).toContainText('$30.00');
    await total.getByRole('link').click();
    await expect(page).toHaveURL(/sort=-total/);
    await expect(total).toHaveAttribute('aria-sort', 'descending');
    await expect(invoiceRows(page).first()).toContainText('$30.00');
    await shot(page, 'lists-invoices-sorted');

    // A click anywhere on a row opens its record (here its issue date; the customer cell is a link to the customer).
    await invoiceRows(page).first().locator('td').nth(4).click();
    await expect(page).toHaveURL(`/admin/invoices/${paid.id}`);

    // ⌘K (Ctrl+K here), the invoice's number, Enter: its page.
    await page.keyboard.press('ControlOrMeta+k');
    const palette = page.getByRole('dialog', { name: 'Search' });
    await expect(palette).toBeVisible();
    await palette.getByRole('combobox').fill(first.number);
    const option = palette.getByRole('option').filter({ hasText: first.number }).first();
    await expect(option).toBeVisible();
    await expect(palette.getByRole('group', { name: 'Invoices' })).toBeVisible();
    await shot(page, 'lists-search-palette');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/admin/invoices/${first.id}`);
    await expect(palette).toBeHidden();
  });

  test('every console list sorts from its headings and shows its chips', async ({ page }) => {
    await signIn(page, 'admin@cashdesk.test');
    for (const [path, heading, chips] of [
      ['/admin/orders', 'Number', 'Statuses'],
      ['/admin/customers', 'Name', null],
      ['/admin/services', 'Next due', 'Statuses'],
      ['/admin/payments', null, 'Types'],
    ] as const) {
      await page.goto(path);
      if (chips) await expect(page.getByRole('navigation', { name: chips }).getByRole('link', { name: /^All/ })).toHaveAttribute('aria-current', 'page');
      if (heading) {
        const column = page.getByRole('columnheader', { name: heading });
        await column.getByRole('link').click();
        await expect(column).toHaveAttribute('aria-sort', 'ascending');
      }
    }
  });
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the chips scroll on their own and the search button opens the palette', async ({ page }) => {
    await signIn(page, 'admin@cashdesk.test');
    await page.goto('/admin/invoices');
    await expect(page.getByRole('navigation', { name: 'Statuses' })).toBeVisible();
    await shot(page, 'lists-invoices-390');
    await page.getByRole('button', { name: 'Search…' }).click();
    const palette = page.getByRole('dialog', { name: 'Search' });
    await palette.getByRole('combobox').fill('example.test');
    await expect(palette.getByRole('group', { name: 'Customers' })).toBeVisible();
    await shot(page, 'lists-search-390');
  });
});
