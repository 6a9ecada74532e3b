import { changeInvoiceStatusInput, sendReminderInput } from '../../schemas/invoice-desk';
import { invoiceIdInput } from '../../schemas/invoices';
import { changeInvoiceStatus, invoiceStatusTargets } from '../../services/invoices/change-status';
import { sendInvoiceReminder } from '../../services/invoices/send-reminder';
import { once, withIdempotencyKey } from '../idempotent';
import { permissionProcedure, router } from '../trpc';

/** The invoice page's Change status and Send reminder (their REST twins: server/rest/routes/invoice-desk.ts). */
export const invoiceDeskRouter = router({
  statusTargets: permissionProcedure('invoices.view')
    .input(invoiceIdInput)
    .query(({ ctx, input }) => invoiceStatusTargets(ctx.service, input)),
  changeStatus: permissionProcedure('invoices.edit')
    .input(changeInvoiceStatusInput.extend(invoiceIdInput.shape))
    .mutation(({ ctx, input }) => changeInvoiceStatus(ctx.service, input)),
  // A double click queues one reminder.
  sendReminder: permissionProcedure('invoices.edit')
    .input(sendReminderInput.extend(invoiceIdInput.shape).extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) => once(ctx, 'invoiceDesk.sendReminder', input, (service) => sendInvoiceReminder(service, input))),
});
