import { cancelInvoiceRoute } from '@/server/rest/routes/invoices';

export const POST = cancelInvoiceRoute.handler;
