import { expect, test } from '@playwright/test';
import { apiPost, shot, signIn } from './support';

// Issue 15's billing contact: a contact added on the customer's page is offered by Create order's
// first step, and the order's invoices go to it.
test('the desk adds a billing contact to a customer and sends an order’s invoices to it', async ({ page, request }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const customer = await apiPost<{ id: string; name: string; email: string }>(request, '/customers', {
    name: `Acme Contacts ${tag}`,
    email: `acme-contacts-${tag}@example.test`,
    currency: 'USD',
  });

  await signIn(page, 'admin@cashdesk.test');
  await page.goto(`/admin/customers/${customer.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(customer.name);
  const contacts = page.getByRole('list', { name: 'Contacts' });
  await expect(contacts).toContainText('No contacts');

  // Add contact: checked before it is sent, then listed.
  await page.getByRole('button', { name: 'Add contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add contact' });
  await dialog.getByLabel('Contact name').fill('Billing Desk');
  await dialog.getByLabel('Contact e-mail').fill('not-an-address');
  await dialog.getByRole('button', { name: 'Add contact' }).click();
  await expect(dialog.locator('#contact-email-error')).toHaveText('must be a valid e-mail address');
  await dialog.getByLabel('Contact e-mail').fill('billing@acme.test');
  await dialog.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByText('Contact Billing Desk added')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(contacts).toContainText('Billing Desk');
  await expect(contacts).toContainText('billing@acme.test');
  await shot(page, 'customer-contacts');

  // Create order: the customer, then its contact as the billing contact.
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Orders' }).click();
  await page.getByRole('link', { name: 'Create order' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 3 — Order info' })).toBeVisible();
  await page.getByLabel('Customer', { exact: true }).fill(customer.name);
  await page
    .getByRole('listbox', { name: 'Matching customers' })
    .getByRole('option', { name: new RegExp(customer.name) })
    .click();
  await expect(page.getByTestId('picked-customer')).toContainText(customer.name);
  const contact = page.getByLabel('Billing contact', { exact: true });
  await expect(contact).toHaveValue('');
  await contact.selectOption({ label: 'Billing Desk · billing@acme.test' });
  await expect(contact).toHaveValue('billing@acme.test');
  await page.getByLabel('Order name').fill(`Acme — Billing contact ${tag}`);
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Step 2 of 3 — Order details' })).toBeVisible();
  await page.getByLabel('Billing day').fill('1');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Step 3 of 3 — Lines' })).toBeVisible();
  await page.getByLabel('Search products').fill('Shared Hosting');
  await page.getByRole('list', { name: 'Matching products' }).getByRole('button', { name: 'Shared Hosting', exact: true }).click();
  await page.getByLabel('Cycle 1').selectOption('monthly');
  await page.getByRole('button', { name: 'Done' }).click();

  await expect(page).toHaveURL(/\/admin\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('contract-status')).toHaveText('draft', { ignoreCase: true });
  await expect(page.locator('dt:text-is("Invoice e-mails go to") + dd')).toHaveText('billing@acme.test');
});
