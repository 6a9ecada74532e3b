import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '@/db';

const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

const databaseUrl = (name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * A database created (empty and migrated, or as a copy of `template`) for the duration of `work`.
 * `disconnect` closes `work`'s connections before it ends (a template must have none while it is
 * copied); they are closed once either way.
 */
async function withDatabase(
  template: string | null,
  work: (handle: DatabaseHandle, sql: postgres.Sql, name: string, disconnect: () => Promise<void>) => Promise<void>,
) {
  const name = `cashdesk_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const handle = await openDatabase({ url: databaseUrl(name), poolSize: 16 });
  const sql = postgres(databaseUrl(name), { max: 2, onnotice: () => {} });
  let connected = true;
  const disconnect = async () => {
    if (!connected) return;
    connected = false;
    await sql.end();
    await handle.close();
  };
  try {
    if (!template) await handle.migrate();
    await work(handle, sql, name, disconnect);
  } finally {
    await disconnect();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** A migrated, empty database that exists for the duration of `work`. */
export const withBenchDatabase = (work: (handle: DatabaseHandle, sql: postgres.Sql) => Promise<void>) => withDatabase(null, work);

/**
 * `rounds` fresh copies of one seeded database, one after the other: a bench that changes the
 * data measures each round on the same starting point and reports the median, as single runs on
 * a shared 2-core machine vary by a third.
 */
export async function withBenchCopies(
  seed: (sql: postgres.Sql) => Promise<void>,
  rounds: number,
  work: (handle: DatabaseHandle, sql: postgres.Sql, round: number) => Promise<void>,
) {
  await withDatabase(null, async (_handle, sql, template, disconnect) => {
    await seed(sql);
    await sql`vacuum analyze`;
    await disconnect();
    for (let round = 0; round < rounds; round++) await withDatabase(template, (copy, copySql) => work(copy, copySql, round));
  });
}

/** Milliseconds of `runs` sequential calls, sorted, after a few warm-up calls. */
export async function timings(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** The time below which a `share` (0.5: median, 0.95: p95) of the calls finished. */
export const percentile = (sorted: readonly number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

/** Median milliseconds of `runs` sequential calls. */
export const medianMs = async (runs: number, fn: () => Promise<unknown>) => percentile(await timings(runs, fn), 0.5);

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
