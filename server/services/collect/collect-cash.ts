import { requirePermission } from '@/server/auth/actor';
import { formatMoney } from '@/server/billing/currency';
import { balanceOf, isAwaitingPayment } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import type { CollectCashInput } from '@/server/schemas/collect';
import type { ServiceContext } from '@/server/services/context';
import { lockInvoiceAndCustomer, moneyOf } from '@/server/services/invoices/store';
import { recordPayment } from '@/server/services/payments/record';
import { readReceipt, type CollectionReceipt } from './receipt';

/**
 * Cash a collector took for one of its customers' invoices: part of the balance or all of it,
 * never more (change is the collector's to give, not the customer's credit), recorded as a
 * `collector` payment whose reference is the paper receipt's number. It goes through
 * recordPayment like every other payment, so paying a renewal in full renews its services and
 * a first invoice activates its order.
 */
export async function collectCash(ctx: ServiceContext, input: CollectCashInput & { origin: string }): Promise<CollectionReceipt> {
  requirePermission(ctx.actor, 'payments.collect');
  return ctx.db.transaction(async (tx) => {
    // The collector scope makes another collector's customer, or nobody's, simply not found.
    const invoice = await lockInvoiceAndCustomer(tx, ctx.actor.scope, input.invoiceId);
    if (!isAwaitingPayment(invoice.status)) throw new AppError('invalid_state', `This invoice is ${invoice.status}: there is nothing to collect`);
    const balance = balanceOf(moneyOf(invoice));
    if (input.amount > balance) {
      const owed = formatMoney(balance, invoice.currency);
      throw new AppError('validation', `The amount exceeds the balance of ${owed}`, { amount: `must not exceed the balance of ${owed}` });
    }
    // Recording a payment is the desk's invoices.edit; within its scope, collecting cash is a collector's to do.
    const collector = { ...ctx.actor, permissions: new Set([...ctx.actor.permissions, 'invoices.edit' as const]) };
    const { payment } = await recordPayment(
      { ...ctx, db: tx, actor: collector },
      { invoiceId: invoice.id, amount: input.amount, method: 'collector', reference: input.receiptNumber },
    );
    return readReceipt(tx, ctx, { paymentId: payment.id, origin: input.origin });
  });
}
