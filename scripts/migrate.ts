// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from '@/db';
import { env } from '@/server/env';

const config = env();
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
await handle.migrate();
await handle.close();
console.info(`[cashdesk] ${handle.driver} database migrated`);
