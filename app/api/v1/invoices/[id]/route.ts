import { getInvoiceRoute, updateInvoiceRoute } from '@/server/rest/routes/invoices';

export const GET = getInvoiceRoute.handler;
export const PATCH = updateInvoiceRoute.handler;
