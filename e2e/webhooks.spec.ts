import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { shot, signIn } from './support';

/** A receiver on this machine that answers 200 and keeps what it was sent. */
async function startReceiver() {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cashdesk`, received, close: () => server.close() };
}

test('an admin adds a webhook endpoint, keeps its secret, sends a test event and reads the delivery', async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await signIn(page, 'admin@cashdesk.test');
    await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webhooks');

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook endpoint' });
    await dialog.getByLabel('Endpoint URL').fill('http://93.184.215.14/plain-http');
    await dialog.getByLabel('Description (optional)').fill('Provisioning system');
    await dialog.getByLabel('All events, including ones added later').uncheck();
    await dialog.getByLabel('invoice.paid').check();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    // Plain http to the internet is refused next to the field, and nothing is added.
    await expect(dialog.getByText('must be an https: URL (http: only to a private or loopback address)')).toBeVisible();
    await shot(page, 'webhooks-add-refused');

    await dialog.getByLabel('Endpoint URL').fill(receiver.url);
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const added = page.getByRole('dialog', { name: 'Endpoint added' });
    await expect(added.getByTestId('webhook-secret')).toHaveText(/^whsec_/);
    await shot(page, 'webhooks-secret');
    await added.getByRole('button', { name: 'Done' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Provisioning system');
    await expect(page.getByText('invoice.paid', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const [first] = receiver.received;
    expect(JSON.parse(first!.body)).toMatchObject({ type: 'webhook.test' });
    expect(first!.headers['webhook-signature']).toMatch(/^v1,/);

    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'webhook.test' });
    await expect(row.getByText('succeeded')).toBeVisible();
    await expect(row.getByRole('cell', { name: '200', exact: true })).toBeVisible();
    await row.getByText('webhook.test', { exact: true }).click();
    await expect(row.getByText(`webhook-id ${String(first!.headers['webhook-id'])}`)).toBeVisible();
    await expect(row.getByText('"type": "webhook.test"')).toBeVisible();
    await shot(page, 'webhooks-endpoint');

    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog', { name: 'Rotate signing secret' }).getByRole('button', { name: 'Rotate secret' }).click();
    await expect(page.getByRole('dialog', { name: 'New signing secret' }).getByTestId('webhook-secret')).toHaveText(/^whsec_/);
  } finally {
    receiver.close();
  }
});
