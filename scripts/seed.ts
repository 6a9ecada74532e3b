// `npm run db:seed`: migrates, then loads the demo data into an empty database.
import { openDatabase } from '@/db';
import { env } from '@/server/env';
import { isEmpty, seedDemo } from './seed/demo';

const config = env();
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
await handle.migrate();
if (await isEmpty(handle.db)) {
  await seedDemo(handle.db);
  console.info('[cashdesk] demo data seeded');
} else {
  console.info('[cashdesk] the database already has users; nothing seeded');
}
await handle.close();
