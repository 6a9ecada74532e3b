import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, ledgerTransactions } from '@/db/schema';
import type { Actor } from '@/server/auth/actor';

type LedgerRow = typeof ledgerTransactions.$inferSelect;

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

type Payout = { resellerId: string; amount: bigint; currency: string; periodFrom: string; periodTo: string; reference?: string | null | undefined };

/**
 * Writes the `commission_payout` row of a payout to a reseller for the commission on invoices
 * issued in [periodFrom, periodTo]; call it inside the payout's transaction. No customer: the
 * row is the reseller's own, in its book by `reseller_id`.
 */
export async function recordCommissionPayout(tx: Database, actor: Actor, now: Date, payout: Payout): Promise<LedgerRow> {
  const [row] = await tx
    .insert(ledgerTransactions)
    .values({
      type: 'commission_payout',
      amount: payout.amount,
      currency: payout.currency,
      resellerId: payout.resellerId,
      reference: payout.reference ?? null,
      actor: actor.label,
      periodFrom: payout.periodFrom,
      periodTo: payout.periodTo,
      createdAt: now,
    })
    .returning();
  return row!;
}
