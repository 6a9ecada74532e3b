import { expect, test, type Page } from '@playwright/test';
import { dayFromToday, givenClient } from './portal-support';
import { apiPost, shot, signIn } from './support';

type Invoice = { id: string; number: string };

/** A calendar date as German writes it: 2026-12-31 → 31.12.2026. */
const german = (day: string) => day.split('-').reverse().join('.');
const dayPattern = /\d{2}\.\d{2}\.\d{4}/;

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name, exact: true });

test('a customer who reads German picks it in the profile and walks the whole portal in it, euros and dates the German way', async ({ page, request }) => {
  const { customer, email } = await givenClient(request, undefined, 'EUR');
  const tag = Date.now();
  const product = await apiPost<{ id: string }>(request, '/products', {
    name: `Cloud VPS ${tag}`,
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'EUR', amount: 2500 }],
  });
  const order = await apiPost<{ id: string; number: string; invoice_id: string }>(request, '/orders', {
    customer_id: customer.id,
    items: [{ product_id: product.id, cycle: 'monthly' }],
  });
  await apiPost(request, `/invoices/${order.invoice_id}/mark-paid`, {});
  const issued = dayFromToday(-3);
  const open = await apiPost<Invoice>(request, '/invoices', {
    customer_id: customer.id,
    issue_date: issued,
    items: [{ description: 'Server rack, installation', quantity: 1, unit_price: 123456 }],
  });
  await apiPost(request, `/customers/${customer.id}/credit`, { amount: 1250, reason: 'Goodwill for the outage' });

  // The browser asks for English; the customer's own choice wins from the moment it is saved.
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
  await page.goto('/client/profile');
  const form = page.getByRole('form', { name: 'Profile' });
  await expect(form.getByLabel('Language')).toHaveValue('');
  await form.getByLabel('Language').selectOption({ label: 'Deutsch' });
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profil');
  await expect(page.getByRole('form', { name: 'Profil' }).getByLabel('Sprache')).toHaveValue('de');
  await expect(page.getByRole('form', { name: 'Passwort ändern' }).getByLabel('Aktuelles Passwort')).toBeVisible();

  await nav(page, 'Übersicht').click();
  await expect(page).toHaveURL('/client');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Konto');
  await expect(page.getByTestId('amount-due')).toHaveText('1.234,56 €');
  await expect(page.getByText('1 offene Rechnung')).toBeVisible();
  await expect(page.getByTestId('credit-balance')).toHaveText('12,50 €');
  await expect(page.getByText('Zu bezahlen', { exact: true })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText('Kunde');
  await shot(page, 'portal-de-overview');

  await nav(page, 'Rechnungen').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rechnungen');
  const rows = page.getByRole('table', { name: 'Rechnungen' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(open.number);
  await expect(rows.nth(0)).toContainText('Offen');
  await expect(rows.nth(0)).toContainText('1.234,56 €');
  await expect(rows.nth(0)).toContainText(german(issued));
  await expect(rows.nth(0).getByRole('link', { name: `${open.number} bezahlen`, exact: true })).toHaveText('Bezahlen');
  await expect(rows.nth(1)).toContainText('Bezahlt');
  await expect(rows.nth(1)).toContainText('25,00 €');
  await expect(page.getByText('2 angezeigt')).toBeVisible();
  await shot(page, 'portal-de-invoices');

  // The invoice page's own actions (the sheet below is the documents' own).
  await rows.nth(0).getByRole('link', { name: open.number, exact: true }).click();
  await expect(page).toHaveURL(`/client/invoices/${open.id}`);
  await expect(page.getByRole('link', { name: 'Alle Rechnungen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'PDF herunterladen' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Guthaben verwenden' })).toContainText('bis zu 12,50 €');
  await page.getByRole('link', { name: 'Jetzt bezahlen' }).click();
  await expect(page).toHaveURL(`/client/invoices/${open.id}/pay`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Rechnung ${open.number} bezahlen`);
  const summary = page.getByLabel('Rechnungsübersicht');
  await expect(summary).toContainText('Offener Betrag');
  await expect(page.getByTestId('balance-due')).toHaveText('1.234,56 €');
  await shot(page, 'portal-de-pay');

  await nav(page, 'Dienste').click();
  const services = page.getByRole('table', { name: 'Dienste' });
  await expect(services.locator('tbody tr')).toHaveCount(1);
  await expect(services).toContainText(`Cloud VPS ${tag}`);
  await expect(services).toContainText('Aktiv');
  await expect(services).toContainText('Monatlich');
  await expect(services).toContainText('25,00 €');
  await expect(services.locator('tbody tr').first()).toContainText(dayPattern);

  await services.getByRole('link', { name: `Cloud VPS ${tag}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cloud VPS ${tag}`);
  await expect(page.getByText(`Teil der Bestellung ${order.number}.`)).toBeVisible();
  await expect(page.getByText('25,00 € Monatlich')).toBeVisible();
  await expect(page.getByText('Bezahlter Zeitraum')).toBeVisible();
  await expect(page.getByTestId('next-invoice')).toHaveText(new RegExp(`^${dayPattern.source}, fällig am ${dayPattern.source}$`));
  await expect(page.getByRole('table', { name: 'Rechnungen des Dienstes' })).toContainText('Bezahlt');
  await expect(page.getByRole('button', { name: /kündigen$/ })).toBeVisible();
  await shot(page, 'portal-de-service');

  await nav(page, 'Bestellungen').click();
  const orders = page.getByRole('table', { name: 'Bestellungen' });
  await expect(orders.locator('tbody tr')).toHaveCount(1);
  await expect(orders).toContainText(order.number);
  await expect(orders).toContainText('25,00 €');
  await orders.getByRole('link', { name: order.number }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bestellung ${order.number}`);
  await expect(page.getByRole('table', { name: 'Positionen der Bestellung' })).toContainText('Monatlich');
  await expect(page.getByRole('table', { name: 'Rechnungen der Bestellung' })).toContainText('Rechnung');
  await shot(page, 'portal-de-order');

  await nav(page, 'Guthaben').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guthaben');
  await expect(page.getByTestId('credit-balance')).toHaveText('12,50 €');
  const ledger = page.getByRole('table', { name: 'Guthabenbuchungen' });
  await expect(ledger).toContainText('Korrektur');
  await expect(ledger).toContainText('+12,50 €');
  await expect(ledger).toContainText(dayPattern);
  await expect(page.getByRole('button', { name: 'Karte einlösen' })).toBeVisible();
  await shot(page, 'portal-de-credit');

  // Back to the desk's default: the portal reads English again.
  await nav(page, 'Profil').click();
  const profil = page.getByRole('form', { name: 'Profil' });
  await profil.getByLabel('Sprache').selectOption({ label: 'Standard (English)' });
  await profil.getByRole('button', { name: 'Profil speichern' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profile');
  await expect(nav(page, 'Invoices')).toBeVisible();
});
