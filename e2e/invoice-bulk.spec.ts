import { expect, test } from '@playwright/test';
import { apiPost, givenInvoice, shot, signIn } from './support';

// A clerk's morning with a stack of transfers: pick a customer's invoices in the list, see what
// marking them paid will record, confirm once, and find the payment date in the list after.
test('a clerk marks several invoices paid at once after seeing the amounts, and deletes a draft from the row menu', async ({ page, request }) => {
  const name = `Bulk Co ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const { customer, invoice: first } = await givenInvoice(request, [{ description: 'Rack A', quantity: 1, unit_price: 2500 }], name);
  const second = await apiPost<{ id: string; number: string }>(request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Rack B', quantity: 2, unit_price: 1250 }],
  });
  const draft = await apiPost<{ id: string }>(request, '/invoices', {
    customer_id: customer.id,
    status: 'draft',
    items: [{ description: 'Quote for rack C', quantity: 1, unit_price: 999 }],
  });

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/invoices?customer=${encodeURIComponent(name)}`);
  const table = page.getByRole('table', { name: 'Invoices' });
  await expect(table.locator('tbody tr')).toHaveCount(3);

  await table.getByRole('checkbox', { name: `Select ${first.number}` }).check();
  await table.getByRole('checkbox', { name: `Select ${second.number}` }).check();
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Mark paid' }).click();
  const confirm = page.getByRole('dialog', { name: 'Mark invoices as paid' });
  const amounts = confirm.getByRole('table', { name: 'Invoices to mark as paid' });
  await expect(amounts).toContainText(first.number);
  await expect(amounts).toContainText(second.number);
  await expect(confirm).toContainText('Total USD');
  await expect(confirm).toContainText('$50.00');
  await confirm.getByLabel('Reference (optional)').fill('BATCH-7');
  await shot(page, 'invoices-bulk-mark-paid');
  await confirm.getByRole('button', { name: 'Mark 2 as paid' }).click();
  const result = page.getByRole('dialog', { name: 'Mark invoices as paid' });
  await expect(result).toContainText('2 paid, 0 failed.');
  await result.getByRole('button', { name: 'Done' }).click();

  const paidRow = table.locator('tbody tr').filter({ hasText: first.number });
  // Nothing left to pay, and the day it was paid in the Payment date column.
  await expect(paidRow).toContainText(/\$0\.00\d{1,2} \w{3} \d{4}paid/i);

  await table.getByRole('button', { name: 'Actions for draft' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete invoice' }).getByRole('button', { name: 'Delete invoice' }).click();
  await expect(page.getByText('Invoice deleted')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(2);

  const form = page.getByRole('form', { name: 'Filters' });
  await form.getByLabel('Deleted').selectOption('true');
  await expect(page).toHaveURL(/include_deleted=true/);
  await expect(table.locator('tbody tr').filter({ hasText: 'Deleted' })).toHaveCount(1);
  await shot(page, 'invoices-bulk-after');
  expect(draft.id).toBeTruthy();
});
