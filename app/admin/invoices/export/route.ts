import { sessionCsvExport } from '@/server/http/session-route';
import { listInvoicesInput } from '@/server/schemas/invoices';
import { exportInvoices } from '@/server/services/export-invoices';

export const GET = sessionCsvExport(listInvoicesInput, exportInvoices, 'invoices.csv');
