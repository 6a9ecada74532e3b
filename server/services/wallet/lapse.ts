import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { settleGrants } from './grants';

/**
 * Grants without rollover whose period ended on or before `date` lose what is left of them,
 * available or (their invoice still unpaid) pending: one lapse entry per grant, so the billing
 * run may call this for any date again.
 */
export async function lapseCredits(tx: Database, date: string, now: Date): Promise<number> {
  return settleGrants(
    tx,
    'lapse',
    sql`g.expires_on <= ${date}::date and not exists (select 1 from wallet_entries s where s.grant_id = g.id and s.kind in ('lapse', 'void'))`,
    sql`'Unused credits lapsed at the end of ' || to_char(g.expires_on - 1, 'YYYY-MM-DD')`,
    now,
  );
}
