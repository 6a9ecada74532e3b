import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, ledgerTransactions } from '@/db/schema';
import type { Actor } from '@/server/auth/actor';

type Movement = {
  type: 'income' | 'refund' | 'credit';
  amount: bigint;
  currency: string;
  customerId: string;
  invoiceId?: string | null | undefined;
  paymentId?: string | null | undefined;
  refundId?: string | null | undefined;
  reference?: string | null | undefined;
};

/**
 * Writes the ledger row of a money movement; call it inside the transaction that moves the
 * money, so both commit or neither does. The row lands in the book of the customer's reseller
 * as it is now, read in the same statement.
 */
export async function recordLedgerMovement(tx: Database, actor: Actor, now: Date, movement: Movement): Promise<void> {
  await tx.insert(ledgerTransactions).values({
    type: movement.type,
    amount: movement.amount,
    currency: movement.currency,
    customerId: movement.customerId,
    invoiceId: movement.invoiceId ?? null,
    paymentId: movement.paymentId ?? null,
    refundId: movement.refundId ?? null,
    resellerId: sql`(${tx.select({ id: customers.resellerId }).from(customers).where(eq(customers.id, movement.customerId))})`,
    reference: movement.reference ?? null,
    actor: actor.label,
    createdAt: now,
  });
}
