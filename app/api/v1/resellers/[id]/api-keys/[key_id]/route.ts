import { revokeResellerApiKeyRoute } from '@/server/rest/routes/people';

export const DELETE = revokeResellerApiKeyRoute.handler;
