// Runs the Playwright suite against a production build on a fresh PostgreSQL database:
// build once (unless E2E_SKIP_BUILD=1), create the database, test, drop it.
import { spawnSync } from 'node:child_process';
import postgres from 'postgres';

const serverUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';
const name = `cashdesk_e2e_${Date.now()}`;
const url = new URL(serverUrl);
url.pathname = `/${name}`;

const run = (command, args, env = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

if (process.env.E2E_SKIP_BUILD !== '1') {
  // The build must not see a database or demo-seed settings: pages are rendered per request.
  const status = run('npx', ['next', 'build'], { DATABASE_URL: '' });
  if (status !== 0) process.exit(status);
}

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
let status = 1;
try {
  status = run('npx', ['playwright', 'test', ...process.argv.slice(2)], { E2E_DATABASE_URL: url.toString() });
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
process.exit(status);
