import { rotateWebhookSecretRoute } from '@/server/rest/routes/webhooks';

export const POST = rotateWebhookSecretRoute.handler;
