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
  return Math.max(0, ...readdirSync(entry).filter((name) => !skip.has(name)).map((name) => newest(path.join(entry, name))));
}

const buildId = '.next/BUILD_ID';
if (!existsSync(buildId) || Math.max(...sources.map(newest)) > statSync(buildId).mtimeMs) {
  console.info('[cashdesk] building the production bundle (once per source change)…');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? '3000';
const server = spawnSync('npx', ['next', 'start', '-p', port], { stdio: 'inherit' });
process.exit(server.status ?? 0);
