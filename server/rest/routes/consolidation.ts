import { z } from 'zod';
import { currencyCode } from '../../schemas/common';
import { customerIdInput } from '../../schemas/customers';
import { invoiceOutput } from '../../schemas/invoices';
import { consolidateInvoices } from '../../services/invoices/consolidate';
import { defineRoute } from '../handler';
import { invoiceJson } from './invoices';

export const consolidateRoute = defineRoute(
  {
    method: 'POST',
    path: '/customers/{id}/consolidate',
    summary: 'Merge a customer’s open invoices in one currency into one (409 with fewer than two)',
    tag: 'Customers',
    permission: 'invoices.create',
    params: customerIdInput,
    body: z.strictObject({ currency: currencyCode.optional() }),
    response: invoiceOutput,
    status: 201,
  },
  async ({ ctx, params, body, origin }) => invoiceJson(await consolidateInvoices(ctx, { customerId: params.id, currency: body.currency }), origin),
);
