import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    // The billing rules are the product's core; `npm test` fails if their coverage slips.
    coverage: {
      provider: 'v8',
      include: ['server/billing/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['text-summary'],
      thresholds: { lines: 95 },
    },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'i18n/**/*.test.ts', 'db/**/*.test.ts', 'inngest/**/*.test.ts', 'emails/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['tests/support/fixed-clock.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          // Crash safety needs the production build; `npm test` runs it after e2e has built.
          exclude: [...configDefaults.exclude, 'tests/reliability/**'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/fixed-clock.ts'],
          // The fake providers listen on 127.0.0.1; the tests that prove the refusal unset it.
          // next.config's experimental.authInterrupts, which `next build` turns into this variable:
          // the page guards call forbidden() (the authz matrix renders them).
          env: { CASHDESK_ALLOW_PRIVATE_URLS: '1', __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: 'true' },
          // Each file has its own database, so files run in parallel; tests inside a file share it.
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // No fixed clock here: the server under test is a child process on the real clock,
          // and the webhooks signed for it must be fresh on that clock.
          // next.config's experimental.authInterrupts, which `next build` turns into this variable:
          // the page guards call forbidden() (the authz matrix renders them).
          env: { CASHDESK_ALLOW_PRIVATE_URLS: '1', __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: 'true' },
          pool: 'forks',
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
