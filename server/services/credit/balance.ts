import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { creditLedger } from '@/db/schema';
import { sumBigint } from '@/db/sql';

/** A customer's credit balance in a currency: the sum of the append-only ledger. */
export async function creditBalance(db: Database, customerId: string, currency: string): Promise<bigint> {
  const [row] = await db
    .select({ balance: sumBigint(creditLedger.amount) })
    .from(creditLedger)
    .where(and(eq(creditLedger.customerId, customerId), eq(creditLedger.currency, currency)));
  return row?.balance ?? 0n;
}
