import { z } from 'zod';
import { collectCashInput, findCollectCustomersInput } from '../../schemas/collect';
import { camelized, id } from '../../schemas/common';
import { collectCash } from '../../services/collect/collect-cash';
import { collectionReceipt } from '../../services/collect/receipt';
import { findRoundCustomers, roundCustomer } from '../../services/collect/round';
import { once, withIdempotencyKey } from '../idempotent';
import { permissionProcedure, router } from '../trpc';

/** The Collect page (docs/collectors.md): a collector's customers, their open invoices, cash taken and its receipt. */
export const collectRouter = router({
  customers: permissionProcedure('payments.collect')
    .input(findCollectCustomersInput)
    .query(({ ctx, input }) => findRoundCustomers(ctx.service, input)),
  customer: permissionProcedure('payments.collect')
    .input(z.object({ id }))
    .query(({ ctx, input }) => roundCustomer(ctx.service, input)),
  collectCash: permissionProcedure('payments.collect')
    .input(camelized(collectCashInput.extend(withIdempotencyKey.shape)))
    .mutation(({ ctx, input }) => once(ctx, 'collect.collectCash', input, (service) => collectCash(service, { ...input, origin: ctx.origin }))),
  receipt: permissionProcedure('payments.collect')
    .input(z.object({ id }))
    .query(({ ctx, input }) => collectionReceipt(ctx.service, { paymentId: input.id, origin: ctx.origin })),
});
