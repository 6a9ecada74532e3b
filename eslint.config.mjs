import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const database = {
  group: ['@/db', '@/db/*', 'drizzle-orm', 'drizzle-orm/*'],
  message: 'app/ reads and writes through server/services (or tRPC), never the database directly.',
};
const databaseHandle = {
  group: ['@/server/db', '**/server/db', '../db', '../../db'],
  message: 'Only route handlers and the context builders (server/context.ts) open the database; everything else receives it in its context.',
};
const mailBodies = {
  group: ['@/emails/templates', '@/emails/password-reset', '@react-email/*'],
  message: 'Mail bodies are server-only; import template keys from @/emails/template-keys.',
};

const config = [
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'e2e/.artifacts/**', 'next-env.d.ts', 'test-results/**'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['info', 'warn', 'error'] }],
    },
  },
  // The layer arrows of DESIGN.md §1, checked: a wrong-way import is a lint error, not a review comment.
  layer(['app/**'], ['app/api/**'], [database, databaseHandle, mailBodies]),
  layer(['app/api/**'], [], [database, mailBodies]),
  layer(
    ['server/billing/**'],
    [],
    [
      {
        regex: '^(?!\\./|vitest$|fast-check$)',
        message: 'server/billing/ is pure: it imports only its own modules (time, money and data come in as parameters).',
      },
    ],
  ),
  layer(
    ['server/services/**'],
    [],
    [
      databaseHandle,
      {
        group: ['@/app/*', '@/inngest/functions', '@/inngest/functions/*', '@/server/api/*', '@/server/rest/*', '@/server/context', 'next', 'next/*'],
        message:
          'Services are called by the adapters (app/, server/api, server/rest, inngest/functions), never the other way round; they get their context as a parameter.',
      },
    ],
  ),
  layer(['server/schemas/**'], [], [mailBodies]),
];

/** A restriction on what files under `files` (but not `ignores`) may import. */
function layer(files, ignores, patterns) {
  return { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default config;
