import { duplicateInvoiceRoute } from '@/server/rest/routes/invoice-desk';

export const POST = duplicateInvoiceRoute.handler;
