import { requirePermission } from '@/server/auth/actor';
import { balanceOf } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import type { PaymentMethod } from '@/server/schemas/invoices';
import type { ServiceContext } from '@/server/services/context';
import { recordPayment, type PaymentRow } from '@/server/services/payments/record';
import { lockInvoiceAndCustomer, moneyOf, type InvoiceView } from './store';

/** Pays the whole open balance in one payment ("Mark as paid"). */
export async function markInvoicePaid(
  ctx: ServiceContext,
  input: { id: string; method?: PaymentMethod | undefined; reference?: string | undefined },
): Promise<{ payment: PaymentRow; invoice: InvoiceView }> {
  requirePermission(ctx.actor, 'invoices.edit');
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoiceAndCustomer(tx, ctx.actor.scope, input.id);
    const balance = balanceOf(moneyOf(invoice));
    if (balance <= 0n) throw new AppError('invalid_state', `A ${invoice.status} invoice has nothing left to pay`);
    return recordPayment({ ...ctx, db: tx }, { invoiceId: invoice.id, amount: balance, method: input.method ?? 'bank_transfer', reference: input.reference });
  });
}
