import { markPaidRoute } from '@/server/rest/routes/invoices';

export const POST = markPaidRoute.handler;
