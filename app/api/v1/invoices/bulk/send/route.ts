import { bulkSendRoute } from '@/server/rest/routes/invoices';

export const POST = bulkSendRoute.handler;
