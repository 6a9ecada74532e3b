import { AppError } from '@/server/errors';
import { readPaymentConfig } from '@/server/payments/config';
import type { ServiceContext } from '@/server/services/context';
import { drawCredit } from '@/server/services/credit/apply';
import { amountDue, payerInvoice } from '@/server/services/invoices/payer';

/**
 * A signed-in customer settles one of their own invoices from their credit balance: all of it
 * (checkout's "Pay from credit", refused when the credit falls short) or the part they type on
 * the invoice (`amount`, at most what the credit covers). Recording a payment needs
 * `invoices.edit`, which clients do not hold for anything else, so it is granted for this one use
 * case while the scope stays their own account. Only to a client: staff or a reseller signed in
 * pay from credit with their own `invoices.edit` or not at all (a read-only viewer could
 * otherwise move any customer's credit through the pay button).
 */
export async function payWithCredit(ctx: ServiceContext, input: { invoiceId: string; amount?: bigint | undefined }) {
  if (!(await readPaymentConfig(ctx.db)).credit) throw new AppError('invalid_state', 'Paying from credit is not available');
  const invoice = await payerInvoice(ctx, input.invoiceId, { kind: 'session' });
  const amount = input.amount ?? amountDue(invoice);
  const payer = ctx.actor.scope.kind === 'customer' ? { ...ctx.actor, permissions: new Set([...ctx.actor.permissions, 'invoices.edit' as const]) } : ctx.actor;
  const { invoice: after, payment } = await drawCredit({ ...ctx, actor: payer }, { invoiceId: invoice.id, amount, reference: 'Paid from credit balance' });
  return { invoice: after, payment };
}
