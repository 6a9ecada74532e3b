import { formatMinor } from '@/server/billing/currency';
import type { ListTransactionsInput } from '@/server/schemas/ledger';
import type { ServiceContext } from '@/server/services/context';
import { safeCell } from '@/server/services/spreadsheet';
import { eachTransaction } from './list-transactions';

/** The filtered ledger as CSV rows (header first), amounts as exact decimals. */
export async function exportTransactions(ctx: ServiceContext, input: ListTransactionsInput): Promise<string[][]> {
  const rows = [
    [
      'id',
      'created_at',
      'type',
      'amount',
      'currency',
      'customer_id',
      'customer',
      'reseller_id',
      'reseller',
      'invoice_id',
      'invoice_number',
      'payment_id',
      'refund_id',
      'reference',
      'actor',
    ],
  ];
  for await (const t of eachTransaction(ctx, input)) {
    rows.push([
      t.id,
      t.createdAt.toISOString(),
      t.type,
      formatMinor(t.amount, t.currency),
      t.currency,
      t.customerId ?? '',
      safeCell(t.customerName ?? ''),
      t.resellerId ?? '',
      safeCell(t.resellerName ?? ''),
      t.invoiceId ?? '',
      t.invoiceNumber ?? '',
      t.paymentId ?? '',
      t.refundId ?? '',
      safeCell(t.reference ?? ''),
      safeCell(t.actor),
    ]);
  }
  return rows;
}
