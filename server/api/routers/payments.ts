import { z } from 'zod';
import { camelized } from '../../schemas/common';
import { listPaymentsInput } from '../../schemas/money-lists';
import { countPaymentsByType, listPayments } from '../../services/payments/list';
import { authedProcedure, router } from '../trpc';

// The desk and a reseller with invoices.view (its book); the service decides, and refuses clients.
export const paymentsRouter = router({
  list: authedProcedure
    .input(camelized(listPaymentsInput.omit({ format: true }).extend({ format: z.literal('json').default('json') })))
    .query(({ ctx, input }) => listPayments(ctx.service, input)),
  /** The list's Payment / Refund chips: how many of each the other filters select. */
  typeCounts: authedProcedure
    .input(camelized(listPaymentsInput.omit({ format: true, limit: true, cursor: true, type: true })))
    .query(({ ctx, input }) => countPaymentsByType(ctx.service, input)),
});
