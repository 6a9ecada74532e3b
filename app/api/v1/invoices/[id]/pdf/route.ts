import { invoicePdfRoute } from '@/server/rest/routes/invoices';

export const GET = invoicePdfRoute.handler;
