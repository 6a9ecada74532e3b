import { changeInvoiceStatusInput, reminderOutput, sendReminderInput } from '../../schemas/invoice-desk';
import { invoiceIdInput, invoiceOutput } from '../../schemas/invoices';
import { changeInvoiceStatus } from '../../services/invoices/change-status';
import { duplicateInvoice } from '../../services/invoices/duplicate';
import { finalizeAndSend } from '../../services/invoices/finalize-and-send';
import { sendInvoiceReminder } from '../../services/invoices/send-reminder';
import { defineRoute } from '../handler';
import { invoiceJson } from './invoices';

// The invoice page's Change status, Send reminder, Duplicate and Finalize & send, as the console does them.

export const changeInvoiceStatusRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/status',
    summary:
      'Set the status by hand, with a reason (audited): pending/partial → overdue, overdue → pending (partial when part paid) while the due date has not passed, or → cancelled when nothing was received; 409 invalid_state for any other move. Never moves money: pay with mark-paid or payments',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: invoiceIdInput,
    body: changeInvoiceStatusInput,
    response: invoiceOutput,
  },
  async ({ ctx, params, body, origin }) => invoiceJson(await changeInvoiceStatus(ctx, { ...body, id: params.id }), origin),
);

export const sendInvoiceReminderRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/send-reminder',
    summary:
      'Queue a payment reminder e-mail with a template (friendly, overdue, final); it is sent moments later and logged in the invoice’s notifications. 409 invalid_state when the invoice is not awaiting payment',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: invoiceIdInput,
    body: sendReminderInput,
    response: reminderOutput,
    status: 202,
  },
  async ({ ctx, params, body }) => {
    const reminder = await sendInvoiceReminder(ctx, { ...body, id: params.id });
    return {
      id: reminder.id,
      invoice_id: reminder.invoiceId,
      template: reminder.template,
      channel: reminder.channel,
      status: reminder.status,
      queued_at: reminder.queuedAt.toISOString(),
    };
  },
);

export const duplicateInvoiceRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/duplicate',
    summary:
      'A new draft for the same customer with the same lines, currency and notes, issued today; no number, payments or order are copied. 409 invalid_state for a credit or debit note or a credit top-up',
    tag: 'Invoices',
    permission: 'invoices.create',
    params: invoiceIdInput,
    response: invoiceOutput,
    status: 201,
  },
  async ({ ctx, params, origin }) => invoiceJson(await duplicateInvoice(ctx, params), origin),
);

export const finalizeAndSendInvoiceRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/finalize-and-send',
    summary:
      'Finalize a draft and queue its e-mail in one step; the e-mail is sent moments later and logged in the invoice’s notifications. 409 invalid_state when it is not a draft',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: invoiceIdInput,
    response: invoiceOutput,
  },
  async ({ ctx, params, origin }) => invoiceJson((await finalizeAndSend(ctx, params)).invoice, origin),
);
