import { revokeApiKeyRoute } from '@/server/rest/routes/people';

export const DELETE = revokeApiKeyRoute.handler;
