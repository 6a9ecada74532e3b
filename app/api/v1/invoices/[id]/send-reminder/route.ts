import { sendInvoiceReminderRoute } from '@/server/rest/routes/invoice-desk';

export const POST = sendInvoiceReminderRoute.handler;
