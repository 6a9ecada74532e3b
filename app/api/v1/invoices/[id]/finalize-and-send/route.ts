import { finalizeAndSendInvoiceRoute } from '@/server/rest/routes/invoice-desk';

export const POST = finalizeAndSendInvoiceRoute.handler;
