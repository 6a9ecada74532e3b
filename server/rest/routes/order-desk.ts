import { z } from 'zod';
import { camelized, id } from '../../schemas/common';
import { previewed } from '../../schemas/invoices';
import {
  changeOrderCustomerInput,
  editOrderPriceInput,
  editOrderPriceOutput,
  orderIdInput,
  orderLabelInput,
  orderOutput,
  orderPaymentMethodInput,
} from '../../schemas/orders';
import { changeOrderCustomer } from '../../services/orders/change-customer';
import { addOrderLabel, changeOrderPaymentMethod, removeOrderLabel } from '../../services/orders/edit-details';
import { editOrderPrice } from '../../services/orders/edit-price';
import { markServiceProvisioned } from '../../services/orders/provision';
import { defineRoute } from '../handler';
import { orderJson } from './orders';

// The order page's desk actions (payment method, customer, labels, Edit price, Mark provisioned), as the console does them.

export const changeOrderPaymentMethodRoute = defineRoute(
  {
    method: 'POST',
    path: '/orders/{id}/payment-method',
    summary: 'Change the method the customer means to pay the order by (what the pay page offers first)',
    tag: 'Orders',
    permission: 'orders.edit',
    params: orderIdInput,
    body: camelized(orderPaymentMethodInput.omit({ id: true })),
    response: orderOutput,
  },
  async ({ ctx, params, body }) => orderJson(await changeOrderPaymentMethod(ctx, { ...body, id: params.id })),
);

export const changeOrderCustomerRoute = defineRoute(
  {
    method: 'POST',
    path: '/orders/{id}/customer',
    summary:
      'Move the order to another active customer profile of the same person (one sharing an e-mail address, its own or a contact’s) in the order’s currency: its services and unpaid open documents go with it; paid, refunded and cancelled documents stay. A partly paid document → 409 `invalid_state`',
    tag: 'Orders',
    permission: 'orders.edit',
    params: orderIdInput,
    body: camelized(changeOrderCustomerInput.omit({ id: true })),
    response: orderOutput,
  },
  async ({ ctx, params, body }) => orderJson(await changeOrderCustomer(ctx, { ...body, id: params.id })),
);

export const addOrderLabelRoute = defineRoute(
  {
    method: 'POST',
    path: '/orders/{id}/labels',
    summary: 'Label the order (e.g. "VIP"); adding a label it has changes nothing',
    tag: 'Orders',
    permission: 'orders.edit',
    params: orderIdInput,
    body: orderLabelInput.omit({ id: true }),
    response: orderOutput,
  },
  async ({ ctx, params, body }) => orderJson(await addOrderLabel(ctx, { ...body, id: params.id })),
);

export const removeOrderLabelRoute = defineRoute(
  {
    method: 'DELETE',
    path: '/orders/{id}/labels/{label}',
    summary: 'Take a label off the order; a label it does not have changes nothing',
    tag: 'Orders',
    permission: 'orders.edit',
    params: orderLabelInput.omit({ id: true }).extend(orderIdInput.shape),
    response: orderOutput,
  },
  async ({ ctx, params }) => orderJson(await removeOrderLabel(ctx, params)),
);

export const editOrderPriceRoute = defineRoute(
  {
    method: 'POST',
    path: '/orders/{id}/edit-price',
    summary:
      'A new price per unit and cycle for one line, from now on; the current period follows: the unpaid first invoice is edited, else a debit note bills a rise or a credit note returns a cut. `preview: true` answers with that document and change and writes nothing',
    tag: 'Orders',
    permission: 'orders.edit',
    params: orderIdInput,
    body: camelized(editOrderPriceInput.omit({ id: true })),
    response: previewed(editOrderPriceOutput),
  },
  async ({ ctx, params, body }) => {
    const edit = await editOrderPrice(ctx, { ...body, id: params.id });
    return {
      order: orderJson(edit.order),
      invoice_id: edit.invoiceId,
      document: edit.document,
      number: edit.number,
      total: Number(edit.total),
      total_change: Number(edit.totalChange),
      ...(body.preview ? { preview: true as const } : {}),
    };
  },
);

export const markServiceProvisionedRoute = defineRoute(
  {
    method: 'POST',
    path: '/services/{id}/mark-provisioned',
    summary: 'Record that a manually provisioned service was set up; the order goes live once nothing else waits (`order_active`)',
    tag: 'Orders',
    permission: 'orders.edit',
    params: z.object({ id }),
    response: z.object({ order_active: z.boolean() }),
  },
  async ({ ctx, params }) => ({ order_active: (await markServiceProvisioned(ctx, params)).orderActive }),
);
