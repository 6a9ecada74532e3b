import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { settleGrants, uuidList } from './grants';

/** The still pending grants of invoices cancelled unpaid are taken back. */
export async function voidCredits(tx: Database, invoiceIds: readonly string[], now: Date): Promise<number> {
  if (invoiceIds.length === 0) return 0;
  return settleGrants(tx, 'void', sql`g.invoice_id = any(${uuidList(invoiceIds)})`, sql`'Invoice ' || coalesce(i.number, '') || ' cancelled unpaid'`, now);
}
