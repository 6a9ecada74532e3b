import { camelized } from '../../schemas/common';
import { invoiceOutput } from '../../schemas/invoices';
import { orderDocumentInput, orderIdInput } from '../../schemas/orders';
import { createOrderDocument } from '../../services/orders/create-document';
import { defineRoute } from '../handler';
import { invoiceJson } from './invoices';

export const createOrderDocumentRoute = defineRoute(
  {
    method: 'POST',
    path: '/orders/{id}/documents',
    summary:
      'A draft invoice or proforma for the order’s fixed-price lines, listed with the order, to edit and finalize; it extends no service (renewals stay the billing run’s)',
    tag: 'Orders',
    permission: 'invoices.create',
    status: 201,
    params: orderIdInput,
    body: camelized(orderDocumentInput),
    response: invoiceOutput,
  },
  async ({ ctx, params, body, origin }) => invoiceJson(await createOrderDocument(ctx, { ...body, id: params.id }), origin),
);
