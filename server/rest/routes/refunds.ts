import { camelized } from '../../schemas/common';
import { invoiceIdInput, previewed, refundInput, refundOutput } from '../../schemas/invoices';
import { refundPayment } from '../../services/payments/refund';
import { defineRoute } from '../handler';
import { invoiceJson } from './invoices';

export const refundRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/refunds',
    summary:
      'Refund through the gateway, record a manual refund, or refund to credit; `preview: true` answers with the refund, credit note and invoice it would write (200) and writes nothing',
    tag: 'Invoices',
    permission: 'payments.refund',
    params: invoiceIdInput,
    body: camelized(refundInput),
    response: previewed(refundOutput),
    status: 201,
  },
  async ({ ctx, params, body, origin }) => {
    const result = await refundPayment(ctx, { ...body, invoiceId: params.id });
    return {
      refund: {
        id: result.refund.id,
        amount: Number(result.refund.amount),
        method: result.refund.method,
        to_credit: result.refund.toCredit,
        payment_id: result.refund.paymentId,
        reason: result.refund.reason,
        created_at: result.refund.createdAt.toISOString(),
      },
      invoice: invoiceJson(result.invoice, origin),
      credit_note_id: result.creditNoteId,
      credit_note: result.creditNote && invoiceJson(result.creditNote, origin),
      ...(body.preview ? { preview: true as const } : {}),
    };
  },
);
