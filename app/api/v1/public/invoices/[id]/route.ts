import { publicInvoiceRoute } from '@/server/rest/routes/invoices';

export const GET = publicInvoiceRoute.handler;
