import { requirePermission } from '@/server/auth/actor';
import { balanceOf } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';
import { lockInvoiceAndCustomer, moneyOf, type InvoiceView } from '@/server/services/invoices/store';
import { recordPayment, type PaymentRow } from '@/server/services/payments/record';
import { creditBalance } from './balance';

/** Pays as much of the invoice as the customer's credit balance covers. */
export async function applyCredit(ctx: ServiceContext, input: { id: string }): Promise<{ payment: PaymentRow; invoice: InvoiceView }> {
  requirePermission(ctx.actor, 'invoices.edit');
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoiceAndCustomer(tx, ctx.actor.scope, input.id);
    const balance = balanceOf(moneyOf(invoice));
    const credit = await creditBalance(tx, invoice.customerId, invoice.currency);
    if (balance <= 0n) throw new AppError('invalid_state', `A ${invoice.status} invoice has nothing left to pay`);
    if (credit <= 0n) throw new AppError('conflict', 'The customer has no credit balance in this currency');
    return recordPayment(
      { ...ctx, db: tx },
      { invoiceId: invoice.id, amount: credit < balance ? credit : balance, method: 'credit', reference: 'Credit balance' },
    );
  });
}
