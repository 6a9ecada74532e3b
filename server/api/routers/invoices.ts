import { z } from 'zod';
import {
  createInvoiceInput,
  invoiceIdInput,
  listInvoicesInput,
  markPaidInput,
  recordPaymentInput,
  updateInvoiceInput,
} from '../../schemas/invoices';
import { cancelInvoice } from '../../services/cancel-invoice';
import { createInvoice } from '../../services/create-invoice';
import { finalizeInvoice } from '../../services/finalize-invoice';
import { getInvoice, regenerateInvoiceToken } from '../../services/get-invoice';
import { listInvoices } from '../../services/list-invoices';
import { markInvoicePaid, recordPayment } from '../../services/record-payment';
import { updateInvoice } from '../../services/update-invoice';
import { authedProcedure, permissionProcedure, router } from '../trpc';

export const invoicesRouter = router({
  list: permissionProcedure('invoices.view')
    .input(listInvoicesInput.omit({ format: true }).extend({ format: z.literal('json').default('json') }))
    .query(({ ctx, input }) => listInvoices(ctx.service, input)),
  byId: authedProcedure.input(invoiceIdInput).query(({ ctx, input }) => getInvoice(ctx.service, input)),
  create: permissionProcedure('invoices.create')
    .input(createInvoiceInput)
    .mutation(({ ctx, input }) => createInvoice(ctx.service, input)),
  update: permissionProcedure('invoices.edit')
    .input(updateInvoiceInput.extend(invoiceIdInput.shape))
    .mutation(({ ctx, input }) => updateInvoice(ctx.service, input)),
  finalize: permissionProcedure('invoices.edit')
    .input(invoiceIdInput)
    .mutation(({ ctx, input }) => finalizeInvoice(ctx.service, input)),
  recordPayment: permissionProcedure('invoices.edit')
    .input(recordPaymentInput.extend(invoiceIdInput.shape))
    .mutation(({ ctx, input }) =>
      recordPayment(ctx.service, {
        invoiceId: input.id,
        amount: input.amount,
        method: input.method,
        reference: input.reference,
        paidAt: input.paid_at ? new Date(input.paid_at) : undefined,
      }),
    ),
  markPaid: permissionProcedure('invoices.edit')
    .input(markPaidInput.extend(invoiceIdInput.shape))
    .mutation(({ ctx, input }) => markInvoicePaid(ctx.service, input)),
  cancel: permissionProcedure('invoices.edit')
    .input(invoiceIdInput)
    .mutation(({ ctx, input }) => cancelInvoice(ctx.service, input)),
  regenerateToken: permissionProcedure('invoices.edit')
    .input(invoiceIdInput)
    .mutation(({ ctx, input }) => regenerateInvoiceToken(ctx.service, input)),
});
