import { expect, test } from '@playwright/test';
import { dayFromToday, givenClient } from './portal-support';
import { shot, signIn } from './support';

test('an admin generates a batch of prepaid cards and prints it; a customer redeems one for credit and finds its paid invoice', async ({
  page,
  browser,
  request,
}) => {
  // In euros, the currency of this spec's customer alone among the specs' dollar totals.
  const { email } = await givenClient(request, undefined, 'EUR');
  const batchName = `Counter ${Date.now().toString(36)}`;

  await signIn(page, 'admin@cashdesk.test');
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Prepaid cards' }).click();
  await expect(page).toHaveURL('/admin/prepaid-cards');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prepaid cards');
  await page.getByRole('button', { name: 'New batch' }).click();
  const dialog = page.getByRole('dialog', { name: 'New batch of prepaid cards' });
  await dialog.getByLabel('Batch name (optional)').fill(batchName);
  await dialog.getByLabel('Value per card').fill('25.00');
  await dialog.getByLabel('Currency').fill('EUR');
  await dialog.getByLabel('Expires on').fill(dayFromToday(90));
  await dialog.getByLabel('Number of cards').fill('3');
  await shot(page, 'prepaid-cards-new-batch');
  await dialog.getByRole('button', { name: 'Generate cards' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(batchName);
  await expect(page.getByTestId('prepaid-card')).toHaveCount(3);
  await expect(page.getByTestId('prepaid-card').first()).toContainText('unused', { ignoreCase: true });
  await shot(page, 'prepaid-cards-batch');

  await page.getByRole('link', { name: 'Printable sheet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Printable sheet');
  const cards = page.getByTestId('printed-card');
  await expect(cards).toHaveCount(3);
  await expect(cards.first()).toContainText('€25.00');
  const code = (await cards.first().getByTestId('card-code').textContent())!.trim();
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  await shot(page, 'prepaid-cards-sheet');

  const csv = await page.request.get(`${new URL(page.url()).pathname.replace(/\/sheet$/, '')}/codes`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`${code},25.00,EUR`);

  // The customer, in a browser of their own.
  const customer = await browser.newPage();
  await signIn(customer, email);
  await customer.goto('/client/credit');
  await expect(customer.getByTestId('credit-balance')).toHaveText('€0.00');
  await customer.getByLabel('Card code').fill('AAAA-BBBB-CCCC');
  await customer.getByRole('button', { name: 'Redeem card' }).click();
  await expect(customer.getByText('No prepaid card has this code; check it and try again')).toBeVisible();
  await customer.getByLabel('Card code').fill(code.toLowerCase());
  await customer.getByRole('button', { name: 'Redeem card' }).click();
  await expect(customer.getByTestId('credit-balance')).toHaveText('€25.00');
  const ledger = customer.getByRole('table', { name: 'Credit ledger' }).locator('tbody tr');
  await expect(ledger.first()).toContainText('Top-up');
  await expect(ledger.first()).toContainText(`Prepaid card …${code.slice(-4)}`);
  await shot(customer, 'prepaid-cards-redeemed');

  // Once only: the same code again is refused.
  await customer.getByLabel('Card code').fill(code);
  await customer.getByRole('button', { name: 'Redeem card' }).click();
  await expect(customer.getByText('You have already redeemed this card')).toBeVisible();

  // The redemption is a paid invoice on the customer's list.
  await customer.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Invoices' }).click();
  const rows = customer.getByRole('table', { name: 'Invoices' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('€25.00');
  await expect(rows.first()).toContainText('paid', { ignoreCase: true });
  await shot(customer, 'prepaid-cards-invoice');
  await customer.close();

  // Back at the desk, the card shows as redeemed.
  await page.goBack();
  await page.reload();
  await expect(page.getByTestId('prepaid-card').filter({ hasText: code.slice(-4) })).toContainText('redeemed', { ignoreCase: true });
});
