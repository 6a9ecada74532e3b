import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `check` until it returns a truthy value (which it returns) or `ms` pass. */
export async function until<T>(what: string, check: () => Promise<T>, ms = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type ProductionServer = {
  url: string;
  /** SIGKILL to the server's whole process group, as an OOM killer or a pulled plug would; resolves once it is gone. */
  kill(): Promise<void>;
  /** What the server printed, for a failing test's message. */
  log(): string;
};

/**
 * `next start` of the build in .next as its own process group, with the environment a real
 * install gives it (e2e's, see playwright.config.ts); resolves once /api/health answers, that
 * is once the database is migrated and the workflow loop has started.
 */
export async function startServer(port: number, env: Record<string, string>): Promise<ProductionServer> {
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) throw new Error('no production build in .next: run `npx next build` first (npm test builds it for e2e)');
  const url = `http://127.0.0.1:${port}`;
  // A server left listening there would answer the health check in place of this one.
  if (
    await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`something is listening on ${url} already`);
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Only what a server is given: nothing of the test runner's own environment leaks in.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', NEXTAUTH_URL: url, ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const kill = async () => {
    if (!gone) process.kill(-child.pid!, 'SIGKILL');
    await exited;
  };
  try {
    await until(
      `${url}/api/health`,
      async () => {
        if (gone) throw new Error(`the server exited while starting:\n${output}`);
        const ok = await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        return ok;
      },
      90_000,
    );
  } catch (error) {
    await kill();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${output}`);
  }
  return { url, kill, log: () => output };
}
