import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/db';
import { isEmpty, seedDemo } from '@/scripts/seed/demo';
import { env } from './env';
import { systemContext } from './services/context';
import { bootstrapApiKey } from './services/people/api-keys';

// Next.js bundles instrumentation, route handlers and server components separately, so a
// module-level singleton would open the database once per bundle. PGlite allows one opener
// per data directory: the handle lives on globalThis, shared by every bundle in the process.
const holder = globalThis as typeof globalThis & { __cashdesk?: Promise<DatabaseHandle> };

async function start(): Promise<DatabaseHandle> {
  const config = env();
  const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await handle.migrate();
  const seed = config.CASHDESK_DEMO_SEED === 'always' || (config.CASHDESK_DEMO_SEED === 'auto' && handle.driver === 'pglite');
  if (seed && (await isEmpty(handle.db))) {
    await seedDemo(handle.db);
    console.info('[cashdesk] empty database: demo data seeded');
  }
  if (config.CASHDESK_BOOTSTRAP_API_KEY) {
    const created = await bootstrapApiKey(systemContext(handle.db), config.CASHDESK_BOOTSTRAP_API_KEY);
    if (created) console.info('[cashdesk] admin API key created from CASHDESK_BOOTSTRAP_API_KEY');
  }
  return handle;
}

/** Uses an already opened database as the process's own (tests point handlers at theirs). */
export function installDatabase(handle: DatabaseHandle): void {
  holder.__cashdesk = Promise.resolve(handle);
}

/** The process's database handle, migrated (and seeded on a fresh embedded install) on first use. */
export async function databaseHandle(): Promise<DatabaseHandle> {
  holder.__cashdesk ??= start().catch((error: unknown) => {
    holder.__cashdesk = undefined;
    throw error;
  });
  return holder.__cashdesk;
}

/** The process's database. */
export async function database() {
  return (await databaseHandle()).db;
}

/** The health check's question: does the database answer at all? Throws when it does not. */
export async function pingDatabase(): Promise<void> {
  await (await database()).execute(sql`select 1`);
}
