import { creditLedger } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { formatMoney } from '@/server/billing/currency';
import { AppError } from '@/server/errors';
import type { AdjustCreditInput } from '@/server/schemas/customers';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer } from '@/server/services/customers/store';
import { recordLedgerMovement } from '@/server/services/ledger/record';
import { lockCustomer } from '@/server/services/locks';
import { creditBalance } from './balance';

export type CreditEntry = typeof creditLedger.$inferSelect & { balance: bigint };

/**
 * A manual credit or debit on the customer's balance, which may never go below zero. A credit
 * is spendable value made from nothing, so it takes `credit.grant` (admins by default, never
 * resellers); a debit only needs the right to edit the customer.
 */
export async function adjustCredit(ctx: ServiceContext, input: AdjustCreditInput & { customerId: string }): Promise<CreditEntry> {
  requirePermission(ctx.actor, 'customers.edit');
  if (input.amount > 0n) requirePermission(ctx.actor, 'credit.grant');
  return ctx.db.transaction(async (tx) => {
    const customer = await findCustomer(tx, ctx.actor.scope, input.customerId);
    await lockCustomer(tx, customer.id);
    const balance = await creditBalance(tx, customer.id, customer.currency);
    if (balance + input.amount < 0n) {
      throw new AppError('conflict', `The credit balance is ${formatMoney(balance, customer.currency)}; it cannot go below zero`, {
        amount: `would take the balance of ${formatMoney(balance, customer.currency)} below zero`,
      });
    }
    const [entry] = await tx
      .insert(creditLedger)
      .values({
        customerId: customer.id,
        kind: 'adjustment',
        amount: input.amount,
        currency: customer.currency,
        reason: input.reason,
        createdAt: ctx.now,
      })
      .returning();
    // A debit takes back credit already granted; only value made from nothing is a ledger movement.
    if (input.amount > 0n) {
      await recordLedgerMovement(tx, ctx.actor, ctx.now, {
        type: 'credit',
        amount: input.amount,
        currency: customer.currency,
        customerId: customer.id,
        reference: input.reason,
      });
    }
    const result = { ...entry!, balance: balance + input.amount };
    await audit(
      tx,
      ctx.actor,
      'customer.credit_adjusted',
      { type: 'customer', id: customer.id },
      {
        before: { balance },
        after: result,
      },
    );
    return result;
  });
}
