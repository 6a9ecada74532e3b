import { requirePermission } from '@/server/auth/actor';
import { formatMoney } from '@/server/billing/currency';
import { balanceOf } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { lockInvoiceAndCustomer, moneyOf, type InvoiceView } from '@/server/services/invoices/store';
import { recordPayment, type PaymentRow } from '@/server/services/payments/record';
import { creditBalance } from './balance';

type CreditResult = { payment: PaymentRow; invoice: InvoiceView };

/** Apply credit balance from the desk: all the credit covers of what is due, or the part typed. */
export async function applyCredit(ctx: ServiceContext, input: { id: string; amount?: bigint | undefined }): Promise<CreditResult> {
  requirePermission(ctx.actor, 'invoices.edit');
  return drawCredit(ctx, { invoiceId: input.id, amount: input.amount, reference: 'Credit balance' });
}

/**
 * Pays `amount` of the invoice from its customer's credit balance in the invoice's currency, or,
 * without one, as much as the credit covers. Never more than the smaller of what is due and what
 * the credit holds. Both are read under the customer's lock, the one every payment takes, so two
 * draws racing for the same credit take it once: the second reads what the first left.
 */
export async function drawCredit(ctx: ServiceContext, input: { invoiceId: string; amount?: bigint | undefined; reference: string }): Promise<CreditResult> {
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoiceAndCustomer(tx, ctx.actor.scope, input.invoiceId);
    const balance = balanceOf(moneyOf(invoice));
    if (balance <= 0n) throw new AppError('invalid_state', `A ${invoice.status} invoice has nothing left to pay`);
    const credit = await creditBalance(tx, invoice.customerId, invoice.currency);
    if (credit <= 0n) throw new AppError('conflict', 'The customer has no credit balance in this currency');
    const most = credit < balance ? credit : balance;
    if (input.amount !== undefined && input.amount > most) {
      const limit = formatMoney(most, invoice.currency);
      const why = credit < balance ? 'the credit balance' : 'the balance due';
      throw new AppError('validation', `At most ${limit} can be applied (${why})`, { amount: `must be at most ${limit}, ${why}` });
    }
    return recordPayment({ ...ctx, db: tx }, { invoiceId: invoice.id, amount: input.amount ?? most, method: 'credit', reference: input.reference });
  });
}
