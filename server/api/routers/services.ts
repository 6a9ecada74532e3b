import { z } from 'zod';
import { camelized } from '../../schemas/common';
import { listServicesInput } from '../../schemas/money-lists';
import { countServicesByStatus, listServices } from '../../services/orders/list-services';
import { authedProcedure, router } from '../trpc';

// The desk and a reseller with orders.view (its book); the service decides, and refuses clients.
export const servicesRouter = router({
  list: authedProcedure
    .input(camelized(listServicesInput.omit({ format: true }).extend({ format: z.literal('json').default('json') })))
    .query(({ ctx, input }) => listServices(ctx.service, input)),
  /** The list's status chips: how many services each status holds under the other filters. */
  statusCounts: authedProcedure
    .input(camelized(listServicesInput.omit({ format: true, limit: true, cursor: true, sort: true })))
    .query(({ ctx, input }) => countServicesByStatus(ctx.service, input)),
});
