import { requirePermission } from '@/server/auth/actor';
import { balanceOf } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import { paymentMethodLabels } from '@/server/labels';
import { gatewayMethods } from '@/server/schemas/invoice-desk';
import type { PaymentMethod } from '@/server/schemas/invoices';
import type { ServiceContext } from '@/server/services/context';
import { recordPayment, type PaymentRow } from '@/server/services/payments/record';
import { lockInvoiceAndCustomer, moneyOf, type InvoiceView } from './store';

const byGateway = new Set<PaymentMethod>(gatewayMethods);

/**
 * Pays the whole open balance in one payment ("Mark as paid"), by the method and with the
 * reference the clerk gives (bank transfer by default). A Stripe or PayPal payment is recorded
 * by its gateway with the gateway's id, which a refund goes back through; typed in here it
 * would have none, so those are refused.
 */
export async function markInvoicePaid(
  ctx: ServiceContext,
  input: { id: string; method?: PaymentMethod | undefined; reference?: string | undefined },
): Promise<{ payment: PaymentRow; invoice: InvoiceView }> {
  requirePermission(ctx.actor, 'invoices.edit');
  const method = input.method ?? 'bank_transfer';
  if (byGateway.has(method)) {
    throw new AppError('validation', `${paymentMethodLabels[method]} payments are recorded by the gateway, not marked by hand`, {
      method: 'must be a method received outside Cashdesk (bank transfer, cash, card …)',
    });
  }
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoiceAndCustomer(tx, ctx.actor.scope, input.id);
    const balance = balanceOf(moneyOf(invoice));
    if (balance <= 0n) throw new AppError('invalid_state', `A ${invoice.status} invoice has nothing left to pay`);
    return recordPayment({ ...ctx, db: tx }, { invoiceId: invoice.id, amount: balance, method, reference: input.reference });
  });
}
