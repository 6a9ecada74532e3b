import { expect, test } from '@playwright/test';
import { givenInvoice, shot, signIn } from './support';

// The clerk's desk on one invoice: a reminder with the template chosen, a status moved by hand
// with the reason on record, and a payment taken in cash with its receipt number.
test('a clerk reminds a customer, marks the invoice overdue with a reason, then takes it in cash', async ({ page, request }) => {
  const { invoice } = await givenInvoice(request, [{ description: 'Colocation, 1U', quantity: 1, unit_price: 4500 }]);
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/invoices/${invoice.id}`);
  await expect(page.getByTestId('balance')).toHaveText('$45.00');

  await page.getByRole('button', { name: 'Send reminder' }).click();
  const reminder = page.getByRole('dialog', { name: 'Send reminder' });
  await expect(reminder.getByLabel('Template')).toHaveValue('friendly');
  await reminder.getByLabel('Template').selectOption('final');
  await reminder.getByRole('button', { name: 'Send reminder' }).click();
  await expect(page.getByText('Final notice queued')).toBeVisible();

  await page.getByRole('button', { name: 'Change status' }).click();
  const status = page.getByRole('dialog', { name: 'Change status' });
  await expect(status).toContainText('No money moves');
  await status.getByLabel('New status').selectOption('overdue');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(status.getByText('is required')).toBeVisible();
  await status.getByLabel('Reason').fill('Customer said the transfer bounced');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByText('Invoice is now overdue')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Audit log' })).toContainText('Status changed');
  await shot(page, 'invoice-desk-overdue');

  await page.getByRole('button', { name: 'Mark as paid' }).click();
  const paid = page.getByRole('dialog', { name: 'Mark as paid' });
  await expect(paid).toContainText('Records one payment of the whole balance, $45.00.');
  await expect(paid.getByLabel('Payment method')).toHaveValue('bank_transfer');
  await paid.getByLabel('Payment method').selectOption('cash');
  await paid.getByLabel('Reference (optional)').fill('RCPT-0042');
  await shot(page, 'invoice-desk-mark-paid');
  await paid.getByRole('button', { name: 'Mark as paid' }).click();
  await expect(page.getByText('Invoice marked as paid by cash')).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('$0.00');
  const payments = page.getByRole('table', { name: 'Payments' });
  await expect(payments).toContainText('RCPT-0042');
  await expect(payments).toContainText(/cash/i);
  await expect(page.getByRole('button', { name: 'Change status' })).toHaveCount(0);
});

// Money moves only after the clerk has seen what it writes: the dialog shows the server's
// preview of the document and the balance it leaves, and changing the amount changes them.
test('a clerk sees the credit note and the balance it leaves before issuing it', async ({ page, request }) => {
  const { invoice } = await givenInvoice(request, [{ description: 'Managed firewall', quantity: 1, unit_price: 10000 }]);
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/invoices/${invoice.id}`);
  await page.getByRole('button', { name: 'Credit / debit note' }).click();
  const note = page.getByRole('dialog', { name: 'Credit or debit note' });
  const preview = note.getByRole('status', { name: 'Preview' });
  await expect(preview).toContainText('Complete the form to see what this writes.');
  await note.getByLabel('Description').fill('Outage goodwill');
  await note.getByLabel('Amount (USD)').fill('15');
  await note.getByLabel('Reason').fill('Four hours down on the 3rd');
  await expect(preview).toContainText(/Credit note CN-\d{4}-\d{5}/);
  await expect(preview.getByTestId('preview-note')).toHaveText('$15.00');
  await expect(preview.getByTestId('preview-balance')).toContainText('$100.00 → $85.00');
  await note.getByLabel('Amount (USD)').fill('25');
  await expect(preview.getByTestId('preview-balance')).toContainText('$100.00 → $75.00');
  await shot(page, 'invoice-credit-note-preview');
  // Nothing was written while the clerk looked.
  await expect(page.getByTestId('balance')).toHaveText('$100.00');
  await note.getByRole('button', { name: 'Issue' }).click();
  await expect(page.getByText(/Credit note CN-\d{4}-\d{5} issued/)).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('$75.00');
});
