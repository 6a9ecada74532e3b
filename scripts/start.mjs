// `npm start`: build when the sources are newer than the last build, then serve the production
// build. The server migrates (and, on a fresh embedded database, seeds) as it starts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const sources = ['app', 'server', 'db', 'inngest', 'emails', 'instrumentation.ts', 'next.config.ts', 'package-lock.json'];
const skip = new Set(['node_modules', '.next', 'migrations']);

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(entry)
      .filter((name) => !skip.has(name))
      .map((name) => newest(path.join(entry, name))),
  );
}

const buildId = '.next/BUILD_ID';
if (!existsSync(buildId) || Math.max(...sources.map(newest)) > statSync(buildId).mtimeMs) {
  console.info('[cashdesk] building the production bundle (once per source change)…');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The demo seed's accounts share a well-known password: while any of them still has it, the
// server answers this machine only. HOSTNAME (any address, e.g. 0.0.0.0) overrides that.
function listenAddress() {
  if (process.env.HOSTNAME) return process.env.HOSTNAME;
  const check = spawnSync('npx', ['tsx', 'scripts/demo-passwords.ts'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (check.status === 1) return undefined;
  console.warn('[cashdesk] demo passwords are in use: listening on 127.0.0.1 only (change them, or set HOSTNAME)');
  return '127.0.0.1';
}

const port = process.env.PORT ?? '3000';
const hostname = listenAddress();
const server = spawnSync('npx', ['next', 'start', '-p', port, ...(hostname ? ['-H', hostname] : [])], { stdio: 'inherit' });
process.exit(server.status ?? 0);
