import { bulkSendReminderRoute } from '@/server/rest/routes/invoices';

export const POST = bulkSendReminderRoute.handler;
