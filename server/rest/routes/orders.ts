import { z } from 'zod';
import { billingRunInput, billingRunOutput } from '../../schemas/billing-runs';
import { customerIdInput } from '../../schemas/customers';
import { correctionInput, invoiceIdInput, invoiceOutput, refundInput, refundOutput } from '../../schemas/invoices';
import { changeOrderStatusInput, changePlanInput, changePlanOutput, listOrdersInput, orderIdInput, orderOutput, placeOrderInput } from '../../schemas/orders';
import { currencyCode, id, listInput, optionalText } from '../../schemas/common';
import { changePlan } from '../../services/orders/change-plan';
import { approveOrder, changeOrderStatus } from '../../services/orders/change-status';
import { consolidateInvoices } from '../../services/invoices/consolidate';
import { correctInvoice } from '../../services/invoices/correct';
import { exportOrders } from '../../services/orders/export';
import { listOrders } from '../../services/orders/list';
import { getOrder } from '../../services/orders/get';
import type { OrderView } from '../../services/orders/store';
import { placeOrder } from '../../services/orders/place';
import { refundPayment } from '../../services/payments/refund';
import { runBillingDay } from '../../services/billing-runs/run-day';
import { listJobs } from '../../services/automation/jobs';
import { csvResponse } from '../csv';
import { trimDecimal } from '../../billing/decimal';
import { defineRoute } from '../handler';
import { listOf } from '../lists';
import { invoiceJson } from './invoices';

export function orderJson(order: OrderView): z.input<typeof orderOutput> {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    awaiting_approval: order.awaitingApproval,
    customer_id: order.customerId,
    name: order.name,
    total: Number(order.total),
    currency: order.currency,
    invoice_id: order.invoiceId,
    items: order.lines.map((l) => ({
      id: l.id,
      product_id: l.productId,
      description: l.description,
      cycle: l.cycle,
      quantity: trimDecimal(l.quantity),
      unit_price: Number(l.unitPrice),
      setup_fee: Number(l.setupFee),
    })),
    services: order.services.map((s) => ({ id: s.id, status: s.status, next_due_date: s.nextDueDate })),
    labels: order.labels,
    billing_day: order.billingDay,
    start_date: order.startDate,
    payment_method: order.paymentMethod,
    created_at: order.createdAt.toISOString(),
  };
}

export const placeOrderRoute = defineRoute(
  { method: 'POST', path: '/orders', summary: 'Place an order: prices from the catalog, first invoice pending, services pending', tag: 'Orders', permission: 'orders.create', body: placeOrderInput, response: orderOutput, status: 201 },
  async ({ ctx, body }) => orderJson(await placeOrder(ctx, body)),
);

export const listOrdersRoute = defineRoute(
  { method: 'GET', path: '/orders', summary: 'List orders, newest first; `format=csv` exports all matches', tag: 'Orders', permission: 'orders.view', query: listOrdersInput, response: listOf(orderOutput) },
  async ({ ctx, query }) => {
    if (query.format === 'csv') return csvResponse(await exportOrders(ctx, query), 'orders.csv');
    const page = await listOrders(ctx, query);
    return { data: page.items.map(orderJson), next_cursor: page.nextCursor };
  },
);

export const getOrderRoute = defineRoute(
  { method: 'GET', path: '/orders/{id}', summary: 'Get an order', tag: 'Orders', permission: 'orders.view', params: orderIdInput, response: orderOutput },
  async ({ ctx, params }) => orderJson(await getOrder(ctx, params)),
);

export const changeOrderStatusRoute = defineRoute(
  { method: 'POST', path: '/orders/{id}/status', summary: 'Move an order along its state machine (409 invalid_state otherwise)', tag: 'Orders', permission: 'orders.edit', params: orderIdInput, body: changeOrderStatusInput, response: orderOutput },
  async ({ ctx, params, body }) => orderJson(await changeOrderStatus(ctx, { id: params.id, status: body.status })),
);

export const approveOrderRoute = defineRoute(
  { method: 'POST', path: '/orders/{id}/approve', summary: 'Approve a pending order: it and its services go live', tag: 'Orders', permission: 'orders.edit', params: orderIdInput, response: orderOutput },
  async ({ ctx, params }) => orderJson(await approveOrder(ctx, params)),
);

