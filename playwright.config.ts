import { defineConfig } from '@playwright/test';

// e2e/run.mjs builds once, makes a fresh database and passes its URL; the server is the
// production build (`next start`), never the dev server.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Stripe's and PayPal's APIs, hosted checkout page and JS SDK, faked on local ports
// (tests/support/fake-gateways.ts): the app talks to them through the same env variables a
// real install sets, and they sign the webhooks they send back with the real schemes.
const stripePort = port + 91;
const paypalPort = port + 92;
const gateways = {
  STRIPE_SECRET_KEY: 'sk_test_cashdesk_e2e',
  STRIPE_WEBHOOK_SECRET: 'whsec_cashdesk_e2e_secret',
  PAYPAL_CLIENT_ID: 'cashdesk-e2e-client',
  PAYPAL_CLIENT_SECRET: 'cashdesk-e2e-secret',
  PAYPAL_WEBHOOK_ID: 'WH-CASHDESK-E2E',
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/.artifacts/results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The desk's default language changes what every other spec reads (console formats, and the
  // portal, PDFs and e-mails of customers without a language of their own), so the spec that
  // switches it runs alone, after all the others (to run it by itself: `--no-deps`).
  projects: [
    { name: 'shared desk', testIgnore: /console-locale\.spec\.ts/ },
    { name: 'desk language', testMatch: /console-locale\.spec\.ts/, dependencies: ['shared desk'] },
  ],
  reporter: process.env.E2E_JSON ? [['list'], ['json', { outputFile: process.env.E2E_JSON }]] : [['list']],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: 'npx tsx e2e/fake-gateways.ts',
      url: `http://127.0.0.1:${stripePort}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      env: { ...gateways, FAKE_STRIPE_PORT: String(stripePort), FAKE_PAYPAL_PORT: String(paypalPort), FAKE_WEBHOOK_BASE: baseURL },
    },
    {
      command: `npx next start -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: {
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
        CASHDESK_DEMO_SEED: 'always',
        CASHDESK_SECRET: 'e2e-secret-that-is-long-enough-for-cashdesk',
        CASHDESK_BOOTSTRAP_API_KEY: 'cd_e2e_bootstrap_key_0123456789abcdef',
        NEXTAUTH_URL: baseURL,
        // The demo data must stay as seeded while specs assert on it; runs are started by hand.
        CASHDESK_SCHEDULER: 'off',
        NODE_ENV: 'production',
        // The SMS and WhatsApp gateways of the specs are fakes on 127.0.0.1.
        CASHDESK_ALLOW_PRIVATE_URLS: '1',
        // And the webhook receivers of the specs.
        CASHDESK_WEBHOOKS_ALLOW_PRIVATE: '1',
        ...gateways,
        STRIPE_API_URL: `http://127.0.0.1:${stripePort}`,
        PAYPAL_API_URL: `http://127.0.0.1:${paypalPort}`,
        PAYPAL_SDK_URL: `http://127.0.0.1:${paypalPort}/sdk/js`,
      },
    },
  ],
});
