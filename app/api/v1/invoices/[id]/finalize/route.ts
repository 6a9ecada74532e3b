import { finalizeInvoiceRoute } from '@/server/rest/routes/invoices';

export const POST = finalizeInvoiceRoute.handler;
