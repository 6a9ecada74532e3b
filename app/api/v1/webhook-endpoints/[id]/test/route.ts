import { sendTestWebhookRoute } from '@/server/rest/routes/webhooks';

export const POST = sendTestWebhookRoute.handler;
