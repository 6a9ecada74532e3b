import { deleteWebhookEndpointRoute, getWebhookEndpointRoute, updateWebhookEndpointRoute } from '@/server/rest/routes/webhooks';

export const GET = getWebhookEndpointRoute.handler;
export const PATCH = updateWebhookEndpointRoute.handler;
export const DELETE = deleteWebhookEndpointRoute.handler;
