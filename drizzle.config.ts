import { defineConfig } from 'drizzle-kit';

// Migrations are generated against the schema only; no database connection is needed to
// generate them, and both drivers (postgres-js and PGlite) apply the same SQL files.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
  verbose: true,
});
