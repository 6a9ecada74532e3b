import { sql } from 'drizzle-orm';
import type { Database } from '@/db';

/**
 * Folds the report rollups' deltas into one row per key (`compact_report_rollups()`, migration
 * 0017_report_rollups): the triggers only ever insert, so a day's payments add a row each until
 * this runs. Safe while money is written (it moves only the deltas its statement sees); the
 * dunning workflow runs it daily, after the billing run's deltas.
 */
export async function compactReportRollups(db: Database): Promise<void> {
  await db.execute(sql`select compact_report_rollups()`);
}
