import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { settleGrants, uuidList } from './grants';

/**
 * The grants of invoices now paid in full become available: called by settleInvoice, which every
 * payment path (Mark as paid, payments, gateways, credit) reaches in the paying transaction, with
 * the paid invoice and those consolidated into it. A grant that lapsed unpaid stays lapsed.
 */
export async function releaseCredits(tx: Database, invoiceIds: readonly string[], now: Date): Promise<number> {
  if (invoiceIds.length === 0) return 0;
  return settleGrants(tx, 'release', sql`g.invoice_id = any(${uuidList(invoiceIds)})`, sql`'Invoice ' || coalesce(i.number, '') || ' paid'`, now);
}
