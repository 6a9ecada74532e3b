import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { shot, signIn, signOut } from './support';

// The authenticator app's code, `ahead` seconds from now: the code that confirmed enrolment is
// spent, so signing in right after uses the next step's (the server allows one step of skew).
const codeFor = (secret: string, ahead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + ahead });

test('a staff member changes their password, turns on two-factor sign-in, and signs in with a code', async ({ page, browser }) => {
  // Seven deliberately slow scrypt checks and hashes in one journey.
  test.slow();
  const email = `secure-${Date.now()}@example.test`;
  await signIn(page, 'admin@cashdesk.test');
  await expect(page.getByRole('alert').filter({ hasText: 'Demo passwords are in use' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add staff member' });
  await dialog.getByLabel('Name').fill('Sol Secure');
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Starting password').fill('starting-password-1');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText('Sol Secure can now sign in')).toBeVisible();
  await signOut(page);

  // Password change: the current one is required, then only the new one works, and a session
  // opened elsewhere before the change (a forgotten laptop, a stolen cookie) is over too.
  const elsewhere = await browser.newPage();
  await signIn(elsewhere, email, 'starting-password-1');
  await signIn(page, email, 'starting-password-1');
  await page.getByRole('link', { name: 'Account', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not-my-password');
  await form.getByLabel('New password', { exact: true }).fill('second-password-2');
  await form.getByLabel('New password again').fill('second-password-2');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.locator('#current_password-error')).toHaveText('is not your current password');
  await form.getByLabel('Current password').fill('starting-password-1');
  await form.getByRole('button', { name: 'Change password' }).click();
  // The change ends every session of the account, this one too.
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText('Your password is changed; sign in with the new one.')).toBeVisible();
  await elsewhere.goto('/admin');
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await elsewhere.close();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('starting-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#password-error')).toHaveText('That e-mail and password do not match an account.');
  await signIn(page, email, 'second-password-2');

  // Two-factor enrolment: scan (here: read) the secret, confirm with a code, keep the recovery codes.
  await page.goto('/account');
  await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click();
  await page.getByRole('button', { name: 'Begin set-up' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await shot(page, 'two-factor-enrol');
  const confirm = page.getByRole('form', { name: 'Confirm two-factor sign-in' });
  await confirm.getByLabel('Code').fill((await codeFor(secret)) === '000000' ? '111111' : '000000');
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(confirm.locator('#code-error')).toContainText('does not match');
  await confirm.getByLabel('Code').fill(await codeFor(secret));
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await shot(page, 'two-factor-recovery-codes');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL('/admin');
  await signOut(page);

  // Sign-in now asks for the code after the password.
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('second-password-2');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = page.getByLabel('Authentication code');
  await expect(code).toBeVisible();
  // The password typed a moment ago must not reappear in the code field.
  await expect(code).toHaveValue('');
  await shot(page, 'two-factor-sign-in');
  await code.fill(await codeFor(secret, 30));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(email);
  await expect(page).toHaveURL('/admin');
});

test('a callback URL that leaves the site is ignored after sign-in', async ({ page }) => {
  await page.goto('/sign-in?callbackUrl=/%5Cexample.com');
  await page.getByLabel('E-mail').fill('reseller@cashdesk.test');
  await page.getByLabel('Password').fill('cashdesk');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/reseller');
});
