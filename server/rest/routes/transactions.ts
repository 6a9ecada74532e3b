import type { z } from 'zod';
import { camelized } from '../../schemas/common';
import { listTransactionsInput, transactionOutput } from '../../schemas/ledger';
import { exportTransactions } from '../../services/ledger/export';
import { listTransactions, type TransactionRow } from '../../services/ledger/list-transactions';
import { csvResponse } from '../csv';
import { defineRoute } from '../handler';
import { listOf } from '../lists';

export const transactionJson = (t: TransactionRow): z.input<typeof transactionOutput> => ({
  id: t.id,
  type: t.type,
  amount: Number(t.amount),
  currency: t.currency,
  invoice_id: t.invoiceId,
  payment_id: t.paymentId,
  refund_id: t.refundId,
  customer_id: t.customerId,
  reseller_id: t.resellerId,
  reference: t.reference,
  actor: t.actor,
  created_at: t.createdAt.toISOString(),
});

// No permission in the spec: the desk needs `reports.view`, a reseller reads its own book, and
// the service decides which (a client is refused there).
export const listTransactionsRoute = defineRoute(
  {
    method: 'GET',
    path: '/transactions',
    summary: 'The money ledger, newest first: every filter; a reseller key reads its own book; `format=csv` exports all matches as CSV',
    tag: 'Transactions',
    query: camelized(listTransactionsInput),
    response: listOf(transactionOutput),
  },
  async ({ ctx, query }) => {
    if (query.format === 'csv') return csvResponse(await exportTransactions(ctx, query), 'transactions.csv');
    const page = await listTransactions(ctx, query);
    return { data: page.items.map(transactionJson), next_cursor: page.nextCursor };
  },
);
