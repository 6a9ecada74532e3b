import { changeInvoiceStatusRoute } from '@/server/rest/routes/invoice-desk';

export const POST = changeInvoiceStatusRoute.handler;
