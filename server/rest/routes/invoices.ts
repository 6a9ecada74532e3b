import { z } from 'zod';
import type { CustomerSnapshot } from '../../../db/schema';
import { trimDecimal } from '../../billing/decimal';
import { documentQuery, invoicePdf, pdfResponse } from '../../documents/invoice-pdf';
import { paperSyntax } from '../../documents/paper';
import { camelized } from '../../schemas/common';
import { bulkMarkPaidInput, bulkReminderInput, bulkResultOutput, bulkSendInput } from '../../schemas/invoice-bulk';
import {
  applyCreditInput,
  createInvoiceRequest,
  customerSnapshotOutput,
  invoiceIdInput,
  invoiceOutput,
  listInvoicesInput,
  markPaidInput,
  notificationOutput,
  paymentOutput,
  previewed,
  publicInvoiceInput,
  recordPaymentInput,
  sendInvoiceInput,
  updateInvoiceInput,
} from '../../schemas/invoices';
import { applyCredit } from '../../services/credit/apply';
import { bulkMarkPaid, bulkSend, bulkSendReminder } from '../../services/invoices/bulk';
import { cancelInvoice } from '../../services/invoices/cancel';
import { createInvoice } from '../../services/invoices/create';
import { deleteInvoice } from '../../services/invoices/delete';
import { exportInvoices } from '../../services/invoices/export';
import { finalizeInvoice } from '../../services/invoices/finalize';
import { getInvoice } from '../../services/invoices/get';
import { listInvoices } from '../../services/invoices/list';
import { markInvoicePaid } from '../../services/invoices/mark-paid';
import { openPublicInvoice, publicInvoicePath } from '../../services/invoices/public-link';
import { regenerateInvoiceToken } from '../../services/invoices/regenerate-token';
import { sendInvoice } from '../../services/invoices/send';
import { linePeriod, type InvoiceView, type NotificationRow } from '../../services/invoices/store';
import { updateInvoice } from '../../services/invoices/update';
import { recordPayment, type PaymentRow } from '../../services/payments/record';
import { csvResponse } from '../csv';
import { defineRoute } from '../handler';
import { listOf } from '../lists';
import { billingAddressJson } from './customers';

export const notificationJson = (n: NotificationRow): z.input<typeof notificationOutput> => ({
  id: n.id,
  at: n.at.toISOString(),
  channel: n.channel,
  recipient: n.recipient,
  status: n.status,
  detail: n.detail,
  provider_message_id: n.providerMessageId,
  triggered_by: n.triggeredBy,
});

function snapshotJson(snapshot: CustomerSnapshot | null): z.input<typeof customerSnapshotOutput> {
  if (!snapshot) return null;
  return {
    name: snapshot.name,
    company: snapshot.company,
    email: snapshot.email,
    tax_id: snapshot.taxId,
    billing_address: billingAddressJson(snapshot.billingAddress),
    place_of_supply: snapshot.placeOfSupply,
  };
}

export function invoiceJson(invoice: InvoiceView, origin: string, options: { internal?: boolean } = {}): z.input<typeof invoiceOutput> {
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    status: invoice.status,
    customer_id: invoice.customerId,
    currency: invoice.currency,
    issue_date: invoice.issueDate,
    due_date: invoice.dueDate,
    paid_at: invoice.paidAt?.toISOString() ?? null,
    deleted_at: invoice.deletedAt?.toISOString() ?? null,
    subtotal: Number(invoice.subtotal),
    tax_total: Number(invoice.taxTotal),
    total: Number(invoice.total),
    amount_paid: Number(invoice.amountPaid),
    amount_refunded: Number(invoice.amountRefunded),
    balance: Number(invoice.balance),
    items: invoice.lines.map((line) => ({
      id: line.id,
      description: line.description,
      quantity: trimDecimal(line.quantity),
      unit_price: Number(line.unitPrice),
      tax_rate: trimDecimal(line.taxRate),
      subtotal: Number(line.subtotal),
      tax: Number(line.tax),
      total: Number(line.total),
      period_start: linePeriod(line)?.start ?? null,
      period_end: linePeriod(line)?.end ?? null,
      code: line.code,
    })),
    notes: invoice.notes,
    // The desk's own notes stay off the public page.
    ...(options.internal === false ? {} : { internal_notes: invoice.internalNotes }),
    proforma_id: invoice.proformaId,
    converted_invoice_id: invoice.convertedInvoiceId,
    consolidated_into_id: invoice.consolidatedIntoId,
    corrects_invoice_id: invoice.correctsInvoiceId,
    order_id: invoice.orderId,
    order_name: invoice.orderName,
    po_number: invoice.poNumber,
    customer_snapshot: snapshotJson(invoice.customerSnapshot),
    public_url: invoice.status === 'draft' ? '' : `${origin}${publicInvoicePath(invoice.id, invoice.tokenVersion)}`,
    notifications: invoice.notifications.map((n) => ({
      at: n.at.toISOString(),
      channel: n.channel,
      status: n.status,
      detail: n.detail,
    })),
    created_at: invoice.createdAt.toISOString(),
  };
}

