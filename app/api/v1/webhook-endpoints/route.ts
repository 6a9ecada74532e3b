import { createWebhookEndpointRoute, listWebhookEndpointsRoute } from '@/server/rest/routes/webhooks';

export const GET = listWebhookEndpointsRoute.handler;
export const POST = createWebhookEndpointRoute.handler;
