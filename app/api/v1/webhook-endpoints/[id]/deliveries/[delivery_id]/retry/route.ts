import { retryWebhookDeliveryRoute } from '@/server/rest/routes/webhooks';

export const POST = retryWebhookDeliveryRoute.handler;
