import { requirePermission } from '@/server/auth/actor';
import { emitEvents } from '@/server/jobs/runtime';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { finalizeInvoice } from './finalize';
import type { InvoiceView } from './store';

/**
 * Finalize & send: numbers the draft and queues its e-mail in one transaction, so either both
 * happen or neither. The notify-customer workflow sends it once (the event id is the send's
 * dedupe key) and logs it on the invoice, as every other message. A second press finds the
 * invoice finalized and is refused, so the customer gets one e-mail.
 */
export async function finalizeAndSend(ctx: ServiceContext, input: { id: string }): Promise<{ invoice: InvoiceView; sendId: string }> {
  requirePermission(ctx.actor, 'invoices.edit');
  return ctx.db.transaction(async (tx) => {
    const invoice = await finalizeInvoice({ ...ctx, db: tx }, input);
    const sendId = `invoice-send:${invoice.id}:finalized`;
    await emitEvents(tx, [{ name: 'invoice/send.requested', id: sendId, data: { invoiceId: invoice.id } }]);
    await audit(tx, ctx.actor, 'invoice.send_requested', { type: 'invoice', id: invoice.id }, { after: { send: sendId, channel: 'email' } });
    return { invoice, sendId };
  });
}