export const changePlanRoute = defineRoute(
  { method: 'POST', path: '/services/{id}/change-plan', summary: 'Change a service’s plan with proration; `preview` writes nothing', tag: 'Orders', permission: 'orders.edit', params: z.object({ id }), body: changePlanInput, response: changePlanOutput },
  async ({ ctx, params, body }) => {
    const change = await changePlan(ctx, { ...body, serviceId: params.id });
    return {
      unused_days: change.unusedDays,
      period_days: change.periodDays,
      old_credit: Number(change.oldCredit),
      new_charge: Number(change.newCharge),
      prorate: Number(change.prorate),
      invoice_id: change.invoiceId,
      credit_note_id: change.creditNoteId,
    };
  },
);

export const consolidateRoute = defineRoute(
  { method: 'POST', path: '/customers/{id}/consolidate', summary: 'Merge a customer’s open invoices in one currency into one (409 with fewer than two)', tag: 'Customers', permission: 'invoices.create', params: customerIdInput, body: z.strictObject({ currency: currencyCode.optional() }), response: invoiceOutput, status: 201 },
  async ({ ctx, params, body, origin }) => invoiceJson(await consolidateInvoices(ctx, { customerId: params.id, currency: body.currency }), origin),
);

export const refundRoute = defineRoute(
  { method: 'POST', path: '/invoices/{id}/refunds', summary: 'Refund through the gateway, record a manual refund, or refund to credit', tag: 'Invoices', permission: 'payments.refund', params: invoiceIdInput, body: refundInput, response: refundOutput, status: 201 },
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
    };
  },
);

const correctionRoute = (kind: 'credit_note' | 'debit_note', path: string, summary: string) =>
  defineRoute(
    { method: 'POST', path, summary, tag: 'Invoices', permission: 'invoices.edit', params: invoiceIdInput, body: correctionInput, response: invoiceOutput, status: 201 },
    async ({ ctx, params, body, origin }) => invoiceJson(await correctInvoice(ctx, { invoiceId: params.id, kind, items: body.items, reason: body.reason }), origin),
  );

export const creditNoteRoute = correctionRoute('credit_note', '/invoices/{id}/credit-notes', 'Issue a credit note; it settles what is open and credits the rest');
export const debitNoteRoute = correctionRoute('debit_note', '/invoices/{id}/debit-notes', 'Issue a debit note, a new document to pay');

export const billingRunRoute = defineRoute(
  { method: 'POST', path: '/billing-runs', summary: 'Run billing and dunning for a date (default today); a rerun creates and sends nothing new', tag: 'Billing runs', permission: 'billing.run', body: billingRunInput, response: billingRunOutput },
  async ({ ctx, body, origin }) => {
    const run = await runBillingDay(ctx, { date: body.date, origin });
    return {
      date: run.date,
      invoices_created: run.invoicesCreated,
      services_billed: run.servicesBilled,
      invoices_marked_overdue: run.invoicesMarkedOverdue,
      reminders_sent: run.remindersSent,
      services_suspended: run.servicesSuspended,
    };
  },
);

const jobOutput = z.object({
  id: z.string(),
  function: z.string(),
  subject_type: z.string(),
  subject_id: z.string(),
  status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
  attempts: z.number().int(),
  steps: z.array(z.object({ name: z.string(), status: z.string(), started_at: z.string(), finished_at: z.string(), error: z.string().optional() })),
  error: z.string().nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
});

export const listJobsRoute = defineRoute(
  {
    method: 'GET',
    path: '/jobs',
    summary: 'Recorded workflow runs ("automator jobs"), newest first',
    tag: 'Billing runs',
    permission: 'orders.view',
    query: listInput.extend({
      subject_type: optionalText(50),
      subject_id: optionalText(100),
      status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']).optional(),
    }),
    response: listOf(jobOutput),
  },
  async ({ ctx, query }) => {
    const page = await listJobs(ctx, query);
    return {
      next_cursor: page.nextCursor,
      data: page.items.map((job) => ({
        id: job.id,
        function: job.function,
        subject_type: job.subjectType,
        subject_id: job.subjectId,
        status: job.status,
        attempts: job.attempts,
        steps: job.steps.map((step) => ({ name: step.name, status: step.status, started_at: step.startedAt, finished_at: step.finishedAt, ...(step.error ? { error: step.error } : {}) })),
        error: job.error,
        created_at: job.createdAt.toISOString(),
        finished_at: job.finishedAt?.toISOString() ?? null,
      })),
    };
  },
);
