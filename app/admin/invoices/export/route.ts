import { sessionCsvExport } from '@/server/http/session-route';
import { listInvoicesInput } from '@/server/schemas/invoices';
import { exportInvoices } from '@/server/services/invoices/export';

export const GET = sessionCsvExport(listInvoicesInput, exportInvoices, 'invoices.csv');
