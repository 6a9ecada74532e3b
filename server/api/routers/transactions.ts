import { z } from 'zod';
import { camelized } from '../../schemas/common';
import { listTransactionsInput } from '../../schemas/ledger';
import { listTransactions } from '../../services/ledger/list-transactions';
import { authedProcedure, router } from '../trpc';

// The desk reads the ledger with `reports.view`, a reseller its own book; the service decides.
export const transactionsRouter = router({
  list: authedProcedure
    .input(camelized(listTransactionsInput.omit({ format: true }).extend({ format: z.literal('json').default('json') })))
    .query(({ ctx, input }) => listTransactions(ctx.service, input)),
});
