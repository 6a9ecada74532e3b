import { expect, test } from '@playwright/test';
import { apiPost, shot } from './support';

// A German browser: Playwright sends Accept-Language de-DE, and nothing else says which language.
test.use({ locale: 'de-DE' });

test('a German visitor reads the store in German, switches to French for good, and checks out in French', async ({ page, request, context }) => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  // Over a thousand, so the German thousands separator shows; product names are data, never translated.
  const product = await apiPost<{ id: string; name: string }>(request, '/products', {
    name: `Language VPS ${tag}`,
    category: `E2E Languages ${tag}`,
    type: 'recurring',
    prices: [{ cycle: 'monthly', currency: 'USD', amount: 123456 }],
  });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto('/store');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shop');
  const card = page.getByRole('article', { name: product.name });
  await expect(card.getByTestId('product-price')).toContainText('1.234,56 $/Monat');
  await expect(page.getByRole('group', { name: 'Abrechnungszeitraum' })).toContainText('Jährlich');
  await expect(page.getByRole('link', { name: /Warenkorb/ })).toBeVisible();
  await shot(page, 'storefront-de');

  await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'Français' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Boutique');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(card.getByTestId('product-price')).toContainText(/1\s234,56\s\$US\/mois/);
  const cookie = (await context.cookies()).find((c) => c.name === 'NEXT_LOCALE');
  expect(cookie).toMatchObject({ value: 'fr', path: '/', sameSite: 'Lax' });
  expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(360 * 24 * 60 * 60);

  // The choice outranks the browser's German on every later page.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Boutique');
  await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
  await shot(page, 'storefront-fr');

  await card.getByRole('link', { name: `Choisir ${product.name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.name);
  await expect(page.getByRole('group', { name: 'Périodicité de facturation' })).toBeVisible();
  await expect(page.getByTestId('configured-price')).toHaveText(/1\s234,56\s\$/);
  await page.getByRole('button', { name: 'Ajouter au panier' }).click();

  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Commande');
  await expect(page.getByRole('list', { name: 'Panier' })).toContainText(`${product.name} (Mensuel)`);
  await expect(page.getByRole('heading', { name: 'Récapitulatif de la commande' })).toBeVisible();
  await expect(page.getByTestId('summary-total')).toHaveText(/1\s234,56\s\$/);
  await expect(page.getByRole('tab', { name: 'Créer un compte' })).toBeVisible();
  await expect(page.getByLabel('Votre nom')).toBeVisible();
  await shot(page, 'checkout-fr');
});
