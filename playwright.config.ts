import { defineConfig } from '@playwright/test';

// e2e/run.mjs builds once, makes a fresh database and passes its URL; the server is the
// production build (`next start`), never the dev server.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/.artifacts/results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
  webServer: {
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
    },
  },
});