const paymentJson = (payment: PaymentRow): z.input<typeof paymentOutput> => ({
  id: payment.id,
  amount: Number(payment.amount),
  method: payment.method,
  reference: payment.reference,
  paid_at: payment.paidAt.toISOString(),
});

const idParams = invoiceIdInput;
const paymentResult = z.object({ payment: paymentOutput, invoice: invoiceOutput });

export const createInvoiceRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices',
    summary: 'Create an invoice (pending by default, or a draft); totals are computed by the server',
    tag: 'Invoices',
    permission: 'invoices.create',
    body: camelized(createInvoiceRequest),
    response: invoiceOutput,
    status: 201,
  },
  async ({ ctx, body, origin }) => invoiceJson(await createInvoice(ctx, body), origin),
);

export const listInvoicesRoute = defineRoute(
  {
    method: 'GET',
    path: '/invoices',
    summary: 'List invoices, newest first, with every filter; `format=csv` exports all matches as CSV',
    tag: 'Invoices',
    permission: 'invoices.view',
    query: camelized(listInvoicesInput),
    response: listOf(invoiceOutput),
  },
  async ({ ctx, query, origin }) => {
    if (query.format === 'csv') return csvResponse(await exportInvoices(ctx, query), 'invoices.csv');
    const page = await listInvoices(ctx, query);
    return { data: page.items.map((i) => invoiceJson(i, origin)), next_cursor: page.nextCursor };
  },
);

export const getInvoiceRoute = defineRoute(
  { method: 'GET', path: '/invoices/{id}', summary: 'Get an invoice', tag: 'Invoices', permission: 'invoices.view', params: idParams, response: invoiceOutput },
  async ({ ctx, params, origin }) => invoiceJson(await getInvoice(ctx, params), origin),
);

export const updateInvoiceRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/invoices/{id}',
    summary:
      'Edit a draft, or a pending/overdue invoice with nothing paid (else 409 invalid_state); `preview: true` answers with the invoice as the edit would leave it and writes nothing',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: idParams,
    body: camelized(updateInvoiceInput),
    response: previewed(invoiceOutput),
  },
  async ({ ctx, params, body, origin }) => ({
    ...invoiceJson(await updateInvoice(ctx, { ...body, id: params.id }), origin),
    ...(body.preview ? { preview: true as const } : {}),
  }),
);

export const finalizeInvoiceRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/finalize',
    summary: 'Finalize a draft: pending, with the next gapless number',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: idParams,
    response: invoiceOutput,
  },
  async ({ ctx, params, origin }) => invoiceJson(await finalizeInvoice(ctx, params), origin),
);

export const recordPaymentRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/payments',
    summary: 'Record a payment (partial or full; backdating allowed, never in the future)',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: idParams,
    body: camelized(recordPaymentInput),
    response: paymentResult,
    status: 201,
  },
  async ({ ctx, params, body, origin }) => {
    const result = await recordPayment(ctx, {
      invoiceId: params.id,
      amount: body.amount,
      method: body.method,
      reference: body.reference,
      paidAt: body.paidAt ? new Date(body.paidAt) : undefined,
    });
    return { payment: paymentJson(result.payment), invoice: invoiceJson(result.invoice, origin) };
  },
);

export const markPaidRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/mark-paid',
    summary: 'Pay the whole balance in one payment (method defaults to bank_transfer)',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: idParams,
    body: markPaidInput,
    response: paymentResult,
  },
  async ({ ctx, params, body, origin }) => {
    const result = await markInvoicePaid(ctx, { id: params.id, method: body.method, reference: body.reference });
    return { payment: paymentJson(result.payment), invoice: invoiceJson(result.invoice, origin) };
  },
);

export const applyCreditRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/apply-credit',
    summary:
      'Pay from the customer’s credit balance in the invoice’s currency: `amount`, or as much as it covers up to what is due; more than that → 400 on amount, nothing due → 409 invalid_state, no credit → 409 conflict',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: idParams,
    body: applyCreditInput,
    response: paymentResult,
  },
  async ({ ctx, params, body, origin }) => {
    const result = await applyCredit(ctx, { id: params.id, amount: body.amount });
    return { payment: paymentJson(result.payment), invoice: invoiceJson(result.invoice, origin) };
  },
);

