import { expect, test, type APIRequestContext } from '@playwright/test';
import { givenClient } from './portal-support';
import { apiPost, shot, signIn } from './support';

type Product = { id: string; name: string; option_groups: Array<{ id: string; options: Array<{ id: string; name: string }> }> };

/** Two VPS plans of a category of this test alone, each with a required operating system and RAM by the GB. */
async function givenPlans(request: APIRequestContext) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const plan = (name: string, amount: number) =>
    apiPost<Product>(request, '/products', {
      name: `${name} ${tag}`,
      type: 'recurring',
      // Approved by hand below, so the service is active when the test goes on.
      auto_activate: false,
      category: `VPS ${tag}`,
      prices: [{ cycle: 'monthly', currency: 'USD', amount }],
      option_groups: [
        {
          name: 'Operating system',
          kind: 'select',
          required: true,
          options: [
            { name: 'Debian', prices: [{ cycle: 'monthly', currency: 'USD', amount: 0 }] },
            { name: 'Windows Server', prices: [{ cycle: 'monthly', currency: 'USD', amount: 1500 }] },
          ],
        },
        { name: 'Extra RAM', kind: 'quantity', options: [{ name: 'GB', prices: [{ cycle: 'monthly', currency: 'USD', amount: 300 }] }] },
      ],
    });
  return { small: await plan('Cloud VPS S', 2400), large: await plan('Cloud VPS L', 4800) };
}

/** A paid, active Cloud VPS S with Debian for a new client of its own. */
async function givenActiveService(request: APIRequestContext, small: Product) {
  const { customer, email } = await givenClient(request);
  const order = await apiPost<{ id: string; invoice_id: string; services: Array<{ id: string }> }>(request, '/orders', {
    customer_id: customer.id,
    items: [{ product_id: small.id, cycle: 'monthly', options: [{ option_id: small.option_groups[0]!.options[0]!.id }] }],
  });
  await apiPost(request, `/invoices/${order.invoice_id}/mark-paid`, {});
  await apiPost(request, `/orders/${order.id}/approve`, {});
  return { customer, email, order };
}

test('staff change a Cloud VPS plan choosing its options, the preview following each choice', async ({ page, request }) => {
  const { small, large } = await givenPlans(request);
  const { customer } = await givenActiveService(request, small);
  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/customers/${customer.id}`);
  await page.getByRole('button', { name: `Change plan of ${small.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Change plan: ${small.name}` });

  await dialog.getByLabel('New plan').selectOption({ label: large.name });
  // The new plan starts without options: its required operating system is missing, said beside it.
  await expect(dialog.getByRole('alert').filter({ hasText: 'Operating system must be chosen' })).toBeVisible();
  await expect(dialog.getByLabel('Operating system (required)')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Confirm change' })).toBeDisabled();

  await dialog.getByLabel('Operating system (required)').selectOption({ label: 'Debian' });
  const prorate = dialog.getByTestId('prorate');
  await expect(prorate).toHaveText(/^\$\d+\.\d\d$/);
  const debian = await prorate.textContent();
  await dialog.getByLabel('Operating system (required)').selectOption({ label: 'Windows Server' });
  await dialog.getByLabel('Extra RAM: GB').fill('2');
  await expect(dialog.getByText('$69.00 monthly')).toBeVisible();
  await expect(prorate).not.toHaveText(debian!);
  await shot(page, 'services-desk-change-plan');
  await dialog.getByRole('button', { name: 'Confirm change' }).click();
  await expect(page.getByText('Plan changed; the difference is invoiced')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Services' })).toContainText(large.name);
});

test('a customer opens a service, upgrades it after the preview, pays the invoice it gets, then asks to cancel', async ({ page, request }) => {
  const { small, large } = await givenPlans(request);
  const { email, order } = await givenActiveService(request, small);
  await signIn(page, email);
  await page.goto('/client/services');
  await page.getByRole('link', { name: small.name }).click();
  await expect(page.getByRole('heading', { name: small.name })).toBeVisible();
  await expect(page.getByText('Operating system: Debian')).toBeVisible();
  await expect(page.getByTestId('next-invoice')).toContainText('due');
  await shot(page, 'services-portal-detail');

  await page.getByRole('button', { name: 'Change plan' }).click();
  const dialog = page.getByRole('dialog', { name: `Change plan: ${small.name}` });
  await dialog.getByLabel('New plan').selectOption({ label: large.name });
  await dialog.getByLabel('Operating system (required)').selectOption({ label: 'Debian' });
  await expect(dialog.getByText('To invoice now')).toBeVisible();
  await expect(dialog.getByTestId('prorate')).toHaveText(/^\$\d+\.\d\d$/);
  await shot(page, 'services-portal-change-plan');
  await dialog.getByRole('button', { name: 'Confirm change' }).click();
  await expect(page).toHaveURL(/\/client\/invoices\/[0-9a-f-]+$/);
  await expect(page.getByRole('link', { name: 'Pay now' })).toBeVisible();

  await page.goto(`/client/orders/${order.id}`);
  await expect(page.getByRole('table', { name: 'Order items' })).toContainText('Operating system: Debian');
  await expect(page.getByRole('table', { name: 'Order invoices' }).getByRole('row')).toHaveCount(3);
  await shot(page, 'services-portal-order');

  await page.getByRole('table', { name: 'Order items' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: large.name })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel at end of period' }).click();
  const cancel = page.getByRole('dialog', { name: `Cancel ${large.name}` });
  await expect(cancel.getByTestId('cancel-ends')).toContainText('In use until');
  await shot(page, 'services-portal-cancel');
  await cancel.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(page.getByText(/Cancellation requested: in use until/)).toBeVisible();
  await expect(page.getByText(/Cancelled at your request: it stays in service until/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change plan' })).toHaveCount(0);
});

test('a customer sees a service page fit a phone, and never another customer’s service', async ({ page, request }) => {
  const { small } = await givenPlans(request);
  const mine = await givenActiveService(request, small);
  const theirs = await givenActiveService(request, small);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, mine.email);
  await page.goto(`/client/services/${mine.order.services[0]!.id}`);
  await expect(page.getByRole('heading', { name: small.name })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await shot(page, 'services-portal-detail-390');
  const other = await page.goto(`/client/services/${theirs.order.services[0]!.id}`);
  expect(other?.status()).toBe(404);
  const otherOrder = await page.goto(`/client/orders/${theirs.order.id}`);
  expect(otherOrder?.status()).toBe(404);
});
