import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '@/db';

const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** A migrated, empty database that exists for the duration of `work`. */
export async function withBenchDatabase(work: (handle: DatabaseHandle, sql: postgres.Sql) => Promise<void>) {
  const name = `cashdesk_bench_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 16 });
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  try {
    await handle.migrate();
    await work(handle, sql);
  } finally {
    await sql.end();
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
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
