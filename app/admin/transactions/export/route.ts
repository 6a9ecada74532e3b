import { sessionCsvExport } from '@/server/http/session-route';
import { camelized } from '@/server/schemas/common';
import { listTransactionsInput } from '@/server/schemas/ledger';
import { exportTransactions } from '@/server/services/ledger/export';

export const GET = sessionCsvExport(camelized(listTransactionsInput), exportTransactions, 'transactions.csv');
