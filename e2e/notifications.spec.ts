import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

// Settings → Communication is shared by the whole app: these tests take turns.
test.describe.configure({ mode: 'serial' });

test('an invoice sent by e-mail lands in the outbox, the log and the list', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string; name: string; email: string }>(request, '/customers', {
    name: `Mail Reader ${tag}`,
    email: `reader-${tag}@example.test`,
    currency: 'USD',
  });
  const invoice = await apiPost<{ id: string; number: string }>(request, '/invoices', {
    customer_id: customer.id,
    items: [{ description: 'Backup storage', quantity: 1, unit_price: 2500 }],
  });

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/invoices/${invoice.id}`);
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute('href', `/admin/invoices/${invoice.id}/pdf`);
  await page.getByLabel('Paper size').selectOption('receipt-80');
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute('href', `/admin/invoices/${invoice.id}/pdf?paper=receipt-80`);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Send invoice' });
  await expect(dialog.getByRole('radio', { name: /WhatsApp/ })).toBeDisabled();
  await dialog.getByRole('radio', { name: /E-mail/ }).check();
  await dialog.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByText(`Sent by e-mail to ${customer.email}`)).toBeVisible();
  const log = page.getByRole('table', { name: 'Notification log' });
  await expect(log).toContainText(customer.email);
  await expect(log).toContainText('sent', { ignoreCase: true });

  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Outbox' }).click();
  await page.getByRole('link', { name: `Invoice ${invoice.number} from Northwind Hosting Ltd` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Invoice ${invoice.number} from Northwind Hosting Ltd`);
  await expect(page.getByText(`Attached: ${invoice.number}.pdf`)).toBeVisible();
  await expect(page.frameLocator('iframe[title="E-mail as sent"]').getByText('Amount due')).toBeVisible();
  await shot(page, 'outbox-message');

  await page.goto(`/admin/invoices?customer=${encodeURIComponent(customer.email)}`);
  await expect(page.getByRole('table', { name: 'Invoices' }).locator('tbody tr').first()).toContainText('email');
});

test('SMS and WhatsApp go out through the configured gateways, and a refusal is shown at once', async ({ page, request }) => {
  const received: Array<{ url: string; body: string }> = [];
  let refuse = false;
  const gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url!, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          refuse
            ? { error: 'Wrong phone number' }
            : req.url!.includes('/messages/document')
              ? { sent: 'true', message: 'ok', id: 77 }
              : { message_id: 'sms-1' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  try {
    const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    const customer = await apiPost<{ id: string }>(request, '/customers', {
      name: `Phone Owner ${tag}`,
      email: `phone-${tag}@example.test`,
      phone: '+4915112345678',
      currency: 'USD',
    });
    const invoice = await apiPost<{ id: string; number: string }>(request, '/invoices', {
      customer_id: customer.id,
      items: [{ description: 'Support plan', quantity: 1, unit_price: 9900 }],
    });

    await signIn(page, 'admin@cashdesk.test');
    await page.goto('/admin/settings');
    const form = page.getByRole('form', { name: 'Communication' });
    await form.getByLabel('SMS through an HTTP gateway').check();
    await form.getByLabel('Gateway URL').fill('not a url');
    await form.getByLabel('WhatsApp through an Ultramsg-compatible API').check();
    await form.getByRole('button', { name: 'Save communication settings' }).click();
    await expect(form.getByText('must be an http(s) URL')).toBeVisible();
    await form.getByLabel('Gateway URL').fill(`${base}/sms`);
    await form.getByLabel('API URL').fill(base);
    await form.getByLabel('Instance').fill('instance42');
    await form.getByLabel('Token').fill('secret-token');
    await form.getByRole('button', { name: 'Save communication settings' }).click();
    await expect(page.getByText('Communication settings saved')).toBeVisible();

    await page.goto(`/admin/invoices/${invoice.id}`);
    for (const channel of ['SMS', 'WhatsApp'] as const) {
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Send invoice' });
      await dialog.getByRole('radio', { name: new RegExp(`^${channel}`) }).check();
      await dialog.getByRole('button', { name: 'Send now' }).click();
      await expect(page.getByText(`Sent by ${channel} to +4915112345678`)).toBeVisible();
    }
    expect(received.map((r) => r.url)).toEqual(['/sms', '/instance42/messages/document']);
    expect(new URLSearchParams(received[1]!.body).get('token')).toBe('secret-token');

    refuse = true;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Send invoice' });
    await dialog.getByRole('radio', { name: /^WhatsApp/ }).check();
    await dialog.getByRole('button', { name: 'Send now' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Not sent: WhatsApp API: "Wrong phone number"');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const log = page.getByRole('table', { name: 'Notification log' });
    await expect(log.locator('tbody tr')).toHaveCount(3);
    await expect(log.locator('tbody tr').first()).toContainText('failed', { ignoreCase: true });
    await shot(page, 'invoice-notification-log');

    await page.goto(`/admin/invoices?customer=phone-${tag}`);
    const row = page.getByRole('table', { name: 'Invoices' }).locator('tbody tr').first();
    await expect(row).toContainText('sms');
    await expect(row).toContainText('whatsapp');
  } finally {
    gateway.close();
  }
});

test('an admin rewords a template and sees the preview follow', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/email-templates');
  await page.getByRole('navigation', { name: 'Templates' }).getByRole('button', { name: 'Overdue notice' }).click();
  const form = page.getByRole('form', { name: 'Template' });
  await form.getByLabel('Subject').fill('Still open: {number}');
  await form.getByLabel('Intro').fill('We have not yet received payment for this invoice.');
  await expect(page.getByTestId('preview-subject')).toHaveText('Subject: Still open: INV-2026-00042');
  await expect(page.frameLocator('iframe[title="Preview"]').getByText('We have not yet received payment for this invoice.', { exact: true })).toBeVisible();
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Overdue notice saved')).toBeVisible();
  await expect(page.getByRole('button', { name: /Overdue notice.*edited/ })).toBeVisible();
  await shot(page, 'email-templates');
});

test('an admin words a template in German, and the English one stays as it was', async ({ page }) => {
  await signIn(page, 'admin@cashdesk.test');
  await page.goto('/admin/email-templates');
  const languages = page.getByRole('navigation', { name: 'Language' });
  await languages.getByRole('link', { name: 'Deutsch' }).click();
  await expect(languages.getByRole('link', { name: 'Deutsch' })).toHaveAttribute('aria-current', 'page');
  const form = page.getByRole('form', { name: 'Template' });
  await expect(form.getByLabel('Subject')).toHaveValue('{document} {number} von {company}');
  await expect(page.getByTestId('preview-subject')).toHaveText('Subject: Rechnung INV-2026-00042 von Your company');
  await expect(page.frameLocator('iframe[title="Preview"]').getByText('Fällig am:')).toBeVisible();
  await form.getByLabel('Subject').fill('Ihre Rechnung {number} ist da');
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Invoice created saved')).toBeVisible();
  await expect(page.getByRole('button', { name: /Invoice created.*edited/ })).toBeVisible();
  await shot(page, 'email-templates-de');

  await languages.getByRole('link', { name: 'English' }).click();
  await expect(form.getByLabel('Subject')).toHaveValue('{document} {number} from {company}');
  await expect(page.getByRole('button', { name: /Invoice created.*edited/ })).toHaveCount(0);
});
