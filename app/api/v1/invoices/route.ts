import { createInvoiceRoute, listInvoicesRoute } from '@/server/rest/routes/invoices';

export const POST = createInvoiceRoute.handler;
export const GET = listInvoicesRoute.handler;
