import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export { schema };
export type Schema = typeof schema;
/** The one typed database both drivers present; a transaction is one too. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseHandle = {
  db: Database;
  driver: 'postgres' | 'pglite';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Calls `onNotify` on each NOTIFY on the channel; PostgreSQL delivers a transaction's
   * notifications when it commits, never when it rolls back. Resolves to the unsubscribe.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
};

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export type OpenOptions = { url?: string | undefined; dataDir?: string | undefined; poolSize?: number };

/**
 * postgres-js when a URL is given, otherwise PGlite persisted in `dataDir` (or in memory for
 * `memory://`). Each driver is imported only when chosen: PGlite alone costs ~750 MB to start.
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
      import('postgres'),
      import('drizzle-orm/postgres-js'),
      import('drizzle-orm/postgres-js/migrator'),
    ]);
    const client = postgres(options.url, { max: options.poolSize ?? 10, onnotice: () => {} });
    const db = drizzle({ client, schema });
    return {
      db: db as unknown as Database,
      driver: 'postgres',
      migrate: () => migrate(db, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
      listen: async (channel, onNotify) => {
        const { unlisten } = await client.listen(channel, (payload) => onNotify(payload));
        return unlisten;
      },
    };
  }
  const [{ PGlite }, { pg_trgm }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const dataDir = options.dataDir ?? './.data';
  let location = 'memory://';
  if (dataDir !== 'memory://') {
    location = path.resolve(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  // Extensions the migrations create must be loaded into PGlite first.
  const client = await PGlite.create(location, { extensions: { pg_trgm } });
  const db = drizzle({ client, schema });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    migrate: () => migrate(db, { migrationsFolder }),
    close: () => client.close(),
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, (payload) => onNotify(payload));
      return () => unlisten();
    },
  };
}
