import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle } from '@/db';
import { installDatabase } from '@/server/db';
import { urlFor, withAdmin } from './postgres';

/**
 * A fresh, migrated PostgreSQL database for this test file, cloned from the run's template and
 * installed as the process database so route handlers use it too. Dropped after the file.
 */
export function withTestDatabase(): { db: () => Database; url: () => string } {
  let handle: DatabaseHandle | undefined;
  let name = '';
  beforeAll(async () => {
    const template = inject('templateDatabase');
    name = `${template}_${randomBytes(4).toString('hex')}`;
    await withAdmin((sql) => sql.unsafe(`create database ${name} template ${template}`));
    handle = await openDatabase({ url: urlFor(name), poolSize: 20 });
    installDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
    await withAdmin((sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
  });
  return {
    db: () => {
      if (!handle) throw new Error('withTestDatabase(): the database is ready only inside tests and hooks');
      return handle.db;
    },
    url: () => urlFor(name),
  };
}
