import { sessionCsvExport } from '@/server/http/session-route';
import { camelized } from '@/server/schemas/common';
import { listInvoicesInput } from '@/server/schemas/invoices';
import { exportInvoices } from '@/server/services/invoices/export';

export const GET = sessionCsvExport(camelized(listInvoicesInput), exportInvoices, 'invoices.csv');
