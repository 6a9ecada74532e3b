import { camelized } from '@/server/schemas/common';
import { listTransactionsInput } from '@/server/schemas/ledger';
import { exportTransactions } from '@/server/services/ledger/export';
import { rangeCovered, reportExportRoute } from '../../reports/export-route';

// The console's ledger always shows a range (this month unless chosen), and so does its file.
export const GET = reportExportRoute(
  camelized(listTransactionsInput.required({ from: true, to: true })),
  exportTransactions,
  {
    title: 'Transactions',
    file: (input) => `transactions-${input.from}-${input.to}`,
    covers: rangeCovered,
    pdfColumns: ['created_at', 'type', 'amount', 'currency', 'customer', 'reseller', 'invoice_number', 'reference', 'actor'],
  },
  { ranged: true },
);
