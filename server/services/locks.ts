import { sql } from 'drizzle-orm';
import type { Database } from '@/db';

/**
 * Serialises billing, payment and dunning for one customer (DESIGN.md §4): a transaction-scoped
 * advisory lock keyed by the customer, released at commit or rollback.
 */
export async function lockCustomer(tx: Database, customerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${customerId}, 0))`);
}
