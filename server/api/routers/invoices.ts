import { z } from 'zod';
import { camelized, id } from '../../schemas/common';
import { bulkMarkPaidInput, bulkReminderInput, bulkSendInput } from '../../schemas/invoice-bulk';
import {
  applyCreditInput,
  consolidateInput,
  correctionInput,
  createInvoiceInput,
  invoiceIdInput,
  listInvoicesInput,
  markPaidInput,
  recordPaymentInput,
  refundInput,
  sendInvoiceInput,
  updateInvoiceInput,
} from '../../schemas/invoices';
import { applyCredit } from '../../services/credit/apply';
import { bulkMarkPaid, bulkSend, bulkSendReminder } from '../../services/invoices/bulk';
import { cancelInvoice } from '../../services/invoices/cancel';
import { consolidateInvoices } from '../../services/invoices/consolidate';
import { issueCorrection } from '../../services/invoices/correct';
import { createInvoice } from '../../services/invoices/create';
import { deleteInvoice } from '../../services/invoices/delete';
import { duplicateInvoice } from '../../services/invoices/duplicate';
import { finalizeInvoice } from '../../services/invoices/finalize';
import { finalizeAndSend } from '../../services/invoices/finalize-and-send';
import { getInvoice } from '../../services/invoices/get';
import { getInvoiceHistory } from '../../services/invoices/history';
import { countInvoicesByStatus, listInvoices } from '../../services/invoices/list';
import { markInvoicePaid } from '../../services/invoices/mark-paid';
import { regenerateInvoiceToken } from '../../services/invoices/regenerate-token';
import { sendInvoice } from '../../services/invoices/send';
import { updateInvoice } from '../../services/invoices/update';
import { recordPayment } from '../../services/payments/record';
import { refundPayment } from '../../services/payments/refund';
import { once, withIdempotencyKey } from '../idempotent';
import { authedProcedure, permissionProcedure, router } from '../trpc';

export const invoicesRouter = router({
  list: permissionProcedure('invoices.view')
    .input(camelized(listInvoicesInput.omit({ format: true }).extend({ format: z.literal('json').default('json') })))
    .query(({ ctx, input }) => listInvoices(ctx.service, input)),
  /** The list's status chips: how many invoices each status holds under the other filters. */
  statusCounts: permissionProcedure('invoices.view')
    .input(camelized(listInvoicesInput.omit({ format: true, limit: true, cursor: true, sort: true, ids: true })))
    .query(({ ctx, input }) => countInvoicesByStatus(ctx.service, input)),
  byId: authedProcedure.input(invoiceIdInput).query(({ ctx, input }) => getInvoice(ctx.service, input)),
  history: authedProcedure.input(invoiceIdInput).query(({ ctx, input }) => getInvoiceHistory(ctx.service, input)),
  create: permissionProcedure('invoices.create')
    .input(camelized(createInvoiceInput))
    .mutation(({ ctx, input }) => createInvoice(ctx.service, input)),
  update: permissionProcedure('invoices.edit')
    .input(camelized(updateInvoiceInput.extend(invoiceIdInput.shape)))
    .mutation(({ ctx, input }) => updateInvoice(ctx.service, input)),
  finalize: permissionProcedure('invoices.edit')
    .input(invoiceIdInput)
    .mutation(({ ctx, input }) => finalizeInvoice(ctx.service, input)),
  finalizeAndSend: permissionProcedure('invoices.edit')
    .input(invoiceIdInput)
    .mutation(({ ctx, input }) => finalizeAndSend(ctx.service, input)),
  duplicate: permissionProcedure('invoices.create')
    .input(invoiceIdInput)
    .mutation(({ ctx, input }) => duplicateInvoice(ctx.service, input)),
  recordPayment: permissionProcedure('invoices.edit')
    .input(camelized(recordPaymentInput.extend(invoiceIdInput.shape).extend(withIdempotencyKey.shape)))
    .mutation(({ ctx, input }) =>
      once(ctx, 'invoices.recordPayment', input, (service) =>
        recordPayment(service, {
          invoiceId: input.id,
          amount: input.amount,
          method: input.method,
          reference: input.reference,
          paidAt: input.paidAt ? new Date(input.paidAt) : undefined,
        }),
      ),
    ),
  markPaid: permissionProcedure('invoices.edit')
    .input(markPaidInput.extend(invoiceIdInput.shape).extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) => once(ctx, 'invoices.markPaid', input, (service) => markInvoicePaid(service, input))),
  applyCredit: permissionProcedure('invoices.edit')
    .input(applyCreditInput.extend(invoiceIdInput.shape).extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) => once(ctx, 'invoices.applyCredit', input, (service) => applyCredit(service, input))),
  cancel: permissionProcedure('invoices.edit')
    .input(invoiceIdInput)
    .mutation(({ ctx, input }) => cancelInvoice(ctx.service, input)),
  delete: permissionProcedure('invoices.delete')
    .input(invoiceIdInput)
    .mutation(({ ctx, input }) => deleteInvoice(ctx.service, input)),
  refund: permissionProcedure('payments.refund')
    .input(camelized(refundInput.extend(invoiceIdInput.shape).extend(withIdempotencyKey.shape)))
    // A preview writes nothing, so it needs no key; the confirmed refund runs once per dialog's key.
    .mutation(({ ctx, input }) =>
      input.preview
        ? refundPayment(ctx.service, { ...input, invoiceId: input.id })
        : once(ctx, 'invoices.refund', input, (service) => refundPayment(service, { ...input, invoiceId: input.id })),
    ),
  correct: permissionProcedure('invoices.edit')
    .input(camelized(correctionInput.extend({ id, kind: z.enum(['credit_note', 'debit_note']) }).extend(withIdempotencyKey.shape)))
    .mutation(({ ctx, input }) => {
      const correction = { invoiceId: input.id, kind: input.kind, items: input.items, reason: input.reason, preview: input.preview };
      return input.preview ? issueCorrection(ctx.service, correction) : once(ctx, 'invoices.correct', input, (service) => issueCorrection(service, correction));
    }),
  send: permissionProcedure('invoices.edit')
    .input(sendInvoiceInput.extend(invoiceIdInput.shape))
    .mutation(({ ctx, input }) => sendInvoice(ctx.service, { id: input.id, channel: input.channel, origin: ctx.origin })),
  // The list's selection. A key makes a repeated click act once (mark paid in the key's
  // transaction, each invoice in its own savepoint; sends dedupe per invoice on it).
  bulkMarkPaid: permissionProcedure('invoices.edit')
    .input(bulkMarkPaidInput.extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) => once(ctx, 'invoices.bulkMarkPaid', input, (service) => bulkMarkPaid(service, input))),
  bulkSend: permissionProcedure('invoices.edit')
    .input(bulkSendInput.extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) => bulkSend(ctx.service, { ...input, origin: ctx.origin, eventId: input.idempotencyKey })),
  bulkSendReminder: permissionProcedure('invoices.edit')
    .input(bulkReminderInput.extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) => bulkSendReminder(ctx.service, { ...input, origin: ctx.origin, eventId: input.idempotencyKey })),
  consolidate: permissionProcedure('invoices.create')
    .input(consolidateInput.extend({ customerId: id }))
    .mutation(({ ctx, input }) => consolidateInvoices(ctx.service, input)),
  regenerateToken: permissionProcedure('invoices.edit')
    .input(invoiceIdInput)
    .mutation(({ ctx, input }) => regenerateInvoiceToken(ctx.service, input)),
});
