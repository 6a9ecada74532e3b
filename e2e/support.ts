import { type Page, expect } from '@playwright/test';

export const demoPassword = 'cashdesk';

/** Signs in through the form, as a person would, and waits for the landing page. */
export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(email);
}

/** Screenshots go to e2e/.artifacts (git-ignored) to be looked at after a run. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/.artifacts/${name}.png`, fullPage: true });
