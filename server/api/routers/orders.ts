import { z } from 'zod';
import { billingRunInput } from '../../schemas/billing-runs';
import { camelized, id } from '../../schemas/common';
import {
  changeOrderCustomerInput,
  changeOrderStatusInput,
  changePlanInput,
  changeSeatsInput,
  editOrderPriceInput,
  listOrdersInput,
  orderDocumentInput,
  orderIdInput,
  orderLabelInput,
  orderPaymentMethodInput,
  placeOrderInput,
  updateOrderInput,
} from '../../schemas/orders';
import { runBillingDay } from '../../services/billing-runs/run-day';
import { activateContractOrder, deactivateContractOrder } from '../../services/orders/activate-contract';
import { changeOrderCustomer, orderCustomerChoices } from '../../services/orders/change-customer';
import { changePlan } from '../../services/orders/change-plan';
import { changeSeats } from '../../services/orders/change-seats';
import { approveOrder, changeOrderStatus } from '../../services/orders/change-status';
import { createOrderDocument } from '../../services/orders/create-document';
import { addOrderLabel, changeOrderPaymentMethod, orderPaymentMethodChoices, removeOrderLabel } from '../../services/orders/edit-details';
import { editOrderPrice } from '../../services/orders/edit-price';
import { getOrder } from '../../services/orders/get';
import { getOrderHistory } from '../../services/orders/history';
import { countOrdersByStatus, listOrders } from '../../services/orders/list';
import { previewNextInvoice } from '../../services/orders/next-invoice';
import { placeOrder } from '../../services/orders/place';
import { planChoices } from '../../services/orders/plan-choices';
import { markServiceProvisioned } from '../../services/orders/provision';
import { updateOrder } from '../../services/orders/update';
import { once, withIdempotencyKey } from '../idempotent';
import { authedProcedure, bookProcedure, permissionProcedure, router } from '../trpc';

export const ordersRouter = router({
  list: permissionProcedure('orders.view')
    .input(camelized(listOrdersInput.omit({ format: true }).extend({ format: z.literal('json').default('json') })))
    .query(({ ctx, input }) => listOrders(ctx.service, input)),
  /** The list's status chips: how many orders each status holds under the other filters. */
  statusCounts: permissionProcedure('orders.view')
    .input(camelized(listOrdersInput.omit({ format: true, limit: true, cursor: true, sort: true })))
    .query(({ ctx, input }) => countOrdersByStatus(ctx.service, input)),
  byId: authedProcedure.input(orderIdInput).query(({ ctx, input }) => getOrder(ctx.service, input)),
  history: permissionProcedure('orders.view')
    .input(orderIdInput)
    .query(({ ctx, input }) => getOrderHistory(ctx.service, input)),
  // A contract's next invoice date and amount as the billing run will make it (null for a store order).
  nextInvoice: permissionProcedure('orders.view')
    .input(orderIdInput)
    .query(({ ctx, input }) => previewNextInvoice(ctx.service, input)),
  place: permissionProcedure('orders.create')
    .input(camelized(placeOrderInput))
    .mutation(({ ctx, input }) => placeOrder(ctx.service, input)),
  // A draft contract order's fields and lines; activate/deactivate move a contract draft → active ⇄ paused.
  update: permissionProcedure('orders.edit')
    .input(camelized(updateOrderInput.extend(orderIdInput.shape)))
    .mutation(({ ctx, input }) => updateOrder(ctx.service, input)),
  activate: permissionProcedure('orders.edit')
    .input(orderIdInput)
    .mutation(({ ctx, input }) => activateContractOrder(ctx.service, input)),
  deactivate: permissionProcedure('orders.edit')
    .input(orderIdInput)
    .mutation(({ ctx, input }) => deactivateContractOrder(ctx.service, input)),
  approve: permissionProcedure('orders.edit')
    .input(orderIdInput)
    .mutation(({ ctx, input }) => approveOrder(ctx.service, input)),
  changeStatus: permissionProcedure('orders.edit')
    .input(changeOrderStatusInput.extend(orderIdInput.shape))
    .mutation(({ ctx, input }) => changeOrderStatus(ctx.service, input)),
  createDocument: permissionProcedure('invoices.create')
    .input(orderDocumentInput.extend(orderIdInput.shape))
    .mutation(({ ctx, input }) => createOrderDocument(ctx.service, input)),
  paymentMethodChoices: permissionProcedure('orders.edit').query(({ ctx }) => orderPaymentMethodChoices(ctx.service)),
  changePaymentMethod: permissionProcedure('orders.edit')
    .input(camelized(orderPaymentMethodInput))
    .mutation(({ ctx, input }) => changeOrderPaymentMethod(ctx.service, input)),
  customerChoices: permissionProcedure('orders.edit')
    .input(orderIdInput)
    .query(({ ctx, input }) => orderCustomerChoices(ctx.service, input)),
  changeCustomer: permissionProcedure('orders.edit')
    .input(camelized(changeOrderCustomerInput))
    .mutation(({ ctx, input }) => changeOrderCustomer(ctx.service, input)),
  addLabel: permissionProcedure('orders.edit')
    .input(orderLabelInput)
    .mutation(({ ctx, input }) => addOrderLabel(ctx.service, input)),
  removeLabel: permissionProcedure('orders.edit')
    .input(orderLabelInput)
    .mutation(({ ctx, input }) => removeOrderLabel(ctx.service, input)),
  editPrice: permissionProcedure('orders.edit')
    .input(camelized(editOrderPriceInput))
    .mutation(({ ctx, input }) => editOrderPrice(ctx.service, input)),
  markServiceProvisioned: permissionProcedure('orders.edit')
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => markServiceProvisioned(ctx.service, input)),
  // The service decides (changePlanPermission): orders.edit for the desk, invoices.edit for a reseller.
  // A confirmed change (it bills or credits) runs once per dialog's key, a preview writes nothing.
  changePlan: bookProcedure
    .input(camelized(changePlanInput.extend({ serviceId: id }).extend(withIdempotencyKey.shape)))
    .mutation(({ ctx, input }) =>
      input.preview ? changePlan(ctx.service, input) : once(ctx, 'orders.changePlan', input, (service) => changePlan(service, input)),
    ),
  // What the change-plan form offers for a service: its plan now and the plans it may move to, with their options.
  planChoices: bookProcedure.input(z.object({ serviceId: id })).query(({ ctx, input }) => planChoices(ctx.service, input)),
  // Decided as changePlan; a confirmed change (it bills or credits) runs once per dialog's key, a preview writes nothing.
  changeSeats: bookProcedure
    .input(changeSeatsInput.extend({ serviceId: id }).extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) =>
      input.preview ? changeSeats(ctx.service, input) : once(ctx, 'orders.changeSeats', input, (service) => changeSeats(service, input)),
    ),
  runBilling: permissionProcedure('billing.run')
    .input(billingRunInput)
    .mutation(({ ctx, input }) => runBillingDay(ctx.service, { date: input.date, origin: ctx.origin })),
});
