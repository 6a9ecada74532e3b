import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db';
import { urlFor, withAdmin } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one template database per run; every test file clones it, which takes milliseconds. */
export default async function setup(project: TestProject) {
  const template = `cashdesk_tpl_${process.pid}_${Date.now()}`;
  await withAdmin((sql) => sql.unsafe(`create database ${template}`));
  const handle = await openDatabase({ url: urlFor(template), poolSize: 1 });
  await handle.migrate();
  await handle.close();
  project.provide('templateDatabase', template);

  return async () => {
    await withAdmin(async (sql) => {
      const clones = await sql<{ datname: string }[]>`
        select datname from pg_database where datname like ${`${template}%`}`;
      for (const { datname } of clones) await sql.unsafe(`drop database if exists ${datname} with (force)`);
    });
  };
}
