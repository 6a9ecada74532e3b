import { listWebhookDeliveriesRoute } from '@/server/rest/routes/webhooks';

export const GET = listWebhookDeliveriesRoute.handler;
