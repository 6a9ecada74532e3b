import { z } from 'zod';
import { trimDecimal } from '../../billing/decimal';
import { camelized, id } from '../../schemas/common';
import {
  changeOrderStatusInput,
  changePlanInput,
  changePlanOutput,
  changeSeatsInput,
  changeSeatsOutput,
  listOrdersInput,
  orderIdInput,
  orderOutput,
  placeOrderInput,
  updateOrderInput,
} from '../../schemas/orders';
import { activateContractOrder, deactivateContractOrder } from '../../services/orders/activate-contract';
import { changePlan } from '../../services/orders/change-plan';
import { changeSeats } from '../../services/orders/change-seats';
import { approveOrder, changeOrderStatus } from '../../services/orders/change-status';
import { emailModeOf } from '../../services/orders/contract';
import { exportOrders } from '../../services/orders/export';
import { getOrder } from '../../services/orders/get';
import { listOrders } from '../../services/orders/list';
import { placeOrder } from '../../services/orders/place';
import type { OrderView } from '../../services/orders/store';
import { updateOrder } from '../../services/orders/update';
import { csvResponse } from '../csv';
import { defineRoute } from '../handler';
import { listOf } from '../lists';

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
      // A usage line's price is per unit used, sub-cent allowed: its exact decimal string.
      unit_price: l.usageUnitPrice === null ? Number(l.unitPrice) : trimDecimal(l.usageUnitPrice),
      setup_fee: Number(l.setupFee),
    })),
    services: order.services.map((s) => ({ id: s.id, status: s.status, next_due_date: s.nextDueDate })),
    labels: order.labels,
    billing_day: order.billingDay,
    start_date: order.startDate,
    payment_method: order.paymentMethod,
    created_at: order.createdAt.toISOString(),
    contract: order.contract,
    due_days: order.dueDays,
    end_date: order.endDate,
    email_mode: emailModeOf(order.autoEmail),
    contact_email: order.contact?.email ?? null,
  };
}

export const placeOrderRoute = defineRoute(
  {
    method: 'POST',
    path: '/orders',
    summary: 'Place an order: prices from the catalog, first invoice pending, services pending',
    tag: 'Orders',
    permission: 'orders.create',
    body: camelized(placeOrderInput),
    response: orderOutput,
    status: 201,
  },
  async ({ ctx, body }) => orderJson(await placeOrder(ctx, body)),
);

export const listOrdersRoute = defineRoute(
  {
    method: 'GET',
    path: '/orders',
    summary: 'List orders, newest first; `format=csv` exports all matches',
    tag: 'Orders',
    permission: 'orders.view',
    query: camelized(listOrdersInput),
    response: listOf(orderOutput),
  },
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

export const updateOrderRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/orders/{id}',
    summary: 'Edit a draft contract order (its fields; `items` replaces the lines); 409 invalid_state once it is not a draft',
    tag: 'Orders',
    permission: 'orders.edit',
    params: orderIdInput,
    body: camelized(updateOrderInput),
    response: orderOutput,
  },
  async ({ ctx, params, body }) => orderJson(await updateOrder(ctx, { ...body, id: params.id })),
);

export const activateOrderRoute = defineRoute(
  {
    method: 'POST',
    path: '/orders/{id}/activate',
    summary: 'Activate a draft or paused contract order: services are created (or resumed) and billed by the billing run',
    tag: 'Orders',
    permission: 'orders.edit',
    params: orderIdInput,
    response: orderOutput,
  },
  async ({ ctx, params }) => orderJson(await activateContractOrder(ctx, params)),
);

export const deactivateOrderRoute = defineRoute(
  {
    method: 'POST',
    path: '/orders/{id}/deactivate',
    summary: 'Pause an active contract order: no invoice for periods starting while paused; services stay up at the provider',
    tag: 'Orders',
    permission: 'orders.edit',
    params: orderIdInput,
    response: orderOutput,
  },
  async ({ ctx, params }) => orderJson(await deactivateContractOrder(ctx, params)),
);

export const changeOrderStatusRoute = defineRoute(
  {
    method: 'POST',
    path: '/orders/{id}/status',
    summary: 'Move an order along its state machine (409 invalid_state otherwise)',
    tag: 'Orders',
    permission: 'orders.edit',
    params: orderIdInput,
    body: changeOrderStatusInput,
    response: orderOutput,
  },
  async ({ ctx, params, body }) => orderJson(await changeOrderStatus(ctx, { id: params.id, status: body.status })),
);

export const approveOrderRoute = defineRoute(
  {
    method: 'POST',
    path: '/orders/{id}/approve',
    summary: 'Approve a pending order: it and its services go live',
    tag: 'Orders',
    permission: 'orders.edit',
    params: orderIdInput,
    response: orderOutput,
  },
  async ({ ctx, params }) => orderJson(await approveOrder(ctx, params)),
);

export const changePlanRoute = defineRoute(
  {
    method: 'POST',
    path: '/services/{id}/change-plan',
    summary: 'Change a service’s plan with proration; `preview` writes nothing',
    tag: 'Orders',
    permission: 'orders.edit',
    params: z.object({ id }),
    body: camelized(changePlanInput),
    response: changePlanOutput,
  },
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
      new_price: Number(change.newPrice),
    };
  },
);

export const changeSeatsRoute = defineRoute(
  {
    method: 'POST',
    path: '/services/{id}/seats',
    summary: 'Change a service’s seats with proration for the rest of its billed period; `preview` writes nothing',
    tag: 'Orders',
    permission: 'orders.edit',
    params: z.object({ id }),
    body: camelized(changeSeatsInput),
    response: changeSeatsOutput,
  },
  async ({ ctx, params, body }) => {
    const change = await changeSeats(ctx, { ...body, serviceId: params.id });
    return {
      quantity: change.quantity,
      previous_quantity: change.previousQuantity,
      unit_price: Number(change.unitPrice),
      price: Number(change.price),
      previous_price: Number(change.previousPrice),
      period_start: change.periodStart,
      period_end: change.periodEnd,
      unused_days: change.unusedDays,
      period_days: change.periodDays,
      old_credit: Number(change.oldCredit),
      new_charge: Number(change.newCharge),
      prorate: Number(change.prorate),
      charge: Number(change.charge),
      credit: Number(change.credit),
      total: Number(change.total),
      invoice_id: change.invoiceId,
      credit_note_id: change.creditNoteId,
    };
  },
);
