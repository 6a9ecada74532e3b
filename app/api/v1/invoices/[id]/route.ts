import { deleteInvoiceRoute, getInvoiceRoute, updateInvoiceRoute } from '@/server/rest/routes/invoices';

export const GET = getInvoiceRoute.handler;
export const PATCH = updateInvoiceRoute.handler;
export const DELETE = deleteInvoiceRoute.handler;
