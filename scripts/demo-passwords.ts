// Run by `npm start` before the server: exits 0 when the database (as the server will find
// it) has, or is about to be seeded with, accounts whose password is the demo's well-known
// one, and 1 when it has none. The server migrates and seeds on its own; this only looks.
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '@/db';
import { users } from '@/db/schema';
import { env } from '@/server/env';
import { isEmpty } from './seed/demo';

const config = env();
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
let demo: boolean;
try {
  await handle.migrate();
  const seeds = config.CASHDESK_DEMO_SEED === 'always' || (config.CASHDESK_DEMO_SEED === 'auto' && handle.driver === 'pglite');
  const [flagged] = await handle.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.demoPassword, true), eq(users.disabled, false)))
    .limit(1);
  demo = flagged !== undefined || (seeds && (await isEmpty(handle.db)));
} finally {
  await handle.close();
}
process.exit(demo ? 0 : 1);
