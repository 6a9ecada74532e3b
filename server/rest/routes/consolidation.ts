import { customerIdInput } from '../../schemas/customers';
import { consolidateInput, invoiceOutput, previewed } from '../../schemas/invoices';
import { consolidateInvoices } from '../../services/invoices/consolidate';
import { defineRoute } from '../handler';
import { invoiceJson } from './invoices';

export const consolidateRoute = defineRoute(
  {
    method: 'POST',
    path: '/customers/{id}/consolidate',
    summary:
      'Merge a customer’s open invoices in one currency into one (409 with fewer than two); `preview: true` answers with the parent invoice it would write (200) and writes nothing',
    tag: 'Customers',
    permission: 'invoices.create',
    params: customerIdInput,
    body: consolidateInput,
    response: previewed(invoiceOutput),
    status: 201,
  },
  async ({ ctx, params, body, origin }) => ({
    ...invoiceJson(await consolidateInvoices(ctx, { customerId: params.id, currency: body.currency, preview: body.preview }), origin),
    ...(body.preview ? { preview: true as const } : {}),
  }),
);
