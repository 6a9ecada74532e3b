import { AppError } from '@/server/errors';
import type { PayAccess } from '@/server/schemas/payments';
import type { ServiceContext } from '@/server/services/context';
import { openPublicInvoice } from './public-link';
import { loadInvoice, type InvoiceView } from './store';

/** The invoice a payer may pay: their own when signed in, or the one their link opens. */
export async function payerInvoice(ctx: ServiceContext, invoiceId: string, access: PayAccess): Promise<InvoiceView> {
  if (access.kind === 'token') return openPublicInvoice(ctx, { id: invoiceId, token: access.token });
  return loadInvoice(ctx.db, ctx.actor.scope, invoiceId);
}

/** What is left to pay on it, refusing an invoice with nothing due. */
export function amountDue(invoice: InvoiceView): bigint {
  if (invoice.balance <= 0n) throw new AppError('invalid_state', `Invoice ${invoice.number ?? invoice.id} has nothing left to pay`);
  return invoice.balance;
}
