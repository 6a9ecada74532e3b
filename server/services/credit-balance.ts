import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { creditLedger } from '@/db/schema';

/** A customer's credit balance in a currency: the sum of the append-only ledger. */
export async function creditBalance(db: Database, customerId: string, currency: string): Promise<bigint> {
  const [row] = await db
    .select({ balance: sql<bigint>`coalesce(sum(${creditLedger.amount}), 0)::bigint`.mapWith((v: string | bigint) => BigInt(v)) })
    .from(creditLedger)
    .where(and(eq(creditLedger.customerId, customerId), eq(creditLedger.currency, currency)));
  return row?.balance ?? 0n;
}
