import { sendInvoiceRoute } from '@/server/rest/routes/invoices';

export const POST = sendInvoiceRoute.handler;
