import { recordPaymentRoute } from '@/server/rest/routes/invoices';

export const POST = recordPaymentRoute.handler;