export const cancelInvoiceRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/cancel',
    summary: 'Cancel an invoice; 409 invalid_state when money was received',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: idParams,
    response: invoiceOutput,
  },
  async ({ ctx, params, origin }) => invoiceJson(await cancelInvoice(ctx, params), origin),
);

export const deleteInvoiceRoute = defineRoute(
  {
    method: 'DELETE',
    path: '/invoices/{id}',
    summary:
      'Delete a draft or cancelled document (204, no body); it is kept for audit and left out of lists unless include_deleted=true; others → 409 invalid_state',
    tag: 'Invoices',
    permission: 'invoices.delete',
    params: idParams,
    response: z.null(),
    status: 204,
    raw: true,
  },
  async ({ ctx, params }) => {
    await deleteInvoice(ctx, params);
    return new Response(null, { status: 204 });
  },
);

export const regenerateTokenRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/regenerate-token',
    summary: 'Issue a new public link; the old one stops working',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: idParams,
    response: z.object({ public_url: z.string() }),
  },
  async ({ ctx, params, origin }) => ({ public_url: invoiceJson(await regenerateInvoiceToken(ctx, params), origin).public_url }),
);

export const invoicePdfRoute = defineRoute(
  {
    method: 'GET',
    path: '/invoices/{id}/pdf',
    summary:
      'The invoice (or proforma, credit or debit note) as application/pdf, shown inline. `paper` picks the size: ' +
      `${paperSyntax}; without it, the paper-size setting applies (400 on an unknown size). It is written in the customer's ` +
      'language (theirs, else the default_locale setting); `locale` overrides it (400 on a language Cashdesk lacks)',
    tag: 'Invoices',
    permission: 'invoices.view',
    params: idParams,
    query: documentQuery,
    response: z.unknown(),
    raw: true,
  },
  async ({ ctx, params, query, origin }) => pdfResponse(await invoicePdf(ctx, { id: params.id, paper: query.paper, locale: query.locale, origin })),
);

export const sendInvoiceRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/{id}/send',
    summary:
      'Send the invoice by email (Resend, or the dev outbox without RESEND_API_KEY), SMS or WhatsApp and log it. ' +
      'A refused send is logged and returned with status "failed"; an unconfigured channel is 409, a customer without a phone 400',
    tag: 'Invoices',
    permission: 'invoices.edit',
    params: idParams,
    body: sendInvoiceInput,
    response: notificationOutput,
    status: 201,
  },
  async ({ ctx, params, body, origin }) => notificationJson(await sendInvoice(ctx, { id: params.id, channel: body.channel, origin })),
);

const bulkAnswer =
  'Each invoice is its own transaction: the answer lists those that succeeded and those that failed with the reason (an id outside the key’s book fails as not_found)';

export const bulkMarkPaidRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/bulk/mark-paid',
    summary: `Pay the whole balance of each listed invoice (up to 100; method defaults to bank_transfer); one already paid fails with invalid_state. ${bulkAnswer}`,
    tag: 'Invoices',
    permission: 'invoices.edit',
    body: bulkMarkPaidInput,
    response: bulkResultOutput,
  },
  ({ ctx, body }) => bulkMarkPaid(ctx, body),
);

export const bulkSendRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/bulk/send',
    summary: `Send each listed invoice (up to 100) by email, SMS or WhatsApp, as POST /invoices/{id}/send does. ${bulkAnswer}`,
    tag: 'Invoices',
    permission: 'invoices.edit',
    body: bulkSendInput,
    response: bulkResultOutput,
  },
  ({ ctx, body, origin }) => bulkSend(ctx, { ...body, origin }),
);

export const bulkSendReminderRoute = defineRoute(
  {
    method: 'POST',
    path: '/invoices/bulk/send-reminder',
    summary: `Send a payment reminder (an overdue notice when overdue) for each listed open invoice (up to 100; channel defaults to email); one not awaiting payment fails with invalid_state. ${bulkAnswer}`,
    tag: 'Invoices',
    permission: 'invoices.edit',
    body: bulkReminderInput,
    response: bulkResultOutput,
  },
  ({ ctx, body, origin }) => bulkSendReminder(ctx, { ...body, origin }),
);

export const publicInvoiceRoute = defineRoute(
  {
    method: 'GET',
    path: '/public/invoices/{id}',
    summary: 'An invoice by its public link token, without internal notes (no auth; wrong token → 404)',
    tag: 'Public',
    auth: 'none',
    params: z.object({ id: z.string().max(100) }),
    query: publicInvoiceInput,
    response: invoiceOutput,
  },
  // The same check and per-address limit as the public invoice page (one counter for both).
  async ({ ctx, params, query, origin }) => invoiceJson(await openPublicInvoice(ctx, { id: params.id, token: query.token }), origin, { internal: false }),
);
