import { expect, test } from '@playwright/test';
import { shot, signIn } from './support';

// Settings are shared by every test of the run: the rules are put back at the end.
test('an admin texts customers a payment receipt, previewing the SMS while typing', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Communication rules' });
  const sms = form.getByRole('checkbox', { name: 'Payment received by SMS' });
  const text = form.getByRole('group', { name: 'Payment received' }).getByLabel('SMS text');
  const preview = form.getByRole('status', { name: 'Payment received SMS preview' });

  await expect(form.getByRole('checkbox', { name: 'Payment received by E-mail' })).toBeChecked();
  await expect(text).toBeHidden();
  await sms.check();
  // The demo has no SMS gateway: the form says ticked events will skip it.
  await expect(form.getByRole('alert')).toHaveText(/SMS is not configured/);

  await text.fill('Hi {customer_name}, we got {amount} for {invoce_number}.');
  await expect(preview).toContainText('Hi Jordan Example, we got $120.00 for {invoce_number}.');
  await expect(preview).toContainText('Not a placeholder: {invoce_number}');
  await form.getByRole('button', { name: 'Save communication rules' }).click();
  await expect(form.locator('[id="payment_received.sms_text-error"]')).toHaveText('unknown placeholder {invoce_number}');

  await text.fill('Hi {customer_name}, we got your payment for {invoice_number}. {link}');
  await expect(preview).toContainText('Hi Jordan Example, we got your payment for INV-2026-00042. https://billing.example.com/p/invoice/');
  await form.getByRole('button', { name: 'Save communication rules' }).click();
  await expect(page.getByText('Communication rules saved')).toBeVisible();
  await shot(page, 'communication-rules');
  await form.screenshot({ path: 'e2e/.artifacts/communication-rules-form.png' });

  await page.reload();
  await expect(sms).toBeChecked();
  await expect(text).toHaveValue('Hi {customer_name}, we got your payment for {invoice_number}. {link}');

  await sms.uncheck();
  await form.getByRole('button', { name: 'Save communication rules' }).click();
  await expect(page.getByText('Communication rules saved')).toBeVisible();
});
