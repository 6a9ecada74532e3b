import { readdir } from 'node:fs/promises';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase, type DatabaseHandle } from '@/db';
import { withTestDatabase } from '../support/database';

const { url } = withTestDatabase();

type Column = { table_name: string; column_name: string; data_type: string; is_nullable: string };
const columnsQuery = `select table_name, column_name, data_type, is_nullable from information_schema.columns
  where table_schema = 'public' order by table_name, column_name`;
const indexesQuery = `select indexname from pg_indexes where schemaname = 'public' order by indexname`;

let server: postgres.Sql;
let embedded: DatabaseHandle;
type PGliteClient = { query<T>(sql: string): Promise<{ rows: T[] }> };
const pglite = () => (embedded.db as unknown as { $client: PGliteClient }).$client;

beforeAll(async () => {
  server = postgres(url(), { max: 1 });
  embedded = await openDatabase({ dataDir: 'memory://' });
  await embedded.migrate();
});

afterAll(async () => {
  await server.end();
  await embedded.close();
});

describe('migrations', () => {
  it('give PGlite, the embedded default, exactly the schema PostgreSQL gets', async () => {
    const serverColumns = await server.unsafe<Column[]>(columnsQuery);
    expect((await pglite().query<Column>(columnsQuery)).rows).toEqual([...serverColumns]);
    expect(serverColumns.map((c) => c.table_name)).toContain('customers');
    const serverIndexes = await server.unsafe<{ indexname: string }[]>(indexesQuery);
    expect((await pglite().query<{ indexname: string }>(indexesQuery)).rows).toEqual([...serverIndexes]);
  });

  it('are applied once each, and applying them again on restart changes nothing', async () => {
    await embedded.migrate();
    const files = (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql'));
    const [applied] = await server`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(applied!.n).toBe(files.length);
    const { rows } = await pglite().query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(rows[0]!.n).toBe(files.length);
  });
});
